import { openKnowledgeBase } from '../app.js';
import type { Config } from '../config.js';
import { ConfnotesError } from '../errors.js';
import { citationCheckerFor } from '../eval/citations.js';
import { readQuestions } from '../eval/questions.js';
import { formatEvalTable, runEval } from '../eval/run-eval.js';
import { terminalProgress } from './progress.js';

export async function evalCommand(config: Config, options: { questions: string[]; train?: string[]; k: number; folds?: number; json: boolean }): Promise<void> {
  if (options.train && !options.folds) throw new ConfnotesError('EVAL_TRAIN_WITHOUT_FOLDS', '--train only changes the folds\' fits');
  const questions = options.questions.flatMap(readQuestions);
  const training = (options.train ?? []).flatMap(readQuestions);
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  try {
    const report = await runEval(kb, questions, options.k, await citationCheckerFor(config.notesDir, config.maxFileBytes), { folds: options.folds, training });
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatEvalTable(report)}\n`);
  } finally {
    await kb.close();
  }
}

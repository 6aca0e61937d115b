import { openKnowledgeBase } from '../app.js';
import type { Config } from '../config.js';
import { ConfnotesError } from '../errors.js';
import { citationCheckerFor } from '../eval/citations.js';
import { readQuestions } from '../eval/questions.js';
import { leftOut } from '../fit/leave-out.js';
import { formatEvalTable, runEval } from '../eval/run-eval.js';
import { terminalProgress } from './progress.js';

export async function evalCommand(
  config: Config,
  options: { questions: string[]; train?: string[]; without?: string[]; foldSeed?: string; k: number; folds?: number; json: boolean },
): Promise<void> {
  for (const [flag, given] of [['--train', options.train], ['--without', options.without], ['--fold-seed', options.foldSeed]] as const) {
    if (given && !options.folds) throw new ConfnotesError('EVAL_NEEDS_FOLDS', `${flag} only changes the folds`);
  }
  const without = leftOut(options.without ?? []);
  const questions = options.questions.flatMap(readQuestions);
  const training = (options.train ?? []).flatMap(readQuestions);
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  try {
    const report = await runEval(kb, questions, options.k, await citationCheckerFor(config.notesDir, config.maxFileBytes), {
      folds: options.folds,
      foldSeed: options.foldSeed,
      training,
      without,
    });
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatEvalTable(report)}\n`);
  } finally {
    await kb.close();
  }
}

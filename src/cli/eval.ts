import { openKnowledgeBase } from '../app.js';
import type { Config } from '../config.js';
import { citationCheckerFor } from '../eval/citations.js';
import { readQuestions } from '../eval/questions.js';
import { formatEvalTable, runEval } from '../eval/run-eval.js';
import { terminalProgress } from './progress.js';

export async function evalCommand(config: Config, options: { questions: string[]; k: number; folds?: number; json: boolean }): Promise<void> {
  const questions = options.questions.flatMap(readQuestions);
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  try {
    const report = await runEval(kb, questions, options.k, await citationCheckerFor(config.notesDir, config.maxFileBytes), { folds: options.folds });
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatEvalTable(report)}\n`);
  } finally {
    await kb.close();
  }
}

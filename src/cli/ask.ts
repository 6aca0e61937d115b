import { openKnowledgeBase } from '../app.js';
import { validateQuestion } from '../answers/question.js';
import { formatAnswerText } from '../answers/format-text.js';
import type { Config } from '../config.js';
import { openFeedbackLog, recordIfAbstained } from '../gaps/feedback-log.js';
import { log } from '../log.js';
import { terminalProgress } from './progress.js';
import { terminalCitations } from './terminal-link.js';

export async function askCommand(config: Config, question: string, options: { json: boolean; excerpts?: number }): Promise<void> {
  // Checked before the model loads: a usage error should be instant.
  validateQuestion(question);
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  try {
    const { answer } = await kb.ask(question, { excerpts: options.excerpts ?? config.excerpts });
    const feedback = await openFeedbackLog(config);
    // A record that cannot be written must not cost the asker the answer.
    await recordIfAbstained(feedback, answer, 'cli')
      .catch((error: unknown) => log.warn({ err: error }, 'could not record the unanswered question'))
      .finally(() => feedback.close());
    process.stdout.write(options.json ? `${JSON.stringify(answer, null, 2)}\n` : `${formatAnswerText(answer, terminalCitations(config.notesUrl, process.stdout.isTTY === true))}\n`);
  } finally {
    await kb.close();
  }
}

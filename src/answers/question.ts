// A question is checked before any work is done, so that every way in gives the same usage message.
import { ConfnotesError } from '../errors.js';

export const MAX_QUESTION_CHARS = 500;

/** The question, trimmed and with its whitespace folded; throws a usage error when it cannot be asked. */
export function validateQuestion(question: string): string {
  const folded = question.replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(folded)) throw new ConfnotesError('QUESTION_EMPTY', 'The question is empty');
  if (folded.length > MAX_QUESTION_CHARS) {
    throw new ConfnotesError('QUESTION_TOO_LONG', `The question has ${folded.length} characters`);
  }
  return folded;
}

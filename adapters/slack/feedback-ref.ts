// Each feedback button carries what its vote is about, so a click needs no server-side memory of the
// answer (and survives restarts). Slack caps an element's value at 2000 characters.
import { z } from 'zod';
import type { Vote } from '../../src/gaps/feedback-log.js';

export interface FeedbackRef {
  question: string;
  excerpts: string[];
}

/** The action id of the native `feedback_buttons` element under every answer. */
export const FEEDBACK_ACTION = 'confnotes_feedback';

const MAX_VALUE = 2000;
const MAX_QUESTION = 500;

const refSchema = z.object({ v: z.enum(['up', 'down']), q: z.string(), e: z.array(z.string()) });

/** The value of one of the two buttons: the vote it casts, the question, and as many excerpt ids as fit. */
export function encodeFeedbackValue(vote: Vote, ref: FeedbackRef): string {
  const excerpts = [...ref.excerpts];
  const encode = () => JSON.stringify({ v: vote, q: ref.question.slice(0, MAX_QUESTION), e: excerpts });
  let value = encode();
  while (value.length > MAX_VALUE && excerpts.length > 0) {
    excerpts.pop();
    value = encode();
  }
  return value;
}

export function decodeFeedbackValue(value: string): { vote: Vote; ref: FeedbackRef } | undefined {
  try {
    const parsed = refSchema.safeParse(JSON.parse(value));
    return parsed.success ? { vote: parsed.data.v, ref: { question: parsed.data.q, excerpts: parsed.data.e } } : undefined;
  } catch {
    return undefined;
  }
}

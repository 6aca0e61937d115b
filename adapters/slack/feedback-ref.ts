// The 👍/👎 buttons carry what a vote is about, so a click needs no server-side memory of the answer
// (and survives restarts). Slack caps a button value at 2000 characters.
import { z } from 'zod';

export interface FeedbackRef {
  question: string;
  excerpts: string[];
}

export const VOTE_ACTION = { up: 'confnotes_vote_up', down: 'confnotes_vote_down' } as const;
export const VOTE_ACTION_PATTERN = /^confnotes_vote_(up|down)$/;

const MAX_VALUE = 2000;
const MAX_QUESTION = 500;

const refSchema = z.object({ q: z.string(), e: z.array(z.string()) });

export function encodeFeedbackRef(ref: FeedbackRef): string {
  const excerpts = [...ref.excerpts];
  const encode = () => JSON.stringify({ q: ref.question.slice(0, MAX_QUESTION), e: excerpts });
  let value = encode();
  while (value.length > MAX_VALUE && excerpts.length > 0) {
    excerpts.pop();
    value = encode();
  }
  return value;
}

export function decodeFeedbackRef(value: string): FeedbackRef | undefined {
  try {
    const parsed = refSchema.safeParse(JSON.parse(value));
    return parsed.success ? { question: parsed.data.q, excerpts: parsed.data.e } : undefined;
  } catch {
    return undefined;
  }
}

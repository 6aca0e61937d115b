// What a thread already holds, read back from Slack (conversations.replies) rather than kept in memory,
// so that follow-ups work after a restart and with several bot processes. Each answer the bot posts
// carries message metadata naming the question it answered.
import type { webApi } from '@slack/bolt';

export const ANSWER_EVENT = 'confnotes_answer';

/** The metadata posted with every answer: the (composed) question it answers. */
export function answerMetadata(question: string): webApi.MessageMetadata {
  return { event_type: ANSWER_EVENT, event_payload: { question } };
}

export interface ThreadHistory {
  /** How many answers the bot has posted in the thread; 0 means the thread is someone else's. */
  answers: number;
  /** The question of the latest answer, which a follow-up builds on. */
  lastQuestion?: string;
}

// One page of replies is enough: follow-ups stop after a few turns, long before 200 messages.
const PAGE = 200;

export async function readThread(client: webApi.WebClient, channel: string, threadTs: string): Promise<ThreadHistory> {
  const { messages = [] } = await client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: PAGE });
  let answers = 0;
  let lastQuestion: string | undefined;
  for (const message of messages) {
    const metadata = message.metadata as { event_type?: string; event_payload?: { question?: unknown } } | undefined;
    if (metadata?.event_type !== ANSWER_EVENT) continue;
    answers += 1;
    if (typeof metadata.event_payload?.question === 'string') lastQuestion = metadata.event_payload.question;
  }
  return { answers, lastQuestion };
}

// Delivers an answer into a thread with Slack's text streaming (chat.startStream / appendStream /
// stopStream through web-api's ChatStreamer, which Bolt hands listeners as `sayStream`): the headline and
// each quote appear as they are written, the citations and the feedback buttons when the stream stops.
// Where streaming is refused, the whole message is posted instead.
import type { SayStreamFn, webApi } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import type { SlackMessage } from './blocks.js';
import type { StreamedAnswer } from './format-answer.js';
import { safeError } from './safe-error.js';

// Quotes often contain links; previews of them would bury the quotes.
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

export interface ThreadTarget {
  channel: string;
  threadTs: string;
}

/** Message metadata: what the thread's later follow-ups read back (see follow-up-thread.ts). */
export type AnswerMetadata = webApi.MessageMetadata;

export async function streamAnswer(
  client: webApi.WebClient,
  sayStream: SayStreamFn,
  where: ThreadTarget,
  streamed: StreamedAnswer,
  whole: SlackMessage,
  logger: Logger,
  metadata?: AnswerMetadata,
): Promise<void> {
  // ChatStreamer holds text back until 256 characters by default; 1 sends each part as soon as it is appended.
  const streamer = sayStream({ buffer_size: 1 });
  try {
    for (const part of streamed.parts) await streamer.append({ markdown_text: part });
    await streamer.stop({ blocks: streamed.closing, ...(metadata && { metadata }) });
    return;
  } catch (error) {
    logger.info({ error: safeError(error), streamed: streamer.ts !== undefined }, 'streaming refused; sending the whole answer');
  }
  const message = { ...whole, ...(metadata && { metadata }) };
  if (streamer.ts) {
    // Part of the answer is already shown: complete that message rather than posting a second one below it.
    await client.chat.update({ channel: where.channel, ts: streamer.ts, ...message });
  } else {
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, ...message, ...NO_UNFURL });
  }
}

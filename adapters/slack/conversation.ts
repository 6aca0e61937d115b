// What the bot says to a request, whatever the Slack surface (slash command, mention, DM). Deciding
// the reply here, apart from delivering it, keeps the Bolt listeners to plumbing.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../src/log.js';
import { composeFollowUp } from '../../src/answers/follow-up.js';
import { isConfnotesError } from '../../src/errors.js';
import { type FeedbackLog, recordIfAbstained } from '../../src/gaps/feedback-log.js';
import type { ConfnotesService } from '../../src/service.js';
import type { Answer } from '../../src/types.js';
import type { SlackMessage } from './blocks.js';
import { type StreamedAnswer, formatAnswer, streamedAnswer } from './format-answer.js';
import { type DigestMessages, formatDigest } from './format-digest.js';
import { type SlackRequest, parseRequest, plainText } from './incoming-text.js';
import type { RateLimiter } from './rate-limit.js';
import { apology, conferenceNotFound, notHere, slowDown, usage } from './replies.js';

export interface Asker {
  user: string;
  channel: string;
  /** Slash commands also give the channel's name, which an allow-list may use. */
  channelName?: string;
  isDm: boolean;
}

export type Reply =
  /** `onlyAsker`: usage, refusals and apologies are for the asker's eyes only. */
  | { kind: 'message'; message: SlackMessage; onlyAsker: boolean }
  /** An answer, whole (`message`) and, when it has quotes, in the form a thread streams (`stream`). */
  | { kind: 'answer'; answer: Answer; message: SlackMessage; stream?: StreamedAnswer }
  | ({ kind: 'digest' } & DigestMessages);

export interface ConversationDeps {
  service: ConfnotesService;
  /** Channel ids or names where the bot answers; empty means everywhere. DMs are always allowed. */
  channels: string[];
  rateLimitPerMinute: number;
  rateLimiter: RateLimiter;
  logger: Logger;
  /** CONFNOTES_NOTES_URL: citations become links to the notes' lines. */
  notesUrl?: string;
  /** Where unanswered questions are recorded for `confnotes gaps`. */
  gaps?: FeedbackLog;
}

const forAsker = (message: SlackMessage): Reply => ({ kind: 'message', message, onlyAsker: true });

function isAllowed(channels: string[], asker: Asker): boolean {
  if (asker.isDm || channels.length === 0) return true;
  const name = asker.channelName?.toLowerCase();
  return channels.some((c) => c === asker.channel || (name !== undefined && c.replace(/^#/, '').toLowerCase() === name));
}

/** `earlier`: the question the thread's last answer answered, when the message is a follow-up in that thread. */
export type Converse = (markup: string, asker: Asker, earlier?: string) => Promise<Reply>;

export function createConversation(deps: ConversationDeps): Converse {
  const { service, logger } = deps;

  async function fulfil(request: Exclude<SlackRequest, { kind: 'help' }>, asker: Asker, earlier: string | undefined): Promise<Reply> {
    if (request.kind === 'digest') {
      if (!request.conference) return forAsker(conferenceNotFound('', await service.conferences()));
      try {
        return { kind: 'digest', ...formatDigest(await service.digest(request.conference), deps.notesUrl) };
      } catch (error) {
        if (isConfnotesError(error) && error.code === 'CONFERENCE_NOT_FOUND') {
          return forAsker(conferenceNotFound(request.conference, await service.conferences()));
        }
        throw error;
      }
    }
    try {
      const answer = await service.ask(earlier ? composeFollowUp(earlier, request.question) : request.question);
      if (deps.gaps) {
        // A record that cannot be written must not cost the asker the answer.
        await recordIfAbstained(deps.gaps, answer, `slack:${asker.channel}`).catch((error: unknown) => logger.warn({ err: error }, 'could not record the unanswered question'));
      }
      const format = { notesUrl: deps.notesUrl };
      return { kind: 'answer', answer, message: formatAnswer(answer, format), stream: streamedAnswer(answer, format) };
    } catch (error) {
      if (isConfnotesError(error) && (error.code === 'QUESTION_EMPTY' || error.code === 'QUESTION_TOO_LONG')) {
        return forAsker(usage(error.message));
      }
      throw error;
    }
  }

  return async (markup, asker, earlier) => {
    const request = parseRequest(plainText(markup));
    if (request.kind === 'help') return forAsker(usage());
    if (!isAllowed(deps.channels, asker)) return forAsker(notHere(deps.channels));
    const rate = deps.rateLimiter.take(asker.user);
    if (!rate.allowed) return forAsker(slowDown(deps.rateLimitPerMinute, rate.retryAfterSeconds));
    try {
      return await fulfil(request, asker, earlier);
    } catch (error) {
      // Anything unexpected: the asker gets an id to report, the log gets the details under the same id.
      const errorId = randomUUID().slice(0, 8);
      logger.error({ err: error, errorId, user: asker.user, channel: asker.channel }, 'slack request failed');
      return forAsker(apology(errorId));
    }
  };
}

// Bolt wiring: receives slash commands, mentions, DMs and button clicks, and delivers what
// conversation.ts decides. HTTP by default (Bolt's /slack/events for everything), Socket Mode when an
// app token is set.
import type { AddressInfo } from 'node:net';
import { App, type BlockAction, type ButtonAction, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import { ConfnotesError } from '../../src/errors.js';
import { log } from '../../src/log.js';
import type { ConfnotesService } from '../../src/service.js';
import type { SlackMessage } from './blocks.js';
import { createBoltLogger } from './bolt-logger.js';
import { type Asker, type Reply, createConversation } from './conversation.js';
import { createDedupe, type Dedupe } from './dedupe.js';
import { VOTE_ACTION, VOTE_ACTION_PATTERN, decodeFeedbackRef } from './feedback-ref.js';
import { createFeedbackStore } from './feedback-store.js';
import { withVoteCounted } from './format-answer.js';
import type { DigestMessages } from './format-digest.js';
import { createRateLimiter } from './rate-limit.js';
import { COMMAND, cannotPostDigest } from './replies.js';
import { rejectFutureRequests } from './request-guard.js';
import { safeError } from './safe-error.js';

type WebClient = webApi.WebClient;

export interface SlackHandle {
  /** Stops receiving, then waits for the requests being answered. */
  stop(): Promise<void>;
  /** The HTTP port listened on (HTTP mode only). */
  port?: number;
}

const WORKING_EMOJI = 'eyes';
// Quotes often contain links; previews of them would bury the quotes.
const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

export interface SlackOptions {
  /** Where repeated event ids are recognised (default: this process's memory). */
  dedupe?: Dedupe;
}

export async function startSlack(service: ConfnotesService, config: Config, options: SlackOptions = {}): Promise<SlackHandle> {
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (!botToken) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', 'SLACK_BOT_TOKEN is not set');
  if (!appToken && !signingSecret) {
    throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', 'SLACK_SIGNING_SECRET is not set (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const logger = log.child({ adapter: 'slack' });
  const boltLogger = createBoltLogger(logger);
  const apiOptions: webApi.WebClientOptions = apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {};
  // An answer that arrives minutes late is worse than a logged failure: retry briefly, not for half an hour.
  const clientOptions: webApi.WebClientOptions = { ...apiOptions, retryConfig: { retries: 2, maxTimeout: 2_000 } };

  let receiver: Receiver;
  let stopReceiving: () => Promise<unknown>;
  if (appToken) {
    // The socket's own client keeps its patient default retries: reconnecting is worth waiting for.
    const socket = new SocketModeReceiver({ appToken, logger: boltLogger, installerOptions: { clientOptions: { ...apiOptions } } });
    // Bolt's stop() does not wait for the websocket's close handshake; the client's disconnect() does.
    stopReceiving = () => socket.client.disconnect();
    receiver = socket;
  } else {
    const http = new HTTPReceiver({ signingSecret: signingSecret!, logger: boltLogger });
    http.requestListener = rejectFutureRequests(http.requestListener, () => logger.warn('request signed with a future timestamp: rejected'));
    stopReceiving = () => http.stop();
    receiver = http;
  }
  const app = new App({
    receiver,
    // No auth.test at start (nor later): replies only need the token, and the bot's own messages are
    // recognised by their bot_id below rather than by Bolt's ignoreSelf, which needs the bot's ids.
    authorize: async () => ({ botToken }),
    logger: boltLogger,
    clientOptions,
  });

  const converse = createConversation({
    service,
    channels: config.slack.channels,
    rateLimitPerMinute: config.slack.rateLimitPerMinute,
    rateLimiter: createRateLimiter(config.slack.rateLimitPerMinute),
    logger,
  });
  const dedupe = options.dedupe ?? createDedupe();
  const feedback = createFeedbackStore(config.stateDir);
  const inflight = new Set<Promise<void>>();

  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await dedupe.firstSeen(eventId))) {
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'repeated Slack event ignored');
      return;
    }
    // next() resolves once the listeners are done: tracking it lets stop() wait for answers in progress.
    const handling = next();
    inflight.add(handling);
    try {
      await handling;
    } finally {
      inflight.delete(handling);
    }
  });

  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    const isDm = command.channel_name === 'directmessage';
    const reply = await converse(command.text, { user: command.user_id, channel: command.channel_id, channelName: command.channel_name, isDm });
    if (reply.kind === 'digest') {
      try {
        await postDigest(client, command.channel_id, undefined, reply);
      } catch (error) {
        logger.warn({ error: safeError(error), channel: command.channel_id }, 'could not post the digest');
        await respond({ response_type: 'ephemeral', ...cannotPostDigest() });
      }
      return;
    }
    await respond({ response_type: reply.onlyAsker ? 'ephemeral' : config.slack.responseType, ...reply.message });
  });

  async function answerMessage(client: WebClient, text: string, asker: Asker, ts: string, threadTs: string | undefined): Promise<void> {
    const reaction = { channel: asker.channel, timestamp: ts, name: WORKING_EMOJI };
    await client.reactions.add(reaction).catch((error: unknown) => logger.warn({ error: safeError(error) }, 'reactions.add failed'));
    try {
      await deliver(client, await converse(text, asker), asker, threadTs);
    } finally {
      await client.reactions.remove(reaction).catch((error: unknown) => logger.warn({ error: safeError(error) }, 'reactions.remove failed'));
    }
  }

  app.event('app_mention', async ({ event, client }) => {
    if (!event.user) return;
    const asker = { user: event.user, channel: event.channel, isDm: false };
    await answerMessage(client, event.text, asker, event.ts, event.thread_ts ?? event.ts);
  });

  app.event('message', async ({ event, client }) => {
    // Only plain messages people type in a DM: not edits, joins or bot posts (including this bot's replies).
    if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id) return;
    const asker = { user: event.user, channel: event.channel, isDm: true };
    await answerMessage(client, event.text ?? '', asker, event.ts, event.thread_ts);
  });

  app.action<BlockAction<ButtonAction>>(VOTE_ACTION_PATTERN, async ({ ack, body, action, respond }) => {
    await ack();
    const vote = action.action_id === VOTE_ACTION.up ? 'up' : 'down';
    const ref = decodeFeedbackRef(action.value ?? '');
    if (!ref) {
      logger.warn({ actionId: action.action_id }, 'vote button without a readable value');
      return;
    }
    await feedback.append({ ...ref, user: body.user.id, vote, time: new Date().toISOString() });
    const original = body.message;
    if (original?.blocks) {
      await respond({ replace_original: true, text: original.text ?? '', blocks: withVoteCounted(original.blocks, vote) });
    } else {
      // Ephemeral messages come without their blocks: acknowledge the vote beside the answer instead.
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Thanks, your vote was counted.' });
    }
  });

  app.error(async (error) => {
    logger.error({ error: safeError(error) }, 'unhandled Slack listener error');
  });

  let port: number | undefined;
  if (appToken) {
    await app.start();
  } else {
    port = ((await app.start(config.slack.port)).address() as AddressInfo).port;
  }
  logger.info({ mode: appToken ? 'socket' : 'http', port }, 'Slack adapter started');

  return {
    port,
    async stop() {
      await stopReceiving();
      await Promise.allSettled([...inflight]);
    },
  };
}

async function deliver(client: WebClient, reply: Reply, asker: Asker, threadTs: string | undefined): Promise<void> {
  if (reply.kind === 'digest') return postDigest(client, asker.channel, threadTs, reply);
  const message: SlackMessage = reply.message;
  if (reply.onlyAsker && !asker.isDm) {
    await client.chat.postEphemeral({ channel: asker.channel, user: asker.user, thread_ts: threadTs, ...message });
  } else {
    await client.chat.postMessage({ channel: asker.channel, thread_ts: threadTs, ...message, ...NO_UNFURL });
  }
}

/** The parent message, then the talks as replies in its thread (or in the thread the request came from). */
async function postDigest(client: WebClient, channel: string, threadTs: string | undefined, digest: DigestMessages): Promise<void> {
  const parent = await client.chat.postMessage({ channel, thread_ts: threadTs, ...digest.parent, ...NO_UNFURL });
  const thread = threadTs ?? parent.ts;
  for (const message of digest.thread) await client.chat.postMessage({ channel, thread_ts: thread, ...message, ...NO_UNFURL });
}

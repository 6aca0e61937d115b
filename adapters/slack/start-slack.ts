// Bolt wiring: receives slash commands, mentions, DMs and button clicks, and delivers what
// conversation.ts decides. HTTP by default (Bolt's /slack/events for everything), Socket Mode when an
// app token is set.
import type { AddressInfo } from 'node:net';
import {
  App,
  Assistant,
  type BlockFeedbackButtonsAction,
  HTTPReceiver,
  type Receiver,
  type RespondFn,
  type SayStreamFn,
  type SlashCommand,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Config } from '../../src/config.js';
import { ConfnotesError } from '../../src/errors.js';
import { log } from '../../src/log.js';
import { afterAcks } from '../../src/pool/after-acks.js';
import type { ConfnotesService } from '../../src/service.js';
import type { SlackMessage } from './blocks.js';
import { ackCommandsFirst } from './ack-first.js';
import { createBoltLogger } from './bolt-logger.js';
import { type Asker, type Reply, createConversation } from './conversation.js';
import { createDedupe, type Dedupe } from './dedupe.js';
import { FEEDBACK_ACTION, decodeFeedbackValue } from './feedback-ref.js';
import { openFeedbackLog } from '../../src/gaps/feedback-log.js';
import { parseCitation } from './blocks.js';
import { withVoteCounted } from './format-answer.js';
import type { DigestMessages } from './format-digest.js';
import { createRateLimiter } from './rate-limit.js';
import { COMMAND, cannotPostDigest, followUpLimit } from './replies.js';
import { rejectFutureRequests } from './request-guard.js';
import { safeError } from './safe-error.js';
import { type AnswerMetadata, NO_UNFURL, streamAnswer } from './stream-answer.js';
import { answerMetadata, readThread } from './thread-history.js';
import { suggestPrompts } from '../../src/suggestions/suggested-prompts.js';
import { type SetStatus, createWorkingIndicator } from './working-indicator.js';

type WebClient = webApi.WebClient;

export interface SlackHandle {
  /** Stops receiving, then waits for the requests being answered. */
  stop(): Promise<void>;
  /** The HTTP port listened on (HTTP mode only). */
  port?: number;
}

/** Where a message event is answered, and Bolt's helpers for that thread. */
interface MessageTurn {
  client: WebClient;
  text: string;
  asker: Asker;
  /** The question message's ts. */
  ts: string;
  /** The thread the answer goes to. */
  threadTs: string;
  /** The question the thread's last answer answered, when this message follows up on it. */
  earlier?: string;
  setStatus?: SetStatus;
  sayStream?: SayStreamFn;
}

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
  /** Resolves once the commands acknowledged ahead of Bolt have been through it (HTTP mode). */
  let commandsSettled = async (): Promise<void> => undefined;
  /**
   * Runs a command's answering once a burst's acks are out (after-acks.ts). Over HTTP, ack-first.ts queued the
   * whole command there before Bolt saw it, so its listener runs late already and answers at once. In Socket
   * Mode Bolt's listener sends the ack itself, on the websocket, and queues the answering behind it.
   */
  let afterAck: <T>(work: () => Promise<T>) => Promise<T>;
  if (appToken) {
    // The socket's own client keeps its patient default retries: reconnecting is worth waiting for.
    const socket = new SocketModeReceiver({ appToken, logger: boltLogger, installerOptions: { clientOptions: { ...apiOptions } } });
    // Bolt's stop() does not wait for the websocket's close handshake; the client's disconnect() does.
    stopReceiving = () => socket.client.disconnect();
    receiver = socket;
    afterAck = afterAcks().later;
  } else {
    const http = new HTTPReceiver({ signingSecret: signingSecret!, logger: boltLogger });
    const ackFirst = ackCommandsFirst(http.requestListener, {
      signingSecret: signingSecret!,
      command: COMMAND,
      process: (event) => app.processEvent(event),
      onError: (error) => logger.error({ error: safeError(error) }, 'a Slack command failed after its ack'),
    });
    commandsSettled = ackFirst.settled;
    http.requestListener = rejectFutureRequests(ackFirst.listener, () => logger.warn('request signed with a future timestamp: rejected'));
    stopReceiving = () => http.stop();
    receiver = http;
    afterAck = (work) => work();
  }
  const app = new App({
    receiver,
    // No auth.test at start (nor later): replies only need the token, and the bot's own messages are
    // recognised by their bot_id below rather than by Bolt's ignoreSelf, which needs the bot's ids.
    authorize: async () => ({ botToken }),
    // Bolt's ignoreSelf needs those ids too, so without them it is a middleware run on every request for
    // nothing; and no listener reads Bolt's conversation store. Both off: every request goes through
    // them before its ack, and a burst of 200 pays for them 200 times ahead of its last ack.
    ignoreSelf: false,
    convoStore: false,
    logger: boltLogger,
    clientOptions,
  });

  const feedback = await openFeedbackLog(config);
  const converse = createConversation({
    service,
    channels: config.slack.channels,
    rateLimitPerMinute: config.slack.rateLimitPerMinute,
    rateLimiter: createRateLimiter(config.slack.rateLimitPerMinute),
    logger,
    notesUrl: config.notesUrl,
    gaps: feedback,
  });
  const dedupe = options.dedupe ?? createDedupe();
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
    // Over HTTP the command was acknowledged before Bolt saw it (ack-first.ts) and this ack() sends nothing;
    // in Socket Mode it is the ack.
    await ack();
    await afterAck(() => answerCommand(command, respond, client));
  });

  async function answerCommand(command: SlashCommand, respond: RespondFn, client: WebClient): Promise<void> {
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
    const onlyAsker = reply.kind === 'message' && reply.onlyAsker;
    const responseType = onlyAsker ? 'ephemeral' : config.slack.responseType;
    // An answer the channel sees names its question, as answers in threads do: replies in its thread are
    // follow-ups. An ephemeral answer has no thread.
    const metadata = reply.kind === 'answer' && responseType === 'in_channel' ? answerMetadata(reply.answer.question) : undefined;
    await respond({ response_type: responseType, ...reply.message, ...(metadata && { metadata }) });
  }

  /** Status (or 👀) at once, then the reply in the thread: streamed when it is an answer with quotes. */
  async function answerMessage(turn: MessageTurn): Promise<void> {
    const { client, asker } = turn;
    const working = createWorkingIndicator(client, turn.setStatus, { channel: asker.channel, ts: turn.ts }, logger);
    await working.start();
    let replied = false;
    try {
      const reply = await converse(turn.text, asker, turn.earlier);
      // Every answer names its question in metadata, for the follow-ups that will build on it.
      const metadata = reply.kind === 'answer' ? answerMetadata(reply.answer.question) : undefined;
      if (reply.kind === 'answer' && reply.stream && turn.sayStream) {
        await working.quoting();
        replied = true;
        await streamAnswer(client, turn.sayStream, { channel: asker.channel, threadTs: turn.threadTs }, reply.stream, reply.message, logger, metadata);
      } else {
        replied = !(reply.kind === 'message' && reply.onlyAsker && !asker.isDm);
        await deliver(client, reply, asker, turn.threadTs, metadata);
      }
    } finally {
      await working.finish(replied);
    }
  }

  /** The earlier question of a thread the bot answered in, when follow-ups are on. */
  async function earlierIn(client: WebClient, channel: string, threadTs: string | undefined): Promise<string | undefined> {
    if (!threadTs || config.slack.followUps === 0) return undefined;
    return (await readThread(client, channel, threadTs)).lastQuestion;
  }

  app.event('app_mention', async ({ event, client, setStatus, sayStream }) => {
    if (!event.user) return;
    const asker = { user: event.user, channel: event.channel, isDm: false };
    const earlier = await earlierIn(client, event.channel, event.thread_ts);
    await answerMessage({ client, text: event.text, asker, ts: event.ts, threadTs: event.thread_ts ?? event.ts, earlier, setStatus, sayStream });
  });

  app.event('message', async ({ event, client, setStatus, sayStream }) => {
    // Only plain messages people type: not edits, joins or bot posts (including this bot's replies).
    if (event.subtype !== undefined || event.bot_id) return;
    const text = event.text ?? '';
    const threadTs = event.thread_ts !== undefined && event.thread_ts !== event.ts ? event.thread_ts : undefined;
    if (event.channel_type === 'im') {
      const asker = { user: event.user, channel: event.channel, isDm: true };
      const earlier = await earlierIn(client, event.channel, threadTs);
      // Answers go to the message's thread: a streamed reply needs one, and the DM stays one question per thread.
      await answerMessage({ client, text, asker, ts: event.ts, threadTs: threadTs ?? event.ts, earlier, setStatus, sayStream });
      return;
    }
    // In a channel, a follow-up is a reply in a thread the bot answered. A reply that mentions someone is
    // addressed to them, or to the bot, whose mentions arrive as app_mention.
    if (!threadTs || config.slack.followUps === 0 || text.includes('<@')) return;
    const history = await readThread(client, event.channel, threadTs);
    if (history.answers === 0) return;
    const asker = { user: event.user, channel: event.channel, isDm: false };
    if (history.answers > config.slack.followUps) {
      await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts: threadTs, ...followUpLimit(config.slack.followUps) });
      return;
    }
    await answerMessage({ client, text, asker, ts: event.ts, threadTs, earlier: history.lastQuestion, setStatus, sayStream });
  });

  // Slack's AI-app surface: each conversation with the app is a thread, opened with prompts built from
  // what is indexed; every message in it is answered in that thread, later ones as follow-ups.
  app.assistant(
    new Assistant({
      threadStarted: async ({ say, setSuggestedPrompts }) => {
        await say('Ask me anything about the team’s conference notes: I answer with the notes’ own words and where they are.');
        const prompts = suggestPrompts(((await service.talks?.()) ?? []).filter((t) => !t.empty));
        if (prompts.length > 0) await setSuggestedPrompts({ title: 'From the latest notes', prompts });
      },
      // The channel the user is viewing does not change what the notes say: nothing to save (Bolt's
      // default would rewrite the thread's first message on every change).
      threadContextChanged: async () => undefined,
      userMessage: async ({ message, client, setStatus, sayStream }) => {
        if (message.subtype !== undefined || message.bot_id || !message.thread_ts) return;
        const asker = { user: message.user, channel: message.channel, isDm: true };
        const earlier = await earlierIn(client, message.channel, message.thread_ts);
        await answerMessage({ client, text: message.text ?? '', asker, ts: message.ts, threadTs: message.thread_ts, earlier, setStatus, sayStream });
      },
    }),
  );

  app.action<BlockFeedbackButtonsAction>({ action_id: FEEDBACK_ACTION }, async ({ ack, body, action, respond }) => {
    await ack();
    const decoded = decodeFeedbackValue(action.value ?? '');
    if (!decoded) {
      logger.warn({ actionId: action.action_id }, 'feedback button without a readable value');
      return;
    }
    const { vote, ref } = decoded;
    const time = new Date().toISOString();
    await feedback.recordVote({ ...ref, user: body.user.id, vote, time });
    if (vote === 'down') {
      const closest = ref.excerpts.flatMap((id) => parseCitation(id) ?? []);
      await feedback
        .recordGap({ kind: 'downvoted', question: ref.question, origin: `slack:${body.channel?.id ?? 'unknown'}`, closest, time })
        .catch((error: unknown) => logger.warn({ err: error }, 'could not record the 👎'));
    }
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
  try {
    if (appToken) {
      await app.start();
    } else {
      port = ((await app.start(config.slack.port)).address() as AddressInfo).port;
    }
  } catch (error) {
    await feedback.close();
    throw error;
  }
  logger.info({ mode: appToken ? 'socket' : 'http', port }, 'Slack adapter started');

  return {
    port,
    async stop() {
      await stopReceiving();
      await commandsSettled();
      await Promise.allSettled([...inflight]);
      await feedback.close();
    },
  };
}

async function deliver(client: WebClient, reply: Reply, asker: Asker, threadTs: string | undefined, metadata?: AnswerMetadata): Promise<void> {
  if (reply.kind === 'digest') return postDigest(client, asker.channel, threadTs, reply);
  const message: SlackMessage = reply.message;
  if (reply.kind === 'message' && reply.onlyAsker && !asker.isDm) {
    await client.chat.postEphemeral({ channel: asker.channel, user: asker.user, thread_ts: threadTs, ...message });
  } else {
    await client.chat.postMessage({ channel: asker.channel, thread_ts: threadTs, ...message, ...(metadata && { metadata }), ...NO_UNFURL });
  }
}

/** The parent message, then the talks as replies in its thread (or in the thread the request came from). */
async function postDigest(client: WebClient, channel: string, threadTs: string | undefined, digest: DigestMessages): Promise<void> {
  const parent = await client.chat.postMessage({ channel, thread_ts: threadTs, ...digest.parent, ...NO_UNFURL });
  const thread = threadTs ?? parent.ts;
  for (const message of digest.thread) await client.chat.postMessage({ channel, thread_ts: thread, ...message, ...NO_UNFURL });
}

// A fake Slack on 127.0.0.1: the Web API methods the adapter calls, response_url endpoints, and a
// Socket Mode websocket. It records every call so that tests can assert on what the bot sent.
import { createHmac } from 'node:crypto';
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface RecordedCall {
  /** A Web API method (`chat.postMessage`), or `response_url` for respond() posts. */
  method: string;
  body: Record<string, unknown>;
  /** The URL called, for response_url posts. */
  url?: string;
  authorization?: string;
  /** What the fake answered. */
  response?: Record<string, unknown>;
}

export const BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0001' };

/** A message as the fake keeps it for conversations.replies: people's (added by tests) and the bot's. */
export interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text: string;
  blocks?: unknown[];
  metadata?: unknown;
  /** For streamed messages: the markdown text of each startStream/appendStream/stopStream, in order. */
  streamed?: string[];
}

const chunkText = (body: Record<string, unknown>): string =>
  [
    typeof body.markdown_text === 'string' ? body.markdown_text : '',
    ...((body.chunks as Array<{ type: string; text?: string }> | undefined) ?? []).filter((c) => c.type === 'markdown_text').map((c) => c.text ?? ''),
  ].join('');

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  // WebClient posts forms; structured arguments (blocks) arrive as JSON strings.
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'attachments', 'chunks', 'metadata', 'prompts']) if (typeof body[key] === 'string') body[key] = JSON.parse(body[key] as string);
  return body;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private server: Server;
  private sockets = new WebSocketServer({ noServer: true });
  private socket?: WebSocket;
  private acks = new Map<string, (payload: unknown) => void>();
  private nextTs = 1;
  /** Web API method → the Slack error code the fake answers it with, until removed. */
  readonly failures = new Map<string, string>();
  /** Every message in every conversation, for conversations.replies. */
  readonly messages: StoredMessage[] = [];
  /** response_url id → the channel its command came from. */
  private responseChannels = new Map<string, string>();
  port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      this.sockets.handleUpgrade(req, socket, head, (ws) => {
        this.socket = ws;
        ws.on('message', (data) => {
          const message = JSON.parse(String(data)) as { envelope_id: string; payload: unknown };
          this.acks.get(message.envelope_id)?.(message.payload);
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } }));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /**
   * A response_url that records what respond() sends to it. Given the channel of the command, an
   * `in_channel` response also becomes a message there, as Slack posts it for the app, with its metadata.
   */
  responseUrl(id = 'r1', channel?: string): string {
    if (channel) this.responseChannels.set(id, channel);
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const body = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/respond/')) {
      this.calls.push({ method: 'response_url', body, url: `http://127.0.0.1:${this.port}${path}` });
      const channel = this.responseChannels.get(path.slice('/respond/'.length));
      if (channel && body.response_type === 'in_channel') {
        const { text, blocks, metadata } = body as Partial<StoredMessage>;
        this.messages.push({ channel, ts: `1700000000.${String(this.nextTs++).padStart(6, '0')}`, user: BOT.userId, bot_id: BOT.botId, text: String(text ?? ''), blocks, metadata });
      }
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, '');
    const response = this.answer(method, body);
    this.calls.push({ method, body, authorization: req.headers.authorization, response });
    return { status: 200, body: response };
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const failure = this.failures.get(method);
    if (failure) return { ok: false, error: failure };
    const newTs = () => `1700000000.${String(this.nextTs++).padStart(6, '0')}`;
    const channel = String(body.channel ?? '');
    switch (method) {
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      case 'chat.startStream': {
        const ts = newTs();
        const text = chunkText(body);
        this.messages.push({ channel, ts, thread_ts: body.thread_ts as string | undefined, user: BOT.userId, bot_id: BOT.botId, text, streamed: [text] });
        return { ok: true, channel, ts };
      }
      case 'chat.appendStream':
      case 'chat.stopStream': {
        const message = this.messages.find((m) => m.channel === channel && m.ts === body.ts && m.streamed);
        if (!message) return { ok: false, error: 'message_not_found' };
        const text = chunkText(body);
        message.streamed!.push(text);
        message.text += text;
        if (method === 'chat.stopStream') Object.assign(message, { blocks: body.blocks, metadata: body.metadata });
        return { ok: true, channel, ts: message.ts, ...(method === 'chat.stopStream' && { message }) };
      }
      case 'conversations.replies': {
        const thread = this.messages
          .filter((m) => m.channel === channel && (m.ts === body.ts || m.thread_ts === body.ts))
          .map(({ streamed: _s, metadata, ...m }) => ({ type: 'message', ...m, ...(body.include_all_metadata === 'true' && metadata ? { metadata } : {}) }));
        return { ok: true, messages: thread, has_more: false };
      }
      case 'auth.test':
        return { ok: true, user_id: BOT.userId, bot_id: BOT.botId, team_id: BOT.teamId };
      case 'chat.postMessage': {
        const ts = newTs();
        const { text, blocks, metadata, thread_ts } = body as Partial<StoredMessage>;
        this.messages.push({ channel, ts, thread_ts, user: BOT.userId, bot_id: BOT.botId, text: String(text ?? ''), blocks, metadata });
        return { ok: true, channel: body.channel, ts, message: { ...body, ts } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(this.nextTs++).padStart(6, '0')}` };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** Adds a message someone wrote, so that conversations.replies returns it. */
  addMessage(message: Omit<StoredMessage, 'streamed'>): void {
    this.messages.push(message);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first recorded call to `method` that matches, polling until `timeoutMs`. */
  async waitFor(method: string, match: (call: RecordedCall) => boolean = () => true, timeoutMs = 10_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find((c) => c.method === method && match(c));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${method} call within ${timeoutMs} ms; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Resolves once a Socket Mode client has connected and been greeted. */
  async socketConnected(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.socket?.readyState !== WebSocket.OPEN) {
      if (Date.now() > deadline) throw new Error('no Socket Mode connection');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Sends a Socket Mode envelope and resolves with the payload of the client's ack. */
  sendEnvelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: unknown, envelopeId = `env-${this.nextTs++}`): Promise<unknown> {
    const acked = new Promise<unknown>((resolve) => this.acks.set(envelopeId, resolve));
    this.socket!.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }));
    return acked;
  }

  async close(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let seq = 0;

/** An Events API request body around `event`, as Slack POSTs it to the bot. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++seq}`): string {
  return JSON.stringify({
    token: 'legacy', team_id: BOT.teamId, api_app_id: 'A0001', type: 'event_callback', event_id: eventId, event_time: 1_700_000_000,
    authorizations: [{ team_id: BOT.teamId, user_id: BOT.userId, is_bot: true }], event,
  });
}

/** Someone mentions the bot in #general (or `over.channel`); `ts` is the thread its answer goes to. */
export function mention(text: string, over: Record<string, unknown> = {}): { body: string; ts: string } {
  const ts = `1700000100.${String(++seq).padStart(6, '0')}`;
  const body = eventEnvelope({ type: 'app_mention', user: 'U0ASKER', text: `<@${BOT.userId}> ${text}`, ts, channel: 'C0GENERAL', event_ts: ts, ...over });
  return { body, ts };
}

/** The form body Slack POSTs when `user` clicks a `feedback_buttons` button (`value`) under a message. */
export function feedbackClick(
  message: { channel: string; ts: string; blocks: unknown },
  button: { value: string; vote: 'up' | 'down' },
  responseUrl: string,
  user = 'U0VOTER',
): string {
  const payload = {
    type: 'block_actions', user: { id: user, username: 'voter', team_id: BOT.teamId }, api_app_id: 'A0001', token: 'legacy',
    team: { id: BOT.teamId, domain: 'team' }, channel: { id: message.channel, name: 'general' },
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    message: { type: 'message', ts: message.ts, text: 'answer', blocks: message.blocks }, response_url: responseUrl, trigger_id: 't',
    actions: [{
      type: 'feedback_buttons', action_id: 'confnotes_feedback', block_id: 'confnotes_feedback', value: button.value, action_ts: '1700000001.0',
      text: { type: 'plain_text', text: button.vote === 'up' ? '👍' : '👎' },
    }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Signs a request body the way Slack does. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (forgery tests). */
  signature?: string;
  headers?: Record<string, string>;
}

/** POSTs to the bot's /slack/events like Slack: form bodies for commands and actions, JSON for events. */
export async function postToBot(port: number, body: string, contentType: 'form' | 'json', options: SignedPostOptions): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
      ...options.headers,
    },
    body,
  });
}

// A fake Discord on 127.0.0.1: the REST API discord.js calls (gateway discovery, interaction callbacks,
// webhook edits and follow-ups, refused like Discord's when a Components V2 message breaks its rules,
// command registration) and a gateway websocket that speaks just enough of
// the protocol for a bot to log in and receive interactions. Every HTTP request is recorded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { flatComponents } from './discord-checks.js';

export const APPLICATION_ID = '111111111111111111';
export const BOT_TOKEN = 'fake-bot-token.SECRET';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface GatewaySession {
  socket: WebSocket;
  /** [shardId, shardCount] from IDENTIFY. */
  shard: [number, number];
  identify: any;
}

export interface FakeDiscord {
  apiUrl: string;
  requests: RecordedRequest[];
  sessions: GatewaySession[];
  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves once `check` holds, re-checked after each request and each gateway session. */
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  waitForSessions(count: number, timeoutMs?: number): Promise<GatewaySession[]>;
  /** Sends INTERACTION_CREATE to one gateway session (the first by default). */
  dispatch(interaction: object, session?: GatewaySession): void;
  /** The next `count` requests matching answer 429 with Retry-After before being served. */
  rateLimit(match: (request: RecordedRequest) => boolean, count: number, retryAfterSeconds: number): void;
  /** How many 429s were served. */
  rateLimited(): number;
  close(): Promise<void>;
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const sessions: GatewaySession[] = [];
  const waiters: Array<() => void> = [];
  const limits: Array<{ match: (r: RecordedRequest) => boolean; left: number; retryAfter: number }> = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  let messageId = 900000000000000000n;
  let served429 = 0;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const body = parseBody(req.headers['content-type'], raw);
    const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
    const limit = limits.find((l) => l.left > 0 && l.match(request));
    if (limit) {
      limit.left -= 1;
      served429 += 1;
      res.setHeader('retry-after', String(limit.retryAfter));
      return json(res, 429, { message: 'You are being rate limited.', retry_after: limit.retryAfter, global: false });
    }
    requests.push(request);
    notify();
    route(request, res);
  });

  const route = (request: RecordedRequest, res: ServerResponse) => {
    const { method, path } = request;
    if (method === 'GET' && path === '/api/v10/gateway/bot') {
      return json(res, 200, {
        url: `ws://127.0.0.1:${port()}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'POST' && /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204).end();
      return;
    }
    const webhook = /^\/api\/v10\/webhooks\/(\d+)\/[^/]+(\/messages\/(%40original|@original|\d+))?$/.exec(path);
    if (webhook && (method === 'PATCH' || method === 'POST')) {
      const problem = componentsV2Problem(request.body);
      if (problem) return json(res, 400, { message: 'Invalid Form Body', code: 50035, errors: { _errors: [{ code: 'INVALID', message: problem }] } });
      messageId += 1n;
      return json(res, 200, fakeMessage(String(messageId), request.body));
    }
    if (method === 'PUT' && /^\/api\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return json(res, 200, (request.body as any[]).map((command, i) => ({ id: String(700 + i), application_id: APPLICATION_ID, version: '1', ...command })));
    }
    return json(res, 404, { message: 'Unknown route in fake Discord', code: 0 });
  };

  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket) => {
    let sequence = 0;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data));
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op === 2) {
        const shard: [number, number] = payload.d.shard ?? [0, 1];
        sessions.push({ socket, shard, identify: payload.d });
        (socket as WebSocket & { nextSequence: () => number }).nextSequence = () => ++sequence;
        socket.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++sequence,
            d: {
              v: 10,
              user: { id: APPLICATION_ID, username: 'confnotes', discriminator: '0', bot: true, avatar: null, global_name: null },
              guilds: [],
              session_id: `session-${shard[0]}`,
              resume_gateway_url: `ws://127.0.0.1:${port()}`,
              shard,
              application: { id: APPLICATION_ID, flags: 0 },
            },
          }),
        );
        notify();
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as AddressInfo).port;

  const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Discord: timed out waiting for ${what}`)), timeoutMs);
      const attempt = () => {
        const found = check();
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(attempt);
      };
      attempt();
    });

  return {
    apiUrl: `http://127.0.0.1:${port()}/api`,
    requests,
    sessions,
    waitForRequest: (match, timeoutMs = 10_000) => waitUntil(() => requests.find(match), timeoutMs, 'a request'),
    waitFor: async (check, timeoutMs = 10_000) => {
      await waitUntil(() => (check() ? true : undefined), timeoutMs, 'a condition');
    },
    waitForSessions: (count, timeoutMs = 30_000) =>
      waitUntil(() => (sessions.length >= count ? sessions.slice(0, count) : undefined), timeoutMs, `${count} gateway sessions`),
    dispatch(interaction, session = sessions[0]) {
      if (!session) throw new Error('fake Discord: no bot is connected');
      const s = (session.socket as WebSocket & { nextSequence: () => number }).nextSequence();
      session.socket.send(JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s, d: interaction }));
    },
    rateLimit(match, count, retryAfterSeconds) {
      limits.push({ match, left: count, retryAfter: retryAfterSeconds });
    },
    rateLimited: () => served429,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(contentType: string | undefined, raw: string): unknown {
  if (!raw) return undefined;
  if (contentType?.startsWith('multipart/form-data')) {
    // discord.js sends files as multipart with the JSON in `payload_json`; we never attach files.
    const json = /name="payload_json"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return json ? JSON.parse(json[1]!) : raw;
  }
  return JSON.parse(raw);
}

// Discord's own numbers, not the adapter's LIMITS: a wrong limit there must be refused here.
const IS_COMPONENTS_V2 = 1 << 15;
const MAX_COMPONENTS = 40;
const MAX_COMPONENT_TEXT = 4000;

/**
 * What Discord refuses in a message flagged IS_COMPONENTS_V2: the legacy `content` and `embeds` fields, more
 * than 40 components (nested ones count) or more than 4,000 characters of text across them.
 */
function componentsV2Problem(body: any): string | undefined {
  if (!body || ((body.flags ?? 0) & IS_COMPONENTS_V2) === 0) return undefined;
  if (body.content) return 'content cannot be used with IS_COMPONENTS_V2';
  if (body.embeds?.length) return 'embeds cannot be used with IS_COMPONENTS_V2';
  const all = flatComponents(body.components);
  if (all.length > MAX_COMPONENTS) return `${all.length} components, more than ${MAX_COMPONENTS}`;
  const text = all.reduce((sum, c) => sum + (c.content?.length ?? 0) + (c.label?.length ?? 0), 0);
  if (text > MAX_COMPONENT_TEXT) return `${text} characters of text, more than ${MAX_COMPONENT_TEXT}`;
  return undefined;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function fakeMessage(id: string, body: any): object {
  return {
    id,
    channel_id: '222222222222222222',
    type: 20,
    content: body?.content ?? '',
    embeds: body?.embeds ?? [],
    author: { id: APPLICATION_ID, username: 'confnotes', discriminator: '0', bot: true, avatar: null, global_name: null },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    flags: body?.flags ?? 0,
    components: body?.components ?? [],
    webhook_id: APPLICATION_ID,
    application_id: APPLICATION_ID,
  };
}

let interactionCounter = 0;

/** An INTERACTION_CREATE payload with the fields discord.js 14.28 needs. `where` decides guild or DM. */
export function interactionPayload(
  type: 2 | 4,
  name: string,
  options: Array<{ name: string; type: number; value: string | boolean; focused?: boolean }>,
  where: 'guild' | 'dm' = 'guild',
  data?: Record<string, unknown>,
): { id: string; token: string } & Record<string, unknown> {
  interactionCounter += 1;
  const id = String(1300000000000000000n + BigInt(interactionCounter));
  const user = { id: '333333333333333333', username: 'alice', discriminator: '0', global_name: 'Alice', avatar: null };
  const placement =
    where === 'guild'
      ? {
          guild_id: '444444444444444444',
          channel: { id: '222222222222222222', type: 0, guild_id: '444444444444444444', name: 'general' },
          channel_id: '222222222222222222',
          member: { user, roles: [], permissions: '2147483647', joined_at: '2020-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
          context: 0,
        }
      : { channel: { id: '555555555555555555', type: 1, recipients: [user] }, channel_id: '555555555555555555', user, context: 1 };
  return {
    id,
    application_id: APPLICATION_ID,
    type,
    token: `interaction-token-${interactionCounter}`,
    version: 1,
    locale: 'fr',
    app_permissions: '2147483647',
    entitlements: [],
    authorizing_integration_owners: where === 'guild' ? { '0': '444444444444444444' } : { '1': user.id },
    ...placement,
    data: data ?? { id: name === 'ask' ? '700' : '701', name, type: 1, options },
  };
}

/** A message command ("Ask the notes") run on a message someone else wrote, with that message resolved. */
export function messageCommandPayload(name: string, content: string, where: 'guild' | 'dm' = 'guild') {
  const target = {
    id: '1200000000000000001',
    channel_id: where === 'guild' ? '222222222222222222' : '555555555555555555',
    content,
    author: { id: '666666666666666666', username: 'bob', discriminator: '0', global_name: 'Bob', avatar: null },
    timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
    attachments: [], embeds: [], pinned: false, type: 0, flags: 0, components: [],
  };
  return interactionPayload(2, name, [], where, { id: '702', name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } });
}

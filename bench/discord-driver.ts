// Discord as the bot sees it, on 127.0.0.1: gateway discovery, a gateway websocket that logs the bot in
// and dispatches INTERACTION_CREATE, and the REST routes of a reply, each noting when it arrived. The
// bot (serve-probe) runs in a child process with the real service. Wire details: the shared notes
// /work/shared/notes/adapters-testing.md, as the adapter tests use them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';
import { mainThreadTime, startProbe, threadTimeSpent, type Probe, type ThreadTime } from './child.js';
import { botEnv, type Workspace } from './workspace.js';

const APPLICATION_ID = '111111111111111111';
const GUILD_ID = '444444444444444444';
const CHANNEL_ID = '222222222222222222';

export interface InteractionTiming {
  /** From INTERACTION_CREATE to the deferReply callback; NaN when it never came. */
  deferMs: number;
  /** From INTERACTION_CREATE to the editReply PATCH; NaN when it never came. */
  editMs: number;
}

export interface DiscordBench {
  bot: Probe;
  /** Dispatches one /ask per question at once; resolves when each was answered or timed out. */
  burst(questions: string[]): Promise<InteractionTiming[]>;
  /** The bot's main thread in the last burst, from its first interaction to its last deferReply arriving. */
  deferThreadTime(): ThreadTime;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown): void =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const drain = (req: IncomingMessage): Promise<void> => new Promise((resolve) => req.once('end', () => resolve()).resume());

function message(id: string): object {
  const author = { id: APPLICATION_ID, username: 'confnotes', discriminator: '0', bot: true, avatar: null, global_name: null };
  return {
    id, channel_id: CHANNEL_ID, type: 20, content: '', embeds: [], author, timestamp: new Date().toISOString(), edited_timestamp: null,
    tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], pinned: false, flags: 0, components: [],
    webhook_id: APPLICATION_ID, application_id: APPLICATION_ID,
  };
}

function interaction(n: number, question: string): { id: string; token: string } & Record<string, unknown> {
  const user = { id: '333333333333333333', username: 'bench', discriminator: '0', global_name: 'Bench', avatar: null };
  const id = String(1300000000000000000n + BigInt(n));
  return {
    id, application_id: APPLICATION_ID, type: 2, token: `bench-token-${n}`, version: 1, locale: 'en-US', app_permissions: '2147483647',
    // discord.js 14.28 throws before emitting an interaction that lacks these two.
    entitlements: [], authorizing_integration_owners: { '0': GUILD_ID },
    guild_id: GUILD_ID, channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'general' }, channel_id: CHANNEL_ID,
    member: { user, roles: [], permissions: '2147483647', joined_at: '2020-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    context: 0,
    data: { id: '700', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: question }] },
  };
}

export async function startDiscordBench(ws: Workspace, name: string, answerTimeoutMs = 120_000): Promise<DiscordBench> {
  const arrivals = new Map<string, (at: number) => void>();
  let messageId = 900000000000000000n;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const callback = req.method === 'POST' ? /^\/api\/v10\/interactions\/\d+\/([^/]+)\/callback$/.exec(path) : null;
    const edit = req.method === 'PATCH' ? /^\/api\/v10\/webhooks\/\d+\/([^/]+)\/messages\/(?:%40|@)original$/.exec(path) : null;
    // A reply reached Discord when its request did: noted before this process reads its body.
    if (callback) arrivals.get(`defer:${callback[1]}`)?.(performance.now());
    if (edit) arrivals.get(`edit:${edit[1]}`)?.(performance.now());
    void drain(req).then(() => {
      if (req.method === 'GET' && path === '/api/v10/gateway/bot') {
        return json(res, 200, { url: `ws://127.0.0.1:${port()}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
      }
      if (callback) return void res.writeHead(204).end();
      if (edit) return json(res, 200, message(String(++messageId)));
      return json(res, 404, { message: 'Unknown route in the bench fake Discord', code: 0 });
    });
  });
  let gateway: (WebSocket & { sequence: number }) | undefined;
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket: WebSocket) => {
    const session = Object.assign(socket, { sequence: 0 });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d: { shard?: [number, number] } };
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (payload.op !== 2) return;
      gateway = session;
      socket.send(JSON.stringify({
        op: 0, t: 'READY', s: ++session.sequence,
        d: {
          v: 10, user: { id: APPLICATION_ID, username: 'confnotes', discriminator: '0', bot: true, avatar: null, global_name: null },
          guilds: [], session_id: 'bench-session', resume_gateway_url: `ws://127.0.0.1:${port()}`, shard: payload.d.shard ?? [0, 1],
          application: { id: APPLICATION_ID, flags: 0 },
        },
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as AddressInfo).port;
  const closeFake = async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  const bot = await startProbe(join(ws.repo, 'dist/bench/serve-probe.js'), ['discord'], {
    cwd: ws.repo,
    env: botEnv(ws, name, {
      DISCORD_TOKEN: 'bench-bot-token',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      CONFNOTES_DISCORD_API_URL: `http://127.0.0.1:${port()}/api`,
    }),
  }).catch(async (error: unknown) => {
    await closeFake();
    throw error;
  });

  const arrival = (key: string): Promise<number> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(Number.NaN), answerTimeoutMs);
      arrivals.set(key, (at) => {
        clearTimeout(timer);
        arrivals.delete(key);
        resolve(at);
      });
    });
  let sequence = 0;
  let deferThread: ThreadTime = { onCpuMs: Number.NaN, waitingMs: Number.NaN };

  function send(question: string): { started: number; deferred: Promise<number>; edited: Promise<number> } {
    if (!gateway) throw new Error('the bot is ready but never identified on the fake gateway');
    const payload = interaction(++sequence, question);
    const deferred = arrival(`defer:${payload.token}`);
    const edited = arrival(`edit:${payload.token}`);
    const frame = JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++gateway.sequence, d: payload });
    const started = performance.now();
    gateway.send(frame);
    return { started, deferred, edited };
  }

  async function burst(questions: string[]): Promise<InteractionTiming[]> {
    const threadBefore = mainThreadTime(bot.pid);
    const sent = questions.map(send);
    const allDeferred = Promise.all(sent.map(({ deferred }) => deferred)).then(() => {
      deferThread = threadTimeSpent(threadBefore, mainThreadTime(bot.pid));
    });
    const timings = await Promise.all(
      sent.map(async ({ started, deferred, edited }) => ({ deferMs: (await deferred) - started, editMs: (await edited) - started })),
    );
    await allDeferred;
    return timings;
  }

  return {
    bot,
    burst,
    deferThreadTime: () => deferThread,
    async close() {
      await bot.stop();
      await closeFake();
    },
  };
}

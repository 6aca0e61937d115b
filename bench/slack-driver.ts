// Slack as the bot sees it, on 127.0.0.1: a fake Web API and response_url endpoint that note when
// each reply arrives, and slash commands signed the way Slack signs them, sent to a bot in a child
// process (serve-probe) with the real service.
//
// The clock of an ack measures the bot, not this driver. Before the burst each command is signed and
// encoded, and its connection is open (kept alive, as an HTTP client keeps its pool); the clock starts as
// that command's bytes are handed to the kernel and stops when the first bytes of the ack come back, so a
// platform's own TCP set-up is not counted, nor this process's work on the other 199 commands. Measured
// before (Dec 2026, 200 commands sent with fetch(), one per new connection): the driver held its own
// event loop 300-430 ms creating the requests, and every command's clock ran through that before the bot
// saw a byte; the bot received the first command 270-400 ms after the clocks started, which is why ack
// p95 and max were the same delay. Each connection has also carried one request before the burst (Slack's
// ssl_check, which Bolt answers unsigned), as a kept-alive connection has: measured before (Dec 2026), the
// bot was still accepting the 200 fresh connections when the commands arrived, 16 ms of its main thread
// (57 → 41 ms on a CPU until the last ack) spent in accept and socket set-up inside the ack clocks.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mainThreadTime, startProbe, threadTimeSpent, type Probe, type ThreadTime } from './child.js';
import { botEnv, type Workspace } from './workspace.js';

const SECRET = 'bench-signing-secret';

export interface CommandTiming {
  /** HTTP status of the bot's answer to the command (its ack); 0 when none came. */
  status: number;
  /** From the command's bytes leaving to the ack's first bytes arriving; NaN when none came. */
  ackMs: number;
  /** Until the respond() POST reached the fake; NaN when it never came. */
  answerMs: number;
}

export interface SlackBench {
  bot: Probe;
  /** Sends the commands all at once and resolves when each was acknowledged and answered (or timed out). */
  burst(questions: string[]): Promise<CommandTiming[]>;
  /** The bot's main thread in the last burst, from its first command leaving to its last ack arriving. */
  ackThreadTime(): ThreadTime;
  /** Bot log lines at error level: failures the asker saw as an apology, or none at all. */
  errorLogLines(): number;
  close(): Promise<void>;
}

const drain = (req: IncomingMessage): Promise<void> => new Promise((resolve) => req.once('end', () => resolve()).resume());

/** A TCP connection to the bot, established. Nagle off: a command is one write that must leave at once. */
const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    socket.once('connect', () => resolve(socket)).once('error', reject);
  });

export async function startSlackBench(ws: Workspace, name: string, answerTimeoutMs = 120_000): Promise<SlackBench> {
  const arrivals = new Map<string, (at: number) => void>();
  const server: Server = createServer((req, res) => {
    // An answer reached Slack when its request did: noted before this process reads its body.
    const id = /^\/respond\/(.+)$/.exec(req.url ?? '')?.[1];
    if (id) arrivals.get(id)?.(performance.now());
    void drain(req).then(() => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ts: '1700000000.000001' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fakePort = (server.address() as AddressInfo).port;
  const bot = await startProbe(join(ws.repo, 'dist/bench/serve-probe.js'), ['slack'], {
    cwd: ws.repo,
    env: botEnv(ws, name, {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SECRET,
      CONFNOTES_SLACK_PORT: '0',
      CONFNOTES_SLACK_API_URL: `http://127.0.0.1:${fakePort}/api/`,
      // Off: one bench user sends every command, which the per-user limit would rightly refuse.
      CONFNOTES_RATE_LIMIT: '0',
    }),
  }).catch(async (error: unknown) => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  });
  const botPort = bot.ready.port as number;
  let sequence = 0;
  let ackThread: ThreadTime = { onCpuMs: Number.NaN, waitingMs: Number.NaN };

  /** A command signed as Slack signs it, as the bytes of one HTTP/1.1 request, and the id its respond() will carry. */
  function command(question: string): { id: string; request: Buffer } {
    const id = `c${++sequence}`;
    const body = new URLSearchParams({
      token: 'legacy', team_id: 'T0001', team_domain: 'bench', channel_id: 'C0BENCH', channel_name: 'general',
      user_id: 'U0BENCH', user_name: 'bench', command: '/confnotes', text: question, api_app_id: 'A0001',
      response_url: `http://127.0.0.1:${fakePort}/respond/${id}`, trigger_id: `trigger-${id}`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const head = [
      'POST /slack/events HTTP/1.1', `host: 127.0.0.1:${botPort}`, 'content-type: application/x-www-form-urlencoded',
      `content-length: ${Buffer.byteLength(body)}`, `x-slack-request-timestamp: ${timestamp}`, `x-slack-signature: ${signature}`,
    ];
    return { id, request: Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`) };
  }

  /** Slack's ssl_check on a new connection, answered in full before it resolves: the connection is then in use, as a kept-alive one is. */
  function warmUp(socket: Socket): Promise<void> {
    const body = 'ssl_check=1&token=legacy';
    const request = [
      'POST /slack/events HTTP/1.1', `host: 127.0.0.1:${botPort}`, 'content-type: application/x-www-form-urlencoded',
      `content-length: ${body.length}`, '', body,
    ].join('\r\n');
    return new Promise((resolve, reject) => {
      let response = '';
      const onData = (chunk: Buffer): void => {
        response += chunk.toString('latin1');
        const complete = /\r\n\r\n$/.test(response) && (/^content-length: 0\r$/im.test(response) || /\r\n0\r\n\r\n$/.test(response));
        if (!complete) return;
        socket.off('data', onData);
        if (/^HTTP\/1\.1 200 /.test(response)) resolve();
        else reject(new Error(`ssl_check answered ${response.split('\r\n')[0]}`));
      };
      socket.on('data', onData);
      socket.write(request);
    });
  }

  /** Sends the prepared request on its open connection now; resolves with the ack's status and latency once its status line came. */
  function exchange(socket: Socket, request: Buffer): { started: number; acked: Promise<{ status: number; ackMs: number }> } {
    let head = '';
    let firstByteAt = Number.NaN;
    const acked = new Promise<{ status: number; ackMs: number }>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        if (Number.isNaN(firstByteAt)) firstByteAt = performance.now();
        head += chunk.toString('latin1');
        const status = /^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1];
        if (status) resolve({ status: Number(status), ackMs: firstByteAt - started });
      });
      socket.once('close', () => resolve({ status: 0, ackMs: Number.NaN }));
      socket.once('error', () => undefined);
    });
    const started = performance.now();
    socket.write(request);
    return { started, acked };
  }

  const answered = (id: string): Promise<number> =>
    new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(Number.NaN), answerTimeoutMs);
      arrivals.set(id, (at) => {
        clearTimeout(timer);
        arrivals.delete(id);
        resolve(at);
      });
    });

  async function burst(questions: string[]): Promise<CommandTiming[]> {
    const commands = questions.map(command);
    const sockets = await Promise.all(commands.map(() => open(botPort)));
    await Promise.all(sockets.map(warmUp));
    const arrived = commands.map(({ id }) => answered(id));
    const threadBefore = mainThreadTime(bot.pid);
    // Nothing else runs between these writes: each command leaves as its clock starts.
    const sent = commands.map(({ request }, i) => exchange(sockets[i]!, request));
    const allAcked = Promise.all(sent.map(({ acked }) => acked)).then(() => {
      ackThread = threadTimeSpent(threadBefore, mainThreadTime(bot.pid));
    });
    try {
      const timings = await Promise.all(
        sent.map(async ({ started, acked }, i) => {
          const { status, ackMs } = await acked;
          return { status, ackMs, answerMs: (await arrived[i]!) - started };
        }),
      );
      await allAcked;
      return timings;
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  }

  return {
    bot,
    burst,
    ackThreadTime: () => ackThread,
    errorLogLines: () => bot.stderr().split('\n').filter((line) => /"level":(50|60)\b/.test(line)).length,
    async close() {
      await bot.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

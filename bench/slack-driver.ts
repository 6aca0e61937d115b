// Slack as the bot sees it, on 127.0.0.1: a fake Web API and response_url endpoint that note when
// each reply arrives, and slash commands signed the way Slack signs them, sent to a bot in a child
// process (serve-probe) with the real service.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startProbe, type Probe } from './child.js';
import { botEnv, type Workspace } from './workspace.js';

const SECRET = 'bench-signing-secret';

export interface CommandTiming {
  /** HTTP status of the bot's answer to the command (its ack). */
  status: number;
  ackMs: number;
  /** Until the respond() POST reached the fake; NaN when it never came. */
  answerMs: number;
}

export interface SlackBench {
  bot: Probe;
  /** Sends the commands all at once and resolves when each was acknowledged and answered (or timed out). */
  burst(questions: string[]): Promise<CommandTiming[]>;
  /** Bot log lines at error level: failures the asker saw as an apology, or none at all. */
  errorLogLines(): number;
  close(): Promise<void>;
}

const drain = (req: IncomingMessage): Promise<void> => new Promise((resolve) => req.once('end', () => resolve()).resume());

export async function startSlackBench(ws: Workspace, name: string, answerTimeoutMs = 120_000): Promise<SlackBench> {
  const arrivals = new Map<string, (at: number) => void>();
  const server: Server = createServer((req, res) => {
    void drain(req).then(() => {
      const id = /^\/respond\/(.+)$/.exec(req.url ?? '')?.[1];
      if (id) arrivals.get(id)?.(performance.now());
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

  async function send(question: string): Promise<CommandTiming> {
    const id = `c${++sequence}`;
    const arrived = new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(Number.NaN), answerTimeoutMs);
      arrivals.set(id, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
    const body = new URLSearchParams({
      token: 'legacy', team_id: 'T0001', team_domain: 'bench', channel_id: 'C0BENCH', channel_name: 'general',
      user_id: 'U0BENCH', user_name: 'bench', command: '/confnotes', text: question, api_app_id: 'A0001',
      response_url: `http://127.0.0.1:${fakePort}/respond/${id}`, trigger_id: `trigger-${id}`,
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${botPort}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
      body,
    }).catch(() => undefined);
    const ackMs = performance.now() - started;
    await response?.arrayBuffer();
    const answeredAt = await arrived;
    arrivals.delete(id);
    return { status: response?.status ?? 0, ackMs, answerMs: answeredAt - started };
  }

  return {
    bot,
    burst: (questions) => Promise.all(questions.map(send)),
    errorLogLines: () => bot.stderr().split('\n').filter((line) => /"level":(50|60)\b/.test(line)).length,
    async close() {
      await bot.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

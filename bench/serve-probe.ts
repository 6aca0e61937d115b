// A serving bot in a process of its own, as `confnotes serve` runs it: the answer pool over the notes
// named by the environment, and the Slack or Discord adapter. The bench drives it from outside so
// that neither its load generator nor its own memory counts in the figures.
//   node dist/bench/serve-probe.js slack|discord
// Protocol: one JSON line on stdout when ready; then per stdin line `memory` one JSON line back;
// `stop` (or the end of stdin) stops the bot and exits.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { startDiscord } from '../adapters/discord/start-discord.js';
import { startSlack } from '../adapters/slack/start-slack.js';
import { openKnowledgeBase } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startAnswerPool } from '../src/pool/answer-pool.js';

const platform = process.argv[2];
if (platform !== 'slack' && platform !== 'discord') throw new Error('usage: serve-probe slack|discord');

const config = loadConfig();
const service = await startAnswerPool(await openKnowledgeBase(config));
const bot = platform === 'slack' ? await startSlack(service, config) : await startDiscord(service, config);
const say = (message: object): void => void process.stdout.write(`${JSON.stringify(message)}\n`);

/** Peak resident memory so far (Linux); NaN elsewhere. */
function peakRssBytes(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

say({ ready: true, port: 'port' in bot ? bot.port : undefined });

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await bot.stop();
  await service.close();
  // A socket or timer some library left open must not keep the probe, and so the bench, waiting.
  process.exit(0);
}

createInterface({ input: process.stdin })
  .on('line', (line) => {
    if (line === 'memory') say({ ...process.memoryUsage(), peakRss: peakRssBytes() });
    if (line === 'stop') void stop();
  })
  .on('close', () => void stop());

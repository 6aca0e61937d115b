// `confnotes serve slack|discord`: one bot process over the knowledge base, plus the digest watcher
// when a digest channel is configured. Runs until SIGINT or SIGTERM.
import { fileURLToPath } from 'node:url';
import { startDiscord } from '../../adapters/discord/start-discord.js';
import { startShards } from '../../adapters/discord/shard-manager.js';
import { sharedDedupe } from '../../adapters/slack/dedupe.js';
import { startSlack } from '../../adapters/slack/start-slack.js';
import { openKnowledgeBase } from '../app.js';
import { startAnswerPool } from '../pool/answer-pool.js';
import type { Config } from '../config.js';
import { startWatch } from '../digests/watch.js';
import { ConfnotesError } from '../errors.js';
import { openFirstSeen } from '../index/postgres-first-seen.js';
import { log } from '../log.js';
import { terminalProgress } from './progress.js';
import { digestPostersFrom } from './digest-posters.js';

export type Platform = 'slack' | 'discord';

const untilSignal = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

const say = (line: string): void => void process.stderr.write(`confnotes: ${line}\n`);

export interface ServeOptions {
  /** Discord: run this many shard processes on this machine. */
  shards?: number;
  /** Discord: run these shards of a bot of `count` shards in this process; other machines run the others. */
  shardList?: { ids: number[]; count: number };
}

const badShards = (detail: string) => new ConfnotesError('CONFIG_INVALID', `--shards: ${detail}`);

/** `--shards 4`, or `--shards 0,1 --shard-count 4`. */
export function shardOptions(shards: string | undefined, count: number | undefined): ServeOptions {
  if (count === undefined) {
    if (shards === undefined) return {};
    const n = Number(shards);
    if (!Number.isInteger(n) || n < 1) throw badShards(`"${shards}" is not a number of shards (a list of shard ids needs --shard-count)`);
    return { shards: n };
  }
  if (!Number.isInteger(count) || count < 1) throw badShards(`--shard-count must be a positive number`);
  const ids = (shards ?? '').split(',').map((id) => Number(id.trim()));
  if (shards === undefined || ids.some((id) => !Number.isInteger(id) || id < 0 || id >= count) || new Set(ids).size !== ids.length) {
    throw badShards(`"${shards ?? ''}" must list distinct shard ids from 0 to ${count - 1}, e.g. 0,1`);
  }
  return { shardList: { ids, count } };
}

export async function serveCommand(config: Config, platform: Platform, options: ServeOptions): Promise<void> {
  if (platform !== 'slack' && platform !== 'discord') {
    throw new ConfnotesError('UNKNOWN_PLATFORM', `Unknown platform "${String(platform)}"`);
  }
  // Checked before the model loads, so that a missing token is reported at once.
  if (platform === 'slack' && !config.slack.botToken) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', 'SLACK_BOT_TOKEN is not set');
  if (platform === 'discord' && !config.discord.token) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', 'DISCORD_TOKEN is not set');
  const posters = digestPostersFrom(config);
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  if (platform === 'discord' && (options.shards ?? 1) > 1) {
    // The index was synced just now; the shard processes open it themselves, so this one lets go of it.
    await kb.close();
    const script = fileURLToPath(new URL('../../adapters/discord/shard-entry.js', import.meta.url));
    const shards = await startShards(config, { shards: options.shards!, script });
    say(`discord: ${options.shards} shards started`);
    await untilSignal();
    await shards.stop();
    return;
  }
  // Answers come from worker threads, so that this thread stays free to acknowledge requests at once.
  const service = await startAnswerPool(kb).catch(async (error: unknown) => {
    await kb.close();
    throw error;
  });
  // Processes sharing a database answer a Slack event once between them, whichever one Slack retries.
  const firstSeen = platform === 'slack' && config.databaseUrl ? openFirstSeen(config.databaseUrl) : undefined;
  try {
    const dedupe = firstSeen && sharedDedupe(firstSeen, (error) => log.warn({ err: (error as Error).message }, 'slack: shared event ids unreachable; deduplicating in this process'));
    const shard = options.shardList;
    const bot = platform === 'slack' ? await startSlack(service, config, { dedupe }) : await startDiscord(service, config, { shard });
    say(
      platform === 'slack'
        ? `slack: ${'port' in bot && bot.port ? `listening on port ${bot.port}` : 'connected in Socket Mode'}`
        : `discord: connected${shard ? ` (shards ${shard.ids.join(', ')} of ${shard.count})` : ''}`,
    );
    // The watcher announces talks as they are written in the notes folder: a bot machine without it leaves
    // that to the writer's `confnotes watch`.
    const watching = posters.length > 0 && kb.hasNotes;
    if (posters.length > 0 && !watching) say('no notes folder here: new talks are announced by `confnotes watch` on the machine with the notes');
    const watcher = watching ? await startWatch({ kb, posters, stateDir: config.stateDir }) : undefined;
    await untilSignal();
    say('stopping');
    await watcher?.stop();
    await bot.stop();
  } finally {
    await firstSeen?.close();
    // Waits for the answers still in flight, then closes the knowledge base.
    await service.close();
  }
}

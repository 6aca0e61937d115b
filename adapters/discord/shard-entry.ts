// The script each shard process runs: open the service, connect this shard, and close both on the way out.
import { setTimeout as sleep } from 'node:timers/promises';
import { openService } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { isConfnotesError } from '../../src/errors.js';
import { log } from '../../src/log.js';
import type { ConfnotesService } from '../../src/service.js';
import { shardConfigFromEnv } from './shard-config.js';
import { startDiscord } from './start-discord.js';

const LOCK_RETRY_MS = 1_000;
const LOCK_ATTEMPTS = 120;

/**
 * Shards start together and each brings the index up to date; when the notes changed, one of them writes
 * and the others find the index locked. They wait for that write instead of dying and being respawned.
 */
async function openWhenUnlocked(config: Config): Promise<ConfnotesService> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await openService(config);
    } catch (error) {
      if (!isConfnotesError(error) || error.code !== 'INDEX_LOCKED' || attempt === LOCK_ATTEMPTS) throw error;
      await sleep(LOCK_RETRY_MS);
    }
  }
}

const config = shardConfigFromEnv() ?? loadConfig();
const service = await openWhenUnlocked(config);
const bot = await startDiscord(service, config);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await bot.stop();
    await service.close();
  } catch (error) {
    log.error({ err: error }, 'discord shard did not shut down cleanly');
  }
  process.exit(0);
}

process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
// The manager went away without killing us: a shard without its manager would never be respawned or stopped.
process.once('disconnect', () => void shutdown());

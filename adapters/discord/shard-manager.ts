// Runs the bot as several processes, one per shard (Discord requires sharding from 2,500 servers).
// Each process runs `script` (the compiled shard-entry.js), which opens its own service.
import { once } from 'node:events';
import { ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../../src/config.js';
import { log, type Logger } from '../../src/log.js';
import { requireToken } from './discord-credentials.js';
import { encodeShardConfig, SHARD_CONFIG_ENV } from './shard-config.js';

export interface ShardOptions {
  shards: number;
  script: string;
  /** Wait between two shard starts; Discord allows one identify per 5 seconds unless it says otherwise. */
  spawnDelayMs?: number;
  /** How long a shard may take to open the service and reach the gateway. */
  readyTimeoutMs?: number;
  logger?: Logger;
}

export interface RunningShards {
  manager: ShardingManager;
  stop(): Promise<void>;
}

export async function startShards(config: Config, options: ShardOptions): Promise<RunningShards> {
  const logger = (options.logger ?? log).child({ adapter: 'discord-shards' });
  // A number, never 'auto': 'auto' asks discord.com itself for a count, ignoring the configured API URL.
  const manager = new ShardingManager(options.script, { token: requireToken(config), totalShards: options.shards, respawn: true });
  let stopping = false;
  manager.on('shardCreate', (shard: Shard) => {
    shard.env = { ...(shard.env as NodeJS.ProcessEnv), [SHARD_CONFIG_ENV]: encodeShardConfig(config) };
    // discord.js also reports the deaths it causes itself in kill().
    shard.on('death', () => {
      if (!stopping) logger.warn({ shardId: shard.id }, 'discord shard process exited; respawning');
    });
    // A failed respawn is emitted as 'error', which would crash the manager if nobody listened.
    shard.on('error', (error) => logger.error({ err: error, shardId: shard.id }, 'discord shard failed'));
  });
  const stop = async (): Promise<void> => {
    stopping = true;
    const running = [...manager.shards.values()].flatMap((shard) =>
      shard.process && shard.process.exitCode === null && shard.process.signalCode === null ? [shard.process] : [],
    );
    const exits = running.map((child) => once(child, 'exit'));
    // kill() throws for a shard whose process is already gone (discord.js then looks for a worker).
    for (const shard of manager.shards.values()) if (shard.process) shard.kill();
    await Promise.all(exits);
  };
  try {
    await manager.spawn({ delay: options.spawnDelayMs ?? 5_500, timeout: options.readyTimeoutMs ?? 120_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  logger.info({ shards: options.shards }, 'discord shards ready');
  return { manager, stop };
}

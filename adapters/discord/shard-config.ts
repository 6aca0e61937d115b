// A shard process must run with exactly the manager's settings, including those that came from command-line
// overrides or a config file the child would not see, so the resolved Config travels in the environment.
import type { Config } from '../../src/config.js';

export const SHARD_CONFIG_ENV = 'CONFNOTES_DISCORD_SHARD_CONFIG';

export function encodeShardConfig(config: Config): string {
  return JSON.stringify(config);
}

/** The manager's Config when running as a shard, undefined otherwise. */
export function shardConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Config | undefined {
  const encoded = env[SHARD_CONFIG_ENV];
  return encoded ? (JSON.parse(encoded) as Config) : undefined;
}

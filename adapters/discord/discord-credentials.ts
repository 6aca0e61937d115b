// Every Discord entry point needs the same settings; a missing one is a usage error, not a crash.
import type { Config } from '../../src/config.js';
import { ConfnotesError } from '../../src/errors.js';

export function requireToken(config: Config): string {
  if (!config.discord.token) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', 'DISCORD_TOKEN is not set');
  return config.discord.token;
}

export function requireApplicationId(config: Config): string {
  if (!config.discord.applicationId) {
    throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', 'DISCORD_APPLICATION_ID is not set');
  }
  return config.discord.applicationId;
}

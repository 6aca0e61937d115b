// Starts the real discord.js bot against the fake Discord, with a log captured in memory.
import { Writable } from 'node:stream';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { ConfnotesService } from '../../src/service.js';
import { startDiscord, type DiscordBot } from '../../adapters/discord/start-discord.js';
import { APPLICATION_ID, BOT_TOKEN, type FakeDiscord, type RecordedRequest } from './fake-discord.js';

export interface Harness {
  bot: DiscordBot;
  logs: () => string;
}

export function discordConfig(fake: FakeDiscord, settings: Record<string, string> = {}): Config {
  // An empty environment: the tests must not pick up a developer's real token or notes.
  return loadConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, CONFNOTES_DISCORD_API_URL: fake.apiUrl, ...settings }, {});
}

export async function startBot(service: ConfnotesService, config: Config): Promise<Harness> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const bot = await startDiscord(service, config, { logger: createLogger('trace', sink) });
  return { bot, logs: () => lines.join('') };
}

/** The callback and the reply edit (or follow-up) for one interaction. */
export const isCallback = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/api/v10/interactions/${id}/`);
export const isEdit = (token: string) => (r: RecordedRequest) =>
  r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APPLICATION_ID}/${token}/messages/%40original`;
export const isFollowUp = (token: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/api/v10/webhooks/${APPLICATION_ID}/${token}`;

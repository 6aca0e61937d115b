// Command registration: the PUT discord.js REST sends, globally and for one server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../adapters/discord/register-commands.js';
import { loadConfig } from '../../src/config.js';
import { discordConfig } from './bot-harness.js';
import { APPLICATION_ID, BOT_TOKEN, startFakeDiscord, type FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => fake?.close());

describe('registerCommands', () => {
  it('PUTs /ask, /digest and the "Ask the notes" message command globally, usable in servers and DMs, user-installable', async () => {
    const registered = await registerCommands(discordConfig(fake));
    expect(registered.map((c) => c.name)).toEqual(['ask', 'digest', 'Ask the notes']);
    const put = fake.requests.find((r) => r.method === 'PUT' && r.path === `/api/v10/applications/${APPLICATION_ID}/commands`)!;
    expect(put.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    const [ask, digest] = put.body;
    expect(ask).toMatchObject({
      name: 'ask',
      type: 1,
      contexts: [0, 1, 2],
      integration_types: [0, 1],
      options: [
        { name: 'question', type: 3, required: true },
        { name: 'private', type: 5, required: false },
      ],
    });
    expect(digest).toMatchObject({ name: 'digest', contexts: [0, 1, 2], integration_types: [0, 1], options: [{ name: 'conference', type: 3, required: true, autocomplete: true }] });
    const menu = put.body[2];
    expect(menu).toMatchObject({ name: 'Ask the notes', type: 3, contexts: [0, 1, 2], integration_types: [0, 1] });
    expect(menu.description ?? '').toBe('');
    for (const command of put.body) expect((command.description ?? '').length).toBeLessThanOrEqual(100);
  });

  it('PUTs to one server when given a guild id', async () => {
    await registerCommands(discordConfig(fake), { guildId: '444444444444444444' });
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path.includes('/guilds/'));
    expect(put.path).toBe(`/api/v10/applications/${APPLICATION_ID}/guilds/444444444444444444/commands`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(['ask', 'digest', 'Ask the notes']);
  });

  it('says which setting is missing', async () => {
    await expect(registerCommands(loadConfig({ DISCORD_TOKEN: BOT_TOKEN }, {}))).rejects.toMatchObject({
      code: 'PLATFORM_NOT_CONFIGURED',
      detail: 'DISCORD_APPLICATION_ID is not set',
    });
  });
});

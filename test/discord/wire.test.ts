// discord.js wiring against the fake Discord with a scripted service (a test double of ConfnotesService),
// for what the real notes cannot produce on demand: a huge answer, a big digest, a rate limit.
import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord } from '../../adapters/discord/start-discord.js';
import { ConfnotesError } from '../../src/errors.js';
import type { ConfnotesService } from '../../src/service.js';
import type { Answer, Digest } from '../../src/types.js';
import { allText, canPing, expectWithinLimits } from './discord-checks.js';
import { discordConfig, isEdit, isFollowUp, startBot, type Harness } from './bot-harness.js';
import { BOT_TOKEN, interactionPayload, startFakeDiscord, type FakeDiscord } from './fake-discord.js';

/** Test double: answers from a script the test sets, so the bot's behaviour is the only thing under test. */
class ScriptedService implements ConfnotesService {
  nextAsk: (question: string) => Promise<Answer> = async (question) => ({ question, abstained: true, excerpts: [] });
  nextDigest: (conference: string) => Promise<Digest> = async (conference) => {
    throw new ConfnotesError('CONFERENCE_NOT_FOUND', `No conference matches "${conference}"`);
  };
  ask(question: string): Promise<Answer> {
    return this.nextAsk(question);
  }
  digest(conference: string): Promise<Digest> {
    return this.nextDigest(conference);
  }
  async conferences(): Promise<string[]> {
    return ['QCon London 2014', 'Devoxx France 2015', 'Mix-IT 2016'];
  }
  async close(): Promise<void> {}
}

let fake: FakeDiscord;
let service: ScriptedService;
let harness: Harness;

beforeAll(async () => {
  fake = await startFakeDiscord();
  service = new ScriptedService();
  harness = await startBot(service, discordConfig(fake));
});

afterAll(async () => {
  await harness?.bot.stop();
  await fake?.close();
});

const ask = (question: string, where: 'guild' | 'dm' = 'guild') => {
  const interaction = interactionPayload(2, 'ask', [{ name: 'question', type: 3, value: question }], where);
  fake.dispatch(interaction);
  return interaction;
};

describe('discord bot wiring', () => {
  it('discovers the gateway through the configured API and identifies with the token', async () => {
    const discovery = await fake.waitForRequest((r) => r.path === '/api/v10/gateway/bot');
    expect(discovery.headers.authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(fake.sessions[0]!.identify.token).toBe(BOT_TOKEN);
  });

  it('sends a huge answer within the limits, through the wire', async () => {
    const quote = `${'Très long extrait. '.repeat(600)}`;
    service.nextAsk = async (question) => ({
      question,
      abstained: false,
      excerpts: Array.from({ length: 12 }, (_, i) => ({
        quote,
        conference: 'QCon London 2014',
        talk: `Talk ${i}`,
        speakers: [],
        companies: [],
        file: 'notes.md',
        lines: [1, 100],
        score: 1,
      })),
    });
    const { token } = ask('long');
    const edit = await fake.waitForRequest(isEdit(token));
    const containers = () =>
      [edit, ...fake.requests.filter(isFollowUp(token))].flatMap((r) => (r.body.components as Array<{ type: number }>).filter((c) => c.type === 17));
    await fake.waitFor(() => containers().length >= 12);
    for (const request of [edit, ...fake.requests.filter(isFollowUp(token))]) {
      expectWithinLimits(request.body);
      expect(request.body.flags & MessageFlags.IsComponentsV2).toBe(MessageFlags.IsComponentsV2);
      expect(request.body.allowed_mentions).toEqual({ parse: [] });
    }
    expect(fake.requests.filter(isFollowUp(token)).length).toBeGreaterThan(0);
  });

  it('retries a rate-limited edit through discord.js REST', async () => {
    service.nextAsk = async (question) => ({ question, abstained: true, excerpts: [] });
    fake.rateLimit((r) => r.method === 'PATCH', 1, 0.2);
    const { token } = ask('rate limited');
    const edit = await fake.waitForRequest(isEdit(token));
    expect(edit.body.content).toBe('The notes are silent on this.');
    expect(fake.rateLimited()).toBe(1);
  });

  it('splits a big digest: the first part edits the reply, the rest are follow-ups, all within limits', async () => {
    service.nextDigest = async (conference) => ({
      conference,
      files: ['qcon.md'],
      talks: Array.from({ length: 25 }, (_, i) => ({
        talk: `Talk ${i + 1}`,
        speakers: ['<@123>'],
        companies: [],
        file: 'qcon.md',
        lines: [i * 10 + 1, i * 10 + 9],
        highlights: [{ quote: `@everyone ${'z'.repeat(2500)}`, lines: [i * 10 + 2, i * 10 + 4] }],
        empty: false,
      })),
    });
    const interaction = interactionPayload(2, 'digest', [{ name: 'conference', type: 3, value: 'QCon London 2014' }]);
    fake.dispatch(interaction);
    const sent = () => fake.requests.filter((r) => isEdit(interaction.token)(r) || isFollowUp(interaction.token)(r));
    await fake.waitFor(() => sent().reduce((sum, r) => sum + r.body.embeds.length, 0) >= 25);
    const messages = sent().map((r) => r.body);
    expect(isEdit(interaction.token)(sent()[0]!)).toBe(true);
    expect(messages.length).toBeGreaterThan(2);
    messages.forEach(expectWithinLimits);
    for (const message of messages) {
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(canPing(allText(message))).toBe(false);
    }
    expect(messages.flatMap((m) => m.embeds.map((e: { title: string }) => e.title))).toEqual(
      Array.from({ length: 25 }, (_, i) => `Talk ${i + 1}`),
    );
  });

  it('turns an unknown conference into a list of the known ones', async () => {
    service.nextDigest = async (conference) => {
      throw new ConfnotesError('CONFERENCE_NOT_FOUND', `No conference matches "${conference}"`);
    };
    const interaction = interactionPayload(2, 'digest', [{ name: 'conference', type: 3, value: '@everyone' }]);
    fake.dispatch(interaction);
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(edit.body.content).toContain('• QCon London 2014');
    expect(canPing(edit.body.content)).toBe(false);
  });

  it('runs only the shards it is given', async () => {
    const other = await startDiscord(service, discordConfig(fake), { shard: { ids: [1], count: 2 } });
    try {
      expect(fake.sessions.map((s) => s.shard)).toContainEqual([1, 2]);
    } finally {
      await other.stop();
    }
  });

  it('never logs the token', () => {
    expect(harness.logs().length).toBeGreaterThan(0);
    expect(harness.logs()).not.toContain(BOT_TOKEN);
  });
});

// The real service behind the real discord.js client, against the fake Discord: what a user of /ask,
// /digest and its autocomplete sees, from the gateway to the REST calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, canPing, expectWithinLimits } from './discord-checks.js';
import { isCallback, isEdit, isFollowUp, startBot, type Harness } from './bot-harness.js';
import { BOT_TOKEN, interactionPayload, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { failingOn } from '../helpers/failing-service.js';
import { openRealService, type RealService } from './real-service.js';

let fake: FakeDiscord;
let real: RealService;
let harness: Harness;

beforeAll(async () => {
  fake = await startFakeDiscord();
  real = await openRealService(fake);
  harness = await startBot(failingOn('simulated-boom', real.service), real.config);
});

afterAll(async () => {
  await harness?.bot.stop();
  await real?.close();
  await fake?.close();
});

function ask(question: string, where: 'guild' | 'dm' = 'guild', isPrivate?: boolean) {
  const options: Array<{ name: string; type: number; value: string | boolean }> = [{ name: 'question', type: 3, value: question }];
  if (isPrivate !== undefined) options.push({ name: 'private', type: 5, value: isPrivate });
  const interaction = interactionPayload(2, 'ask', options, where);
  fake.dispatch(interaction);
  return interaction;
}

describe('/ask end to end', () => {
  it('logs in and becomes ready on the fake gateway', () => {
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]!.identify.token).toBe(BOT_TOKEN);
  });

  it('defers at once, then edits in the Etsy post-mortem quote with its citation', async () => {
    const interaction = ask('What did Etsy say about post-mortems?');
    const callback = await fake.waitForRequest(isCallback(interaction.id));
    expect(callback.body.type).toBe(5);
    expect((callback.body.data?.flags ?? 0) & 64).toBe(0);
    expect(callback.query.get('with_response')).toBe('false');
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(fake.requests.indexOf(callback)).toBeLessThan(fake.requests.indexOf(edit));
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.body.content).toMatch(/^Found \d+ excerpts? in \d+ talks? of the notes:$/);
    const etsy = edit.body.embeds.find((e: { description: string }) => /post-mortem/.test(e.description));
    expect(etsy).toBeDefined();
    expect(etsy.title).toBe("How outages shaped Etsy's architecture");
    expect(etsy.footer.text).toMatch(/^001_34568cbb42ee90fe\.txt:\d+(-\d+)?$/);
    expect(etsy.fields).toContainEqual({ name: 'Conference', value: expect.stringMatching(/QCon London 2014/), inline: true });
    expectWithinLimits(edit.body);
  });

  it('makes the reply ephemeral when private, and works in DMs', async () => {
    const interaction = ask('Que fait Etsy après un problème en prod ?', 'dm', true);
    expect((await fake.waitForRequest(isCallback(interaction.id))).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(edit.body.embeds.length).toBeGreaterThan(0);
  });

  it('quotes a note full of mentions without being able to ping', async () => {
    const interaction = ask('What do zanzibar megaphones announce?');
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const text = allText(edit.body);
    expect(text).toMatch(/Zanzibar megaphones/);
    expect(canPing(text)).toBe(false);
  });

  it('answers an empty or 10 kB question with the usage', async () => {
    const empty = ask('   ?');
    const long = ask('post-mortem '.repeat(900));
    for (const { token } of [empty, long]) {
      const edit = await fake.waitForRequest(isEdit(token));
      expect(edit.body.content).toContain('Usage: `/ask question:');
      expect(edit.body.embeds).toEqual([]);
    }
  });

  it('apologises with a logged error id when answering fails, then answers the next question', async () => {
    const failing = ask('simulated-boom');
    const apology = await fake.waitForRequest(isEdit(failing.token));
    const errorId = /Error id: `([0-9a-f]{8})`/.exec(apology.body.content)?.[1];
    expect(errorId).toBeDefined();
    const logged = harness.logs().split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(logged).toContainEqual(expect.objectContaining({ errorId, err: expect.objectContaining({ message: 'simulated failure inside ask' }) }));

    const next = ask('What did Etsy say about post-mortems?', 'dm');
    const edit = await fake.waitForRequest(isEdit(next.token));
    expect(edit.body.embeds.length).toBeGreaterThan(0);
  });

  it('never logs the token', () => {
    expect(harness.logs()).not.toContain(BOT_TOKEN);
  });
});

describe('/digest end to end', () => {
  it('autocompletes conference names from the service, filtered by what was typed', async () => {
    const interaction = interactionPayload(4, 'digest', [{ name: 'conference', type: 3, value: 'qcon', focused: true }]);
    fake.dispatch(interaction);
    const callback = await fake.waitForRequest(isCallback(interaction.id));
    expect(callback.body.type).toBe(8);
    const names: string[] = callback.body.data.choices.map((c: { name: string }) => c.name);
    expect(names).toContain('QCon London 2014');
    expect(names.every((name) => /qcon/i.test(name))).toBe(true);
    expect(names.length).toBeLessThanOrEqual(25);
  });

  it('replies with the digest of a conference: every talk as an embed, split within limits', async () => {
    const interaction = interactionPayload(2, 'digest', [{ name: 'conference', type: 3, value: 'QCon London 2014' }]);
    fake.dispatch(interaction);
    const first = await fake.waitForRequest(isEdit(interaction.token), 60_000);
    expect(first.body.content).toMatch(/^\*\*QCon London 2014\*\*/);
    // The header counts the talks; the follow-ups are complete once they carry that many embeds.
    const talks = Number(/: (\d+) talks?,/.exec(first.body.content)![1]);
    const sent = () => [first, ...fake.requests.filter(isFollowUp(interaction.token))].map((r) => r.body);
    await fake.waitFor(() => sent().reduce((sum, m) => sum + m.embeds.length, 0) >= talks);
    const messages = sent();
    messages.forEach(expectWithinLimits);
    for (const message of messages) expect(message.allowed_mentions).toEqual({ parse: [] });
    const titles = messages.flatMap((m) => m.embeds.map((e: { title: string }) => e.title));
    expect(titles).toContain("How outages shaped Etsy's architecture");
  });

  it('answers an unknown conference with the ones it knows', async () => {
    const interaction = interactionPayload(2, 'digest', [{ name: 'conference', type: 3, value: 'Nowhere Conf 1999' }]);
    fake.dispatch(interaction);
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(edit.body.content).toContain('• QCon London 2014');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });
});

// The real service behind the real discord.js client, against the fake Discord: what a user of /ask,
// /digest and its autocomplete sees, from the gateway to the REST calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allText, canPing, componentText, expectWithinLimits, flatComponents } from './discord-checks.js';
import { isCallback, isEdit, isFollowUp, startBot, type Harness } from './bot-harness.js';
import { BOT_TOKEN, interactionPayload, messageCommandPayload, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { failingOn } from '../helpers/failing-service.js';
import { openRealService, type RealService } from './real-service.js';

const NOTES_URL = 'https://github.com/acme/notes/blob/main/';
const ETSY_FILE = '001_34568cbb42ee90fe.txt';

let fake: FakeDiscord;
let real: RealService;
let harness: Harness;

beforeAll(async () => {
  fake = await startFakeDiscord();
  real = await openRealService(fake);
  harness = await startBot(failingOn('simulated-boom', real.service), { ...real.config, notesUrl: NOTES_URL });
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

  it('defers at once, then edits in the Etsy post-mortem quote as Components V2, linked to its exact lines', async () => {
    const interaction = ask('What did Etsy say about post-mortems?');
    const callback = await fake.waitForRequest(isCallback(interaction.id));
    expect(callback.body.type).toBe(5);
    expect((callback.body.data?.flags ?? 0) & 64).toBe(0);
    expect(callback.query.get('with_response')).toBe('false');
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(fake.requests.indexOf(callback)).toBeLessThan(fake.requests.indexOf(edit));
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(edit.body.flags & (1 << 15)).toBe(1 << 15);
    const [headline, ...texts] = componentText(edit.body);
    expect(headline).toMatch(/^Found \d+ excerpts? in \d+ talks? of the notes:$/);
    const quote = texts.find((t) => /post-mortem/.test(t))!;
    expect(quote).toMatch(/^### How outages shaped Etsy's architecture\n> /);
    expect(texts[texts.indexOf(quote) + 1]).toMatch(/^-# QCon London 2014 · .*001_34568cbb42ee90fe\.txt:\d+(-\d+)?$/);
    expectWithinLimits(edit.body);

    // Each excerpt's link button opens the very lines its quote comes from.
    const expected = await real.service.ask('What did Etsy say about post-mortems?');
    const links = flatComponents(edit.body.components).filter((c) => c.type === 2).map((c) => (c as { url?: string }).url!);
    expect(links).toHaveLength(expected.excerpts.length);
    const note = (await readFile(join(real.config.notesDir, ETSY_FILE), 'utf8')).split(/\r?\n/);
    expected.excerpts.forEach((excerpt, i) => {
      const anchor = excerpt.lines[0] === excerpt.lines[1] ? `#L${excerpt.lines[0]}` : `#L${excerpt.lines[0]}-L${excerpt.lines[1]}`;
      expect(links[i]).toBe(`${NOTES_URL}${excerpt.file}${anchor}`);
      if (excerpt.file === ETSY_FILE) {
        expect(note.slice(excerpt.lines[0] - 1, excerpt.lines[1]).join('\n')).toContain(excerpt.quote.trim().split(/\r?\n/)[0]!.slice(0, 40));
      }
    });
  });

  it('answers the "Ask the notes" message command with the selected message as the question', async () => {
    // Mentions and a custom emoji around it: no words of the question.
    const interaction = messageCommandPayload('Ask the notes', 'hey <@111111111111111111>, what did Etsy say about post-mortems <:think:222222222222222222>? @everyone');
    fake.dispatch(interaction);
    const callback = await fake.waitForRequest(isCallback(interaction.id));
    expect(callback.body.type).toBe(5);
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(componentText(edit.body).join('\n')).toMatch(/post-mortem/);
    expect(canPing(allText(edit.body))).toBe(false);

    const empty = messageCommandPayload('Ask the notes', '   ', 'dm');
    fake.dispatch(empty);
    const refusal = await fake.waitForRequest(isCallback(empty.id));
    expect(refusal.body).toMatchObject({ type: 4, data: { content: 'That message has no text to ask the notes about.', flags: 64, allowed_mentions: { parse: [] } } });
  });

  it('makes the reply ephemeral when private, and works in DMs', async () => {
    const interaction = ask('Que fait Etsy après un problème en prod ?', 'dm', true);
    expect((await fake.waitForRequest(isCallback(interaction.id))).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(componentText(edit.body).length).toBeGreaterThan(1);
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
      expect(edit.body.components ?? []).toEqual([]);
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
    expect(componentText(edit.body).length).toBeGreaterThan(1);
  });

  it('records a question the notes cannot answer for confnotes gaps, with the channel it came from', async () => {
    const silent = 'What did they say about quorvadb and zorblax?';
    const interaction = ask(silent);
    const edit = await fake.waitForRequest(isEdit(interaction.token));
    expect(edit.body.content).toMatch(/^The notes are silent on this/);
    const records = (await readFile(join(real.config.stateDir, 'gaps.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(records.filter((r) => r.question === silent).map((r) => [r.kind, r.origin])).toEqual([['abstained', 'discord:222222222222222222']]);
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

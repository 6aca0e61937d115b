// The spine end to end: the CLI as a child process, the real model, a real index on disk.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/types.js';
import { testModelsDir } from '../helpers/model.js';
import { cliEnv, runCli, SHARED, tempDir } from '../helpers/cli.js';
import { fakeApi } from '../helpers/fake-api.js';
import { ETSY, linesOf, QCON } from '../helpers/notes.js';

/** A one-conference notes folder whose introduction mentions what its talks are about. */
function kubeDayNotes(): string {
  const notes = tempDir('kubeday');
  const lines = [
    '# KubeDay 2031',
    '',
    '## Introduction',
    '',
    'KubeDay is a day about Kubernetes: Kubernetes operators, Kubernetes upgrades and Kubernetes at scale.',
    'This year it took place at the Old Tram Depot in Lyon.',
    '',
    '## Operators in production',
    '',
    '### Ada Lovelace',
    '',
    'Ada showed how Kubernetes operators restart failed databases without paging anyone.',
    '',
    '## Upgrading clusters',
    '',
    '### Grace Hopper',
    '',
    'Grace upgrades Kubernetes clusters every month by replacing nodes one zone at a time.',
    '',
    '## Lunch',
    '',
    'The food was good and the coffee was strong.',
    '',
  ];
  writeFileSync(join(notes, 'kubeday-2031.md'), lines.join('\n'));
  return notes;
}

describe('confnotes ask over the sample notes', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    env = cliEnv(testModelsDir());
  });

  it('builds the index on first use and quotes the Etsy post-mortem sentences verbatim, with citations', async () => {
    const result = await runCli(['ask', '--json', ETSY], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer.abstained).toBe(false);
    const etsy = answer.excerpts.filter((e) => e.file === QCON);
    expect(etsy.length).toBeGreaterThan(0);
    for (const excerpt of answer.excerpts) {
      expect(linesOf(join('data/notes', excerpt.file), excerpt.lines)).toContain(excerpt.quote);
    }
    const quoted = etsy.map((e) => e.quote).join(' ');
    expect(quoted).toMatch(/post-mortem/i);
    expect(etsy[0]!.conference).toBe('QCon London 2014');
    expect(etsy.map((e) => e.talk)).toEqual(expect.arrayContaining([expect.stringMatching(/Etsy/)]));
    // Both Etsy talks speak of post-mortems: lines 20-29 and 131-135 of the note.
    const lines = etsy.map((e) => e.lines);
    expect(lines.some(([a, b]) => a <= 29 && b >= 20) || lines.some(([a, b]) => a <= 135 && b >= 131)).toBe(true);
  });

  it('answers a question wrapped in a greeting as the question alone', async () => {
    const quoted = async (question: string) => {
      const answer = JSON.parse((await runCli(['ask', '--json', question], env)).stdout) as Answer;
      return answer.excerpts.map(({ file, lines }) => ({ file, lines }));
    };
    const plain = await quoted(ETSY);
    expect(plain.length).toBeGreaterThan(0);
    // The greeting and the sign-off weigh nothing and are left out of the question's vector: the same quotes.
    expect(await quoted(`hey, ${ETSY} lol`)).toEqual(plain);
  });

  it('prints a readable answer with the citation by default', async () => {
    const result = await runCli(['ask', ETSY], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/QCon London 2014 · .*Etsy.* · 001_34568cbb42ee90fe\.txt:\d+/);
  });

  it('says the notes are silent, naming the closest talks, when they are', async () => {
    const result = await runCli(['ask', '--json', 'what is the best recipe for chocolate cake?'], env);
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer.abstained).toBe(true);
    expect(answer.excerpts).toEqual([]);
    expect(answer.closest!.length).toBeGreaterThan(0);
  });

  it('refuses an empty or a 10 kB question with a usage message', async () => {
    const empty = await runCli(['ask', '   '], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/question is empty/i);
    const long = await runCli(['ask', 'why '.repeat(2500)], env);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/9999 characters.*shorter question/);
  });

  it('lists talks, not an introduction that mentions the topic, when asked which talks there were', async () => {
    const result = await runCli(['ask', '--json', '--notes', kubeDayNotes(), 'which talks were about kubernetes?'], env);
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer.abstained).toBe(false);
    expect(answer.excerpts.map((e) => e.talk).sort()).toEqual(['Operators in production', 'Upgrading clusters']);
  });

  it('lists the talks of a conference when the question asks nothing else', async () => {
    const result = await runCli(['ask', '--json', '--notes', kubeDayNotes(), 'quels talks à KubeDay ?'], env);
    const answer = JSON.parse(result.stdout) as Answer;
    expect(answer.abstained).toBe(false);
    expect(answer.excerpts.map((e) => e.talk).sort()).toEqual(['Lunch', 'Operators in production', 'Upgrading clusters']);
  });

  it('answers a question about the conference itself from its introduction, and abstains when the notes are silent on it', async () => {
    const notes = kubeDayNotes();
    const venue = JSON.parse((await runCli(['ask', '--json', '--notes', notes, 'where did kubeday 2031 take place?'], env)).stdout) as Answer;
    expect(venue.abstained).toBe(false);
    expect(venue.excerpts[0]).toMatchObject({ talk: 'Introduction', quote: expect.stringContaining('Old Tram Depot') });
    const tickets = JSON.parse((await runCli(['ask', '--json', '--notes', notes, 'how did people get tickets for kubeday 2031?'], env)).stdout) as Answer;
    expect(tickets.abstained).toBe(true);
  });

  it('abstains when what the question asks about is a product that neither the notes nor general English know', async () => {
    const notes = kubeDayNotes();
    const ask = async (question: string) => JSON.parse((await runCli(['ask', '--json', '--notes', notes, question], env)).stdout) as Answer;
    expect((await ask('did anyone show kubernetes operators restarting databases?')).abstained).toBe(false);
    const unknown = await ask('did anyone show quorvadb restarting databases?');
    expect(unknown).toMatchObject({ abstained: true, excerpts: [] });
    expect(unknown.closest?.[0]?.talk).toBe('Operators in production');
  });

  it('reads a word typed with a slip as the notes word, and answers instead of taking it for an unknown product', async () => {
    const notes = kubeDayNotes();
    const ask = async (question: string) => JSON.parse((await runCli(['ask', '--json', '--notes', notes, question], env)).stdout) as Answer;
    const dropped = await ask('did anyone show kubernetes operators restarting databses?');
    expect(dropped.abstained).toBe(false);
    expect(dropped.excerpts[0]?.talk).toBe('Operators in production');
    const swapped = await ask('how does grace upgrade kubernetes clsuters?');
    expect(swapped.abstained).toBe(false);
    expect(swapped.excerpts[0]?.talk).toBe('Upgrading clusters');
  });

  it('names a notes folder that does not exist', async () => {
    const result = await runCli(['ask', '--notes', 'no/such/folder', ETSY], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no\/such\/folder/);
  });
});

describe.skipIf(!existsSync(join(SHARED, 'corpus')))('confnotes ask over the whole shared corpus (needs ../shared)', () => {
  it('finds the Etsy post-mortems in the French QCon note among ~50 notes', async () => {
    const env = cliEnv(testModelsDir());
    const result = await runCli(['ask', '--json', '--notes', join(SHARED, 'corpus'), ETSY], env);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as Answer;
    const etsy = answer.excerpts.filter((e) => e.file === `seeds/${QCON}`);
    expect(etsy.length).toBeGreaterThan(0);
    expect(etsy.some(({ lines: [a, b] }) => (a <= 29 && b >= 20) || (a <= 135 && b >= 131))).toBe(true);
    for (const e of answer.excerpts) expect(linesOf(join(SHARED, 'corpus', e.file), e.lines)).toContain(e.quote);
  });
});

describe('confnotes serve', () => {
  it('says which token is missing before loading anything, and names the platforms', async () => {
    const env = cliEnv(testModelsDir());
    delete env.SLACK_BOT_TOKEN;
    delete env.DISCORD_TOKEN;
    const slack = await runCli(['serve', 'slack'], env);
    expect(slack.code).toBe(2);
    expect(slack.stderr).toMatch(/SLACK_BOT_TOKEN is not set/);
    const discord = await runCli(['serve', 'discord'], env);
    expect(discord.stderr).toMatch(/DISCORD_TOKEN is not set/);
    const unknown = await runCli(['serve', 'teams'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown platform "teams".*serve slack/);
  });
});

describe('confnotes digest', () => {
  it('prints a conference digest as JSON, and posts it to Slack with --post', async () => {
    const json = await runCli(['digest', '--json', 'QCon London'], cliEnv(testModelsDir()));
    expect(json.code).toBe(0);
    const digest = JSON.parse(json.stdout);
    expect(digest.conference).toBe('QCon London 2014');
    expect(digest.talks.map((t: { talk: string }) => t.talk)).toContain("How outages shaped Etsy's architecture");

    const slack = await fakeApi(() => ({ ok: true, channel: 'C0CONF', ts: '1700000000.000100' }));
    try {
      const env = cliEnv(testModelsDir(), { SLACK_BOT_TOKEN: 'xoxb-test', CONFNOTES_SLACK_API_URL: `${slack.url}/api/` });
      const posted = await runCli(['digest', 'QCon London', '--post', 'slack:#conferences'], env);
      expect(posted.code).toBe(0);
      expect(posted.stderr).toMatch(/posted the digest of QCon London 2014 to slack:conferences/);
      const messages = slack.requests.filter((r) => r.path === '/api/chat.postMessage');
      expect(messages[0]!.body.channel).toBe('conferences');
      expect(messages.length).toBeGreaterThan(1);
      expect(messages.slice(1).every((m) => m.body.thread_ts === '1700000000.000100')).toBe(true);
      expect(slack.requests[0]!.authorization).toBe('Bearer xoxb-test');
    } finally {
      slack.server.close();
    }
    const noToken = await runCli(['digest', 'QCon London', '--post', 'discord:123'], cliEnv(testModelsDir()));
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/--post needs DISCORD_TOKEN/);
  });
});

// `confnotes gaps`: recording, grouping by similar question (the retrieval analysis), the report, and the
// command itself on a state folder with known records, printed and posted to a fake Slack.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/gaps.js';
import { formatGapsText } from '../../src/gaps/format-gaps.js';
import { type GapRecord, createGapStore, recordIfAbstained } from '../../src/gaps/gap-store.js';
import { groupGaps } from '../../src/gaps/group-gaps.js';
import { cliEnv, runCli } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { FakeSlack } from '../slack/fake-slack.js';

const talk = { conference: 'QCon London 2014', talk: 'Development at Etsy', file: '001.txt', lines: [64, 120] as [number, number] };
const RECORDS: GapRecord[] = [
  { kind: 'abstained', question: 'What did anyone say about Kubernetes?', origin: 'slack:C0GENERAL', closest: [talk], time: '2026-11-20T10:00:00.000Z' },
  { kind: 'abstained', question: 'Kubernetes, quelqu’un en a parlé ?', origin: 'discord:222', closest: [talk], time: '2026-11-28T10:00:00.000Z' },
  { kind: 'downvoted', question: 'what did anyone say about kubernetes?', origin: 'slack:C0GENERAL', closest: [{ file: '003.txt', lines: [1, 4] }], time: '2026-11-29T10:00:00.000Z' },
  { kind: 'abstained', question: 'Where was the party @everyone <!channel>?', origin: 'cli', closest: [], time: '2026-11-30T10:00:00.000Z' },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confnotes-gaps-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('gap store', () => {
  it('records abstentions only, and reads records back since a date, skipping a torn line', async () => {
    const store = createGapStore(join(dir, 'state-a'));
    await recordIfAbstained(store, { question: 'Found', abstained: false, excerpts: [] }, 'cli');
    await recordIfAbstained(store, { question: 'Elm?', abstained: true, excerpts: [], closest: [talk] }, 'cli', new Date('2026-11-02T00:00:00Z'));
    await store.append(RECORDS[0]!);
    await writeFile(store.path, `${await readFile(store.path, 'utf8')}{"kind":"abst`);
    expect((await store.read()).map((r) => r.question)).toEqual(['Elm?', RECORDS[0]!.question]);
    expect((await store.read(new Date('2026-11-10T00:00:00Z'))).map((r) => r.question)).toEqual([RECORDS[0]!.question]);
    expect(await createGapStore(join(dir, 'nothing-here')).read()).toEqual([]);
  });
});

describe('groupGaps', () => {
  it('groups French and English wordings of one question, counting kinds, closest talks and origins', () => {
    const [kubernetes, party, ...none] = groupGaps(RECORDS);
    expect(none).toEqual([]);
    expect(kubernetes).toMatchObject({
      question: 'What did anyone say about Kubernetes?',
      count: 3,
      kinds: { abstained: 2, downvoted: 1 },
      origins: [{ origin: 'slack:C0GENERAL', count: 2 }, { origin: 'discord:222', count: 1 }],
      lastAsked: '2026-11-29T10:00:00.000Z',
    });
    expect(kubernetes!.questions).toEqual(['What did anyone say about Kubernetes?', 'Kubernetes, quelqu’un en a parlé ?']);
    expect(kubernetes!.closest[0]).toEqual({ talk: 'Development at Etsy', conference: 'QCon London 2014', file: '001.txt', count: 2 });
    expect(party).toMatchObject({ count: 1, origins: [{ origin: 'cli', count: 1 }] });
  });

  it('reads as a report, most asked first', () => {
    const text = formatGapsText(groupGaps(RECORDS), new Date('2026-11-01T00:00:00Z'));
    expect(text).toContain("What the notes don't answer since 2026-11-01: 4 questions in 2 groups");
    expect(text).toContain('1. “What did anyone say about Kubernetes?” — asked 3× (2 unanswered, 1 👎), last on 2026-11-29');
    expect(text).toContain('closest talks: Development at Etsy (QCon London 2014) [001.txt]; 003.txt [003.txt]');
    expect(text).toContain('from: slack:C0GENERAL (2), discord:222 (1)');
    expect(formatGapsText([])).toBe('Nothing went unanswered: no abstentions and no 👎 recorded.');
  });
});

describe('parseSince', () => {
  it('reads durations and dates, and refuses the rest with the setting error', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(parseSince('12h', now).toISOString()).toBe('2026-11-30T12:00:00.000Z');
    expect(parseSince('2w', now).toISOString()).toBe('2026-11-17T00:00:00.000Z');
    expect(parseSince('2026-11-15').toISOString()).toBe('2026-11-15T00:00:00.000Z');
    expect(() => parseSince('last week')).toThrow(/--since last week is not a duration/);
  });
});

describe('confnotes gaps', () => {
  let stateDir: string;
  beforeAll(async () => {
    stateDir = join(dir, 'state-cli');
    const store = createGapStore(stateDir);
    for (const record of RECORDS) await store.append(record);
  });

  it('prints the groups as JSON, since a date', async () => {
    const result = await runCli(['gaps', '--since', '2026-11-25', '--json'], cliEnv(testModelsDir(), { CONFNOTES_STATE_DIR: stateDir }));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const groups = JSON.parse(result.stdout);
    expect(groups.map((g: { question: string; count: number }) => [g.question, g.count])).toEqual([
      ['what did anyone say about kubernetes?', 2],
      ['Where was the party @everyone <!channel>?', 1],
    ]);
  });

  it('posts the report to a Slack channel without pinging anyone', async () => {
    const slack = await new FakeSlack().start();
    try {
      const env = cliEnv(testModelsDir(), { CONFNOTES_STATE_DIR: stateDir, SLACK_BOT_TOKEN: 'xoxb-test-token', CONFNOTES_SLACK_API_URL: slack.apiUrl });
      const result = await runCli(['gaps', '--post', 'slack:#notes-team'], env);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('Posted the gaps report (2 groups) to slack:notes-team.\n');
      const posted = slack.callsTo('chat.postMessage')[0]!;
      expect(posted.body.channel).toBe('notes-team');
      expect(String(posted.body.text)).toContain('“What did anyone say about Kubernetes?” — asked 3×');
      expect(String(posted.body.text)).not.toMatch(/<!channel>|@everyone/);
    } finally {
      await slack.close();
    }
  });

  it('says what a wrong --post target should look like', async () => {
    const result = await runCli(['gaps', '--post', 'teams:#x'], cliEnv(testModelsDir(), { CONFNOTES_STATE_DIR: stateDir }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--post teams:#x is not slack:<channel> or discord:<channel id>');
  });
});

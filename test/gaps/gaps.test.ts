// `confnotes gaps`: grouping by similar question (the retrieval analysis), the report, and the
// command itself on a state folder with known records, printed and posted to a fake Slack.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSince } from '../../src/cli/gaps.js';
import { formatGapsText } from '../../src/gaps/format-gaps.js';
import { openFeedbackLog } from '../../src/gaps/feedback-log.js';
import { groupGaps } from '../../src/gaps/group-gaps.js';
import { cliEnv, runCli } from '../helpers/cli.js';
import { fakeApi } from '../helpers/fake-api.js';
import { testModelsDir } from '../helpers/model.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { GAP_RECORDS } from './feedback-log.contract.js';

const RECORDS = GAP_RECORDS;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confnotes-gaps-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

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
    const log = await openFeedbackLog({ stateDir });
    for (const record of RECORDS) await log.recordGap(record);
  });

  it('prints the groups as JSON, since a date', async () => {
    const result = await runCli(['gaps', '--since', '2026-11-25', '--json'], cliEnv(testModelsDir(), { CONFNOTES_STATE_DIR: stateDir }));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const groups = JSON.parse(result.stdout);
    expect(groups.map((g: { question: string; count: number }) => [g.question, g.count])).toEqual([
      ['what did anyone say about kubernetes?', 2],
      [RECORDS[3]!.question, 1],
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

  it('posts a long report to a Discord channel in messages within its limits, pinging nobody', async () => {
    // Forty distinct unanswered questions: a report longer than one Discord message.
    const many = join(dir, 'state-many');
    const log = await openFeedbackLog({ stateDir: many });
    const topics = Array.from({ length: 40 }, (_, i) => `zorblax${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
    for (const [i, topic] of topics.entries()) {
      // Three words of its own each, so that no two questions are one gap.
      await log.recordGap({ ...RECORDS[3]!, question: `${topic} ${topic}q ${topic}r, @everyone? <@123456>`, time: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}T10:00:00.000Z` });
    }
    let id = 0;
    const api = await fakeApi((request) => ({ id: String(++id), channel_id: '333', content: request.body.content ?? '' }));
    try {
      const env = cliEnv(testModelsDir(), { CONFNOTES_STATE_DIR: many, DISCORD_TOKEN: 'discord-gaps-token', CONFNOTES_DISCORD_API_URL: `${api.url}/api` });
      const result = await runCli(['gaps', '--post', 'discord:333'], env);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('Posted the gaps report (40 groups) to discord:333.\n');
      expect(api.requests.length).toBeGreaterThan(1);
      for (const request of api.requests) {
        expect(request).toMatchObject({ method: 'POST', path: '/api/v10/channels/333/messages', authorization: 'Bot discord-gaps-token' });
        expect(request.body.allowed_mentions).toEqual({ parse: [] });
        expect(String(request.body.content).length).toBeLessThanOrEqual(2000);
        expect(String(request.body.content)).not.toMatch(/@everyone|<@\d/);
      }
      // Every group arrives once, in order, cut between lines.
      const posted = api.requests.map((r) => String(r.body.content).replace(/\u200b/g, '')).join('\n');
      const numbered = [...posted.matchAll(/^(\d+)\. “(\w+) /gm)];
      expect(numbered.map((m) => Number(m[1]))).toEqual(topics.map((_, i) => i + 1));
      expect(new Set(numbered.map((m) => m[2]))).toEqual(new Set(topics));
    } finally {
      await new Promise((resolve) => api.server.close(resolve));
    }
  });

  it('says what a wrong --post target should look like', async () => {
    const result = await runCli(['gaps', '--post', 'teams:#x'], cliEnv(testModelsDir(), { CONFNOTES_STATE_DIR: stateDir }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--post teams:#x is not slack:<channel> or discord:<channel id>');
  });
});

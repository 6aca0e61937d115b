// The watcher end to end: a real notes folder, the real parser, index and model, and a recording
// DigestPoster standing in for Slack and Discord (their posters are tested against fake APIs).
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openKnowledgeBase } from '../../src/app.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { loadConfig } from '../../src/config.js';
import type { DigestPoster } from '../../src/digests/poster.js';
import { startWatch, type CycleReport, type DigestWatch } from '../../src/digests/watch.js';
import type { Digest } from '../../src/types.js';
import { testModelsDir } from '../helpers/model.js';

const seedsDir = resolve('data/notes');

class RecordingPoster implements DigestPoster {
  readonly digests: Digest[] = [];
  failuresLeft = 0;
  constructor(readonly target: string) {}
  async post(digest: Digest): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('channel unavailable');
    }
    this.digests.push(digest);
  }
}

describe('digest watch', () => {
  let root: string;
  let notesDir: string;
  let stateDir: string;
  let kb: KnowledgeBase;
  let watcher: DigestWatch | undefined;
  const poster = new RecordingPoster('test:recording');
  const reports: CycleReport[] = [];

  const start = async (posters: DigestPoster[] = [poster]): Promise<DigestWatch> => {
    watcher = await startWatch({ kb, posters, stateDir, debounceMs: 100, writeFinishMs: 100, onCycle: (r) => reports.push(r) });
    return watcher;
  };
  /** Runs `change` and waits for the cycle it triggers. */
  const afterCycle = async (change: () => Promise<void>): Promise<CycleReport> => {
    const before = reports.length;
    await change();
    await vi.waitFor(() => expect(reports.length).toBeGreaterThan(before), { timeout: 20_000, interval: 50 });
    await watcher!.idle();
    return reports.at(-1)!;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'confnotes-watch-'));
    notesDir = join(root, 'notes');
    stateDir = join(root, 'state');
    await mkdir(notesDir);
    await copyFile(join(seedsDir, '002_229ae74f5be487c1.txt'), join(notesDir, 'scaleconf-2017.txt'));
    const config = loadConfig(
      { CONFNOTES_NOTES_DIR: notesDir, CONFNOTES_INDEX_DIR: join(root, 'index'), CONFNOTES_STATE_DIR: stateDir, CONFNOTES_MODELS_DIR: testModelsDir() },
      {},
    );
    kb = await openKnowledgeBase(config);
  });
  afterAll(async () => {
    await watcher?.stop();
    await kb?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('records the talks already there on first start instead of posting them', async () => {
    await start();
    expect(reports).toEqual([{ recorded: [{ target: 'test:recording', talks: 7 }], posted: [], failed: [] }]);
    expect(poster.digests).toEqual([]);
    const state = JSON.parse(await readFile(join(stateDir, 'digests.json'), 'utf8'));
    expect(state.targets['test:recording'].talks).toHaveLength(7);
  });

  it('posts one digest when a new conference file arrives', async () => {
    const report = await afterCycle(() => copyFile(join(seedsDir, '001_34568cbb42ee90fe.txt'), join(notesDir, 'qcon-london-2014-day-1.txt')));
    expect(report.posted).toHaveLength(1);
    expect(poster.digests).toHaveLength(1);
    const [digest] = poster.digests;
    expect(digest!.conference).toBe('QCon London 2014');
    expect(digest!.files).toEqual(['qcon-london-2014-day-1.txt']);
    expect(digest!.talks.map((t) => t.talk)).toEqual([
      'How outages shaped Etsy\'s architecture',
      'Development, Deployment and Collaboration at Etsy',
      'How you can trust crypto',
      'BladeRunnerJS',
    ]);
    // The index followed too.
    expect(await kb.conferences()).toContain(digest!.conference);
  });

  it('posts nothing when a typo is fixed', async () => {
    const file = join(notesDir, 'qcon-london-2014-day-1.txt');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('plutot que');
    const report = await afterCycle(() => writeFile(file, text.replace('plutot que', 'plutôt que')));
    expect(report.posted).toEqual([]);
    expect(poster.digests).toHaveLength(1);
  });

  it('posts nothing after a restart', async () => {
    await watcher!.stop();
    const before = reports.length;
    await start();
    expect(reports.slice(before)).toEqual([{ recorded: [], posted: [], failed: [] }]);
    expect(poster.digests).toHaveLength(1);
  });

  it('posts only the talk added to a file, under its conference', async () => {
    const talk = '\n## Microservices at Gilt\n\nGilt a découpé son monolithe Rails en centaines de petits services Scala.\nChaque équipe est responsable de ses services, du code jusqu\'à l\'astreinte.\n';
    const report = await afterCycle(() => appendFile(join(notesDir, 'qcon-london-2014-day-1.txt'), talk));
    expect(report.posted).toEqual([{ target: 'test:recording', conference: 'QCon London 2014', talks: ['Microservices at Gilt'] }]);
    const digest = poster.digests.at(-1)!;
    expect(digest.talks.map((t) => t.talk)).toEqual(['Microservices at Gilt']);
    expect(digest.talks[0]!.highlights.length).toBeGreaterThanOrEqual(1);
  });

  it('groups a second day file with its conference and posts its talks', async () => {
    const day2 = '---\ntitle: QCon London 2014, day Two\n---\n\n## Scaling Pinterest\n\nPinterest moved its feed to HBase once MySQL shards could no longer keep up with the writes.\n';
    const report = await afterCycle(() => writeFile(join(notesDir, 'qcon-london-2014-day-2.md'), day2));
    expect(report.posted).toEqual([{ target: 'test:recording', conference: 'QCon London 2014', talks: ['Scaling Pinterest'] }]);
    expect(poster.digests.at(-1)!.files).toEqual(['qcon-london-2014-day-2.md']);
  });

  it('retries a failed post at the next change, and a new target starts from what is there', async () => {
    await watcher!.stop();
    const discord = new RecordingPoster('test:second');
    await start([poster, discord]);
    expect(reports.at(-1)!.recorded).toEqual([{ target: 'test:second', talks: 13 }]);
    poster.failuresLeft = 1;
    const body = '## Keynote\n\nThe keynote was about the history of distributed systems and what the next decade holds.\n';
    const failed = await afterCycle(() => writeFile(join(notesDir, 'velocity-2018.md'), `---\ntitle: Velocity London 2018\n---\n\n${body}`));
    expect(failed.failed.map((f) => f.target)).toEqual(['test:recording']);
    expect(failed.posted.map((p) => p.target)).toEqual(['test:second']);
    const retried = await afterCycle(() => appendFile(join(notesDir, 'velocity-2018.md'), '\nA line added later.\n'));
    expect(retried.posted).toEqual([{ target: 'test:recording', conference: 'Velocity London 2018', talks: ['Keynote'] }]);
    expect(discord.digests).toHaveLength(1);
  });
});

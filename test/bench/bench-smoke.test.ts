// `npm run bench -- --quick` end to end: the compiled bench (the suite runs after tsc) as a child
// process, every section printed and every figure a finite number in its JSON. Figures are not
// judged here: timings on a shared test machine prove nothing.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const hasRipgrep = spawnSync('rg', ['--version']).status === 0;
/** The bench measures PostgreSQL on the tests' server when there is one (CI starts one), and says it skipped it otherwise. */
const hasServer = Boolean(process.env.CONFNOTES_BENCH_DATABASE_URL || process.env.CONFNOTES_TEST_DATABASE_URL);

const SECTIONS: Record<string, { title: string; figures: string[] }> = {
  indexing: {
    title: 'Indexing',
    figures: ['modelBuildS', 'modelBuildPeakRssMB', 'modelLoadMs', 'coldIndexS', 'filesPerS', 'passagesPerS', 'mbPerS', 'coldIndexPeakRssMB', 'reindexOneFileFirstMs', 'reindexOneFileMs',
      'reindexReadNotesMs', 'reindexParseMs', 'reindexEmbedMs', 'reindexWriteMs', 'reindexOneFileProcessS'],
  },
  answering: {
    title: 'Answering',
    figures: ['warmAskP50Ms', 'warmAskP95Ms', 'warmAskP99Ms', 'firstAskP50Ms', 'firstAskP95Ms', 'lexicalAskP50Ms', 'lexicalAskP95Ms', 'lexicalAskP99Ms', 'hybridOverLexicalP50', 'hybridOverLexicalP95',
      'plainBm25P50Ms', 'plainBm25P95Ms', 'warmOverPlainBm25P50', 'warmOverPlainBm25P95', 'coldAskMedianMs', 'coldAskPeakRssMB',
      // rg is the cold CLI's yardstick where it is installed; elsewhere its figures are n/a by design.
      ...(hasRipgrep ? ['coldRgMedianMs', 'coldAskOverRg'] : []),
    ],
  },
  scale: {
    title: 'Scale',
    figures: [
      'embedPassagesPerS', 'smallAskP50Ms', 'smallAskP95Ms', 'largeBuildS', 'largeDiskMB', 'largeLoadS', 'largeVectorP50Ms', 'largeVectorP95Ms',
      'largeRecallAt10', 'largeExactP50Ms', 'largeAskP50Ms', 'largeAskP95Ms', 'largeReindexOneFileMs', 'randomBuildS', 'randomLoadMs', 'randomVectorP95Ms', 'randomRecallAt10',
    ],
  },
  postgres: {
    title: 'Scale on PostgreSQL',
    figures: hasServer ? ['pgBuildS', 'pgOpenS', 'pgVectorP50Ms', 'pgVectorP95Ms', 'pgRecallAt10', 'pgAskP50Ms', 'pgAskP95Ms', 'pgReindexOneFileMs'] : [],
  },
  slack: { title: 'Slack', figures: ['acknowledged', 'answered', 'firstAckP95Ms', 'ackP95Ms', 'ackMaxMs', 'ackThreadCpuMs', 'ackThreadWaitMs', 'answerP50Ms', 'answerP95Ms', 'errors'] },
  discord: { title: 'Discord', figures: ['answered', 'firstDeferP95Ms', 'deferP95Ms', 'deferThreadCpuMs', 'deferThreadWaitMs', 'editP50Ms', 'editP95Ms', 'editMaxMs'] },
  memory: {
    title: 'Memory',
    figures: ['idleRssMB', 'idleHeapUsedMB', 'idleExternalMB', 'answered', 'afterRssMB', 'afterHeapUsedMB', 'soakAnswered', 'soakRssMB', 'soakHeapUsedMB', 'soakGrowthPct', 'peakRssMB'],
  },
};

interface Results {
  run: { quick: boolean };
  sections: Record<string, { error?: string; notes: string[]; figures: Record<string, { value: number | null }> }>;
}

let dir: string;
let stdout: string;
let results: Results;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'confnotes-bench-smoke-'));
  const out = join(dir, 'results.json');
  ({ stdout } = await promisify(execFile)(process.execPath, [resolve('dist/bench/run.js'), '--quick', '--out', out], { maxBuffer: 16 * 1024 * 1024 }));
  results = JSON.parse(await readFile(out, 'utf8')) as Results;
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run bench -- --quick', () => {
  it('records a quick run', () => {
    expect(results.run.quick).toBe(true);
  });

  it.each(Object.entries(SECTIONS))('prints the %s section', (_id, { title }) => {
    expect(stdout).toContain(`== ${title} ==`);
  });

  it.skipIf(hasServer)('says why the PostgreSQL figures are missing without a server (needs no PostgreSQL server)', () => {
    expect(results.sections.postgres?.notes).toEqual([expect.stringMatching(/^skipped: set CONFNOTES_BENCH_DATABASE_URL/)]);
  });

  it.each(Object.entries(SECTIONS))('measures every %s figure as a finite number', (id, { figures }) => {
    const section = results.sections[id];
    expect(section?.error).toBeUndefined();
    for (const key of figures) {
      const value = section?.figures[key]?.value;
      expect({ key, finite: typeof value === 'number' && Number.isFinite(value) }).toEqual({ key, finite: true });
    }
  });
});

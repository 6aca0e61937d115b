import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openHnswStore } from '../../src/index/hnsw-store.js';
import { buildPostings, postingsChunks } from '../../src/index/lexical-index.js';
import { lockPath } from '../../src/index/lock.js';
import type { Store } from '../../src/index/store.js';
import { analyze } from '../../src/text/analyze.js';
import { compileChildren } from './compile-children.js';
import { COPIES_FOR_5K, TEST_EMBEDDER, indexText, seedFiles, seedTexts, writerVariant } from './fixtures.js';
import { mixedQueries, recallAgainstExact } from './recall.js';
import { expectRejectedWith, runStoreContract } from './store.contract.js';

const root = await mkdtemp(join(tmpdir(), 'confnotes-hnsw-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let made = 0;
const freshDir = () => join(root, `store-${made++}`);

runStoreContract('embedded store, exact search', () => openHnswStore(freshDir()));
runStoreContract('embedded store, HNSW graph', () => openHnswStore(freshDir(), { annMinPassages: 0 }));

const COPIES = COPIES_FOR_5K;
// The crash test's writer re-applies 85 files (~1,300 passages) per change: big enough to be killed mid-write.
const CRASH_COPIES = 8;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const generations = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('gen-')).sort();

async function timeQueries(store: Store, vectors: Float32Array[]): Promise<{ vector: number; lexical: number }> {
  const vector: number[] = [];
  const lexical: number[] = [];
  for (const v of vectors) {
    let t = performance.now();
    await store.vectorSearch(v, 10);
    vector.push(performance.now() - t);
    t = performance.now();
    await store.lexicalSearch('what did Etsy say about post-mortems and deployment?', 10);
    lexical.push(performance.now() - t);
  }
  return { vector: median(vector), lexical: median(lexical) };
}

describe('embedded store on disk', () => {
  test('opens ~5k passages and finds what exact search finds, with and without a graph', async () => {
    const files = writerVariant(COPIES, 0);
    const allVectors = files.flatMap((f) => f.vectors);
    const vectors = allVectors.filter((_, i) => i % 100 === 0);
    for (const annMinPassages of [Infinity, 0]) {
      const dir = freshDir();
      const writer = await openHnswStore(dir, { annMinPassages });
      let t = performance.now();
      await writer.apply({ embedder: TEST_EMBEDDER, upsert: files, remove: [] });
      const applyMs = performance.now() - t;
      await writer.close();

      t = performance.now();
      const store = await openHnswStore(dir);
      const openMs = performance.now() - t;
      expect((await store.manifest())!.counts.passages).toBeGreaterThan(5000);
      const query = await timeQueries(store, vectors);
      const { recall } = await recallAgainstExact(store, allVectors, mixedQueries(allVectors));
      expect(recall).toBeGreaterThanOrEqual(0.95);
      const mode = annMinPassages === 0 ? 'HNSW' : 'exact';
      console.log(
        `${mode}: ${(await store.manifest())!.counts.passages} passages × ${TEST_EMBEDDER.dimensions}-d: ` +
          `apply ${applyMs.toFixed(0)} ms, recall@10 ${recall.toFixed(3)}, open ${openMs.toFixed(0)} ms, vectorSearch median ${query.vector.toFixed(2)} ms, ` +
          `lexicalSearch median ${query.lexical.toFixed(2)} ms`,
      );
      // Times are printed, not asserted: on a shared machine they vary, and their goals live in `npm run bench`.
      await store.close();
    }
  });

  test('keeps the live and the previous generation and cleans what a dead writer left', async () => {
    const dir = freshDir();
    const store = await openHnswStore(dir);
    const seeds = seedFiles();
    for (const file of seeds.slice(0, 3)) await store.apply({ embedder: TEST_EMBEDDER, upsert: [file], remove: [] });
    expect(await generations(dir)).toEqual(['gen-2', 'gen-3']);
    expect((await readFile(join(dir, 'CURRENT'), 'utf8')).trim()).toBe('gen-3');

    await mkdir(join(dir, 'gen-4.tmp-999999'));
    await writeFile(join(dir, 'CURRENT.tmp-999999'), 'gen-4');
    await store.apply({ embedder: TEST_EMBEDDER, upsert: [seeds[3]!], remove: [] });
    expect((await readdir(dir)).filter((n) => n !== '.lock').sort()).toEqual(['CURRENT', 'gen-3', 'gen-4', 'lexical', 'segments']);
    expect((await store.manifest())!.counts.files).toBe(4);
    await store.close();
  });

  test('a second writer is refused while the first one writes', async () => {
    const dir = freshDir();
    const first = await openHnswStore(dir);
    const second = await openHnswStore(dir);
    const writing = first.apply({ embedder: TEST_EMBEDDER, upsert: writerVariant(COPIES, 0), remove: [] });
    while (!existsSync(lockPath(dir))) await new Promise((r) => setTimeout(r, 1));
    await expectRejectedWith(
      second.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] }),
      'INDEX_LOCKED',
      new RegExp(`being written by process ${process.pid} .*\\.lock.*Another \`confnotes index\` is running`),
    );
    await writing;
    expect(existsSync(lockPath(dir))).toBe(false);
    await second.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] });
    await Promise.all([first.close(), second.close()]);
  });

  test('a lock left by a dead process is taken over', async () => {
    const dir = freshDir();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve)); // cannot exit before the event loop turns
    await mkdir(dir, { recursive: true });
    await writeFile(lockPath(dir), JSON.stringify({ pid: dead.pid, time: new Date(0).toISOString() }));
    const store = await openHnswStore(dir);
    await store.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] });
    expect((await store.manifest())!.counts.files).toBe(5);
    expect(existsSync(lockPath(dir))).toBe(false);
    await store.close();
  });

  test('SIGKILL at any moment of a write leaves a loadable, consistent generation', async () => {
    const { outDir, scripts } = await compileChildren(['test/store/children/hnsw-writer.ts']);
    const variants = [0, 1, 2].map((v) => writerVariant(CRASH_COPIES, v));
    const hashesOf = (files: typeof variants[number]) => Object.fromEntries(files.map((f) => [f.file, f.hash]));
    const idsOf = (files: typeof variants[number]) => new Set(files.flatMap((f) => f.passages.map((p) => p.id)));
    const dir = freshDir();
    const seen = new Set<number>();
    try {
      for (let round = 0; round < 4; round++) {
        const child = spawn(process.execPath, [scripts[0]!, dir, String(CRASH_COPIES)], { stdio: ['ignore', 'pipe', 'inherit'] });
        const exited = new Promise((resolve) => child.on('exit', resolve));
        let applied = 0;
        const ready = new Promise<void>((resolve) =>
          child.stdout.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('ready')) resolve();
            applied += (chunk.toString().match(/applied/g) ?? []).length;
          }),
        );
        await Promise.race([ready, exited]);
        // An apply takes ~0.1–0.3 s here: this lands anywhere from before the first one to after several.
        await new Promise((r) => setTimeout(r, Math.random() * 1500));
        child.kill('SIGKILL');
        await exited;

        const store = await openHnswStore(dir);
        const manifest = await store.manifest();
        let held = 'none';
        if (manifest) {
          const v = variants.findIndex((files) => expect.objectContaining(hashesOf(files)).asymmetricMatch(
            Object.fromEntries(Object.entries(manifest.files).map(([f, e]) => [f, e.hash])),
          ));
          expect(v, `round ${round}: manifest matches no single variant`).toBeGreaterThanOrEqual(0);
          seen.add(v);
          held = `variant ${v}`;
          const ids = idsOf(variants[v]!);
          expect(manifest.counts.passages).toBe(ids.size);
          const hits = [
            ...(await store.lexicalSearch('Etsy post-mortem', 50)),
            ...(await store.vectorSearch(variants[v]![7]!.vectors[0]!, 50)),
          ];
          expect(hits.filter((h) => !ids.has(h.id))).toEqual([]);
          expect(await store.passages(hits.map((h) => h.id))).toHaveLength(hits.length);
        }
        console.log(`SIGKILL round ${round}: ${applied} applies completed, store holds ${held}`);
        await store.close();
      }
      expect(seen.size).toBeGreaterThan(0);
      const store = await openHnswStore(dir);
      await store.apply({ embedder: TEST_EMBEDDER, upsert: [], remove: ['copy-0/000_4a899a7cd1601ca1.txt'] });
      expect((await readdir(dir)).filter((n) => n.includes('.tmp-') || n === '.lock')).toEqual([]);
      expect((await generations(dir)).length).toBe(2);
      await store.close();
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('segments: one file per notes file, shared between generations', () => {
  const segmentsOf = async (dir: string, generation: string) =>
    (JSON.parse(await readFile(join(dir, generation, 'segments.json'), 'utf8')) as Array<{ segment: string }>).map((s) => s.segment);
  const etsy = 'Etsy post-mortem';

  test('a one-file change writes one segment; the other generations keep theirs, the rest is pruned', async () => {
    const dir = freshDir();
    const store = await openHnswStore(dir);
    const seeds = seedFiles();
    await store.apply({ embedder: TEST_EMBEDDER, upsert: seeds, remove: [] });
    const first = await segmentsOf(dir, 'gen-1');
    expect(first).toHaveLength(seeds.length);
    const edited = indexText(seeds[1]!.file, `${seedTexts()[1]!.text}\n\nA sentence about zorblax added later.\n`);
    await store.apply({ embedder: TEST_EMBEDDER, upsert: [edited], remove: [] });
    const second = await segmentsOf(dir, 'gen-2');
    expect(second.filter((name, i) => name !== first[i])).toHaveLength(1);
    expect((await readdir(join(dir, 'segments'))).sort()).toEqual([...new Set([...first, ...second])].sort());
    // gen-1 leaves; so does the segment only it held.
    await store.apply({ embedder: TEST_EMBEDDER, upsert: [], remove: [seeds[0]!.file] });
    expect((await readdir(join(dir, 'segments'))).sort()).toEqual([...second].sort());
    const [hit] = await store.lexicalSearch('zorblax', 1);
    expect((await store.passages([hit!.id]))[0]!.text).toContain('zorblax');

    // Another process reads the same passages, parsed from the segments.
    const reader = await openHnswStore(dir);
    const ids = (await store.lexicalSearch(etsy, 20)).map((h) => h.id);
    expect(await reader.passages(ids)).toEqual(await store.passages(ids));
    expect(await reader.talks()).toEqual(await store.talks());
    expect(await reader.passagesOf([edited.file])).toEqual(edited.passages);
    await Promise.all([store.close(), reader.close()]);
  });

  test('a truncated segment is reported as a corrupt index, not read as fewer passages', async () => {
    const dir = freshDir();
    const writer = await openHnswStore(dir);
    await writer.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] });
    await writer.close();
    const [segment] = await segmentsOf(dir, 'gen-1');
    const path = join(dir, 'segments', segment!);
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.byteLength - 10));
    await expectRejectedWith(openHnswStore(dir), 'INDEX_CORRUPT', /gen-1 cannot be read/);
  });

  test('a generation written before segments (passages.json, vectors.f32) opens, and the next write moves it to segments', async () => {
    const dir = freshDir();
    const seeds = seedFiles();
    const writer = await openHnswStore(dir);
    await writer.apply({ embedder: TEST_EMBEDDER, upsert: seeds, remove: [] });
    const expected = { lexical: await writer.lexicalSearch(etsy, 10), vector: await writer.vectorSearch(seeds[2]!.vectors[3]!, 10) };
    await writer.close();
    // The layout of the version before: every file's talks and passages in one JSON, every vector in one file.
    const files = [...seeds].sort((a, b) => (a.file < b.file ? -1 : 1));
    await writeFile(join(dir, 'gen-1', 'passages.json'), JSON.stringify({ files: files.map(({ vectors: _, ...stored }) => stored) }));
    const vectors = new Float32Array(files.flatMap((f) => f.vectors.flatMap((v) => [...v])));
    await writeFile(join(dir, 'gen-1', 'vectors.f32'), new Uint8Array(vectors.buffer));
    await rm(join(dir, 'gen-1', 'segments.json'));
    await rm(join(dir, 'segments'), { recursive: true });
    // Its postings in the generation's own lexical.bin, before lexical parts.
    await writeFile(join(dir, 'gen-1', 'lexical.bin'), Buffer.concat(postingsChunks(buildPostings(files.flatMap((f) => f.passages)))));
    await rm(join(dir, 'gen-1', 'lexical-parts.json'));
    await rm(join(dir, 'lexical'), { recursive: true });

    const older = await openHnswStore(dir);
    expect(await older.lexicalSearch(etsy, 10)).toEqual(expected.lexical);
    expect(await older.vectorSearch(seeds[2]!.vectors[3]!, 10)).toEqual(expected.vector);
    expect(await older.passages(expected.lexical.map((h) => h.id))).toHaveLength(expected.lexical.length);
    await older.apply({ embedder: TEST_EMBEDDER, upsert: [], remove: [seeds[4]!.file] });
    expect(await segmentsOf(dir, 'gen-2')).toHaveLength(seeds.length - 1);
    expect(existsSync(join(dir, 'gen-2', 'passages.json'))).toBe(false);
    const reopened = await openHnswStore(dir);
    expect(await reopened.lexicalSearch(etsy, 10)).toEqual(await older.lexicalSearch(etsy, 10));
    expect((await reopened.manifest())!.counts.files).toBe(seeds.length - 1);
    await Promise.all([older.close(), reopened.close()]);
  });
});

describe('lexical parts: a base shared by generations, and a delta of the files changed since', () => {
  const QUERIES = ['Etsy post-mortem', 'deploiements chez Etsy', 'what did DataDog say', 'zorblax observability', 'how do teams monitor their services in production?'];
  const partsOf = async (dir: string) => JSON.parse(await readFile(join(dir, (await generations(dir)).at(-1)!, 'lexical-parts.json'), 'utf8')) as string[];

  test('each change searches and counts as an index built from scratch, in the writer and in a reader following it', async () => {
    const dir = freshDir();
    const writer = await openHnswStore(dir);
    let files = writerVariant(8, 0);
    await writer.apply({ embedder: TEST_EMBEDDER, upsert: files, remove: [] });
    const reader = await openHnswStore(dir);
    const [firstBase] = await partsOf(dir);
    const seen = { deltaOverBase: 0, newBase: 0 };
    for (let step = 0; step < 6; step++) {
      const previousBase = (await partsOf(dir))[0];
      const target = files[step * 6 + 1]!;
      if (step === 3) {
        await writer.apply({ embedder: TEST_EMBEDDER, upsert: [], remove: [target.file] });
        files = files.filter((f) => f.file !== target.file);
      } else {
        const text = seedTexts().find((t) => target.file.endsWith(t.file))!.text;
        const edited = indexText(target.file, `${text}\n\nA zorblax note on observability, step ${step}.\n`);
        await writer.apply({ embedder: TEST_EMBEDDER, upsert: [edited], remove: [] });
        files = files.map((f) => (f.file === edited.file ? edited : f));
      }
      const parts = await partsOf(dir);
      if (parts.length === 2 && parts[0] === previousBase) seen.deltaOverBase++;
      if (parts.length === 1 && parts[0] !== previousBase) seen.newBase++;

      const fresh = await openHnswStore(freshDir());
      await fresh.apply({ embedder: TEST_EMBEDDER, upsert: files, remove: [] });
      for (const query of QUERIES) {
        const expected = await fresh.lexicalSearch(query, 20);
        expect(await writer.lexicalSearch(query, 20), `step ${step}: ${query}`).toEqual(expected);
        expect(await reader.lexicalSearch(query, 20), `step ${step}, reader: ${query}`).toEqual(expected);
        const terms = analyze(query);
        expect(await writer.documentFrequency(terms), `step ${step}: ${query}`).toBe(await fresh.documentFrequency(terms));
        expect(await reader.documentFrequency(terms), `step ${step}, reader: ${query}`).toBe(await fresh.documentFrequency(terms));
      }
      await fresh.close();
    }
    // Both ways of writing a change were taken, and only the kept generations' parts stay.
    expect(seen.deltaOverBase).toBeGreaterThan(0);
    expect(seen.newBase).toBeGreaterThan(0);
    expect((await partsOf(dir))[0]).not.toBe(firstBase);
    const kept = new Set((await Promise.all((await generations(dir)).map((g) => readFile(join(dir, g, 'lexical-parts.json'), 'utf8')))).flatMap((json) => JSON.parse(json) as string[]));
    expect(new Set(await readdir(join(dir, 'lexical')))).toEqual(kept);
    await Promise.all([writer.close(), reader.close()]);
  });
});

describe('the HNSW graph across generations', () => {
  const labelsOf = async (dir: string) => (await readFile(join(dir, (await generations(dir)).at(-1)!, 'hnsw-labels.i32'))).byteLength / 4;

  test('a changed file updates the previous graph in place; past the deleted share it is built again', async () => {
    const dir = freshDir();
    const store = await openHnswStore(dir, { annMinPassages: 0 });
    const first = writerVariant(12, 0);
    await store.apply({ embedder: TEST_EMBEDDER, upsert: first, remove: [] });
    const count = first.reduce((n, f) => n + f.passages.length, 0);
    expect(await labelsOf(dir)).toBe(count);

    // One file again with every passage moved (new ids, new vectors): its old points are deleted, the new added.
    const changed = writerVariant(1, 3).find((f) => f.file === first[2]!.file)!;
    await store.apply({ embedder: TEST_EMBEDDER, upsert: [changed], remove: [] });
    expect(await labelsOf(dir)).toBe(count + changed.passages.length);
    const now = [...first.filter((f) => f.file !== changed.file), changed].sort((a, b) => (a.file < b.file ? -1 : 1));
    const oldIds = new Set(first[2]!.passages.map((p) => p.id));
    // Each seed is copied 12 times (equal vectors): the new passage is among its 12 equals.
    for (let i = 0; i < changed.passages.length; i += 3) {
      const hits = await store.vectorSearch(changed.vectors[i]!, 20);
      expect(hits.map((h) => h.id)).toContain(changed.passages[i]!.id);
      expect(hits.filter((h) => oldIds.has(h.id))).toEqual([]);
    }
    const vectors = now.flatMap((f) => f.vectors);
    const { recall } = await recallAgainstExact(store, vectors, mixedQueries(vectors));
    expect(recall).toBeGreaterThanOrEqual(0.95);

    // A third of the files removed: more deleted slots than the graph keeps, so it is built from the passages.
    const removed = now.filter((_, i) => i % 3 === 0).map((f) => f.file);
    await store.apply({ embedder: TEST_EMBEDDER, upsert: [], remove: removed });
    const left = now.filter((f) => !removed.includes(f.file));
    expect(await labelsOf(dir)).toBe(left.reduce((n, f) => n + f.passages.length, 0));
    const reopened = await openHnswStore(dir);
    const [hit] = await reopened.vectorSearch(left[4]!.vectors[2]!, 1);
    expect((await reopened.passages([hit!.id]))[0]!.text).toBe(left[4]!.passages[2]!.text);
    expect(hit!.score).toBeCloseTo(1, 4);
    await Promise.all([store.close(), reopened.close()]);
  });
});

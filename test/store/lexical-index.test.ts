// The embedded store's postings: a generation's postings brought forward from the previous one search
// exactly like postings built from scratch, they survive their bytes, and broken bytes are refused.
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openHnswStore } from '../../src/index/hnsw-store.js';
import { buildPostings, inOrder, lexicalIndex, mergePostings, postingsChunks, readPostings } from '../../src/index/lexical-index.js';
import { analyze } from '../../src/text/analyze.js';
import type { Passage } from '../../src/types.js';
import { indexText, seedFiles, seedTexts, TEST_EMBEDDER } from './fixtures.js';
import { miniSearchReference } from './minisearch-reference.js';

const QUERIES = ['Etsy post-mortem', 'deploiements chez Etsy', 'what did DataDog say', 'observability observability tracing', 'zorblax shadowtraffic', 'how do teams monitor their services in production?'];
const root = await mkdtemp(join(tmpdir(), 'confnotes-lexical-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const ids = (passages: ReadonlyArray<Passage>) => passages.map((p) => p.id);

describe('lexical postings', () => {
  const before = seedFiles().flatMap((f) => f.passages);
  // One file changed (a new word, every passage moved) and one removed, as a sync would apply them.
  const [first, second, ...rest] = seedTexts();
  const edited = indexText(first!.file, `Added on top.\n\n${first!.text}\n\nA zorblax note on shadowtraffic.\n`);
  const after = [...edited.passages, ...rest.flatMap((t) => indexText(t.file, t.text).passages)];

  it('brought forward from the previous generation, searches exactly as built from scratch', () => {
    const changed = new Set([first!.file, second!.file]);
    const positionOf = new Map(after.map((p, doc) => [p.id, doc] as const));
    const newDocOf = Int32Array.from(before, (p) => (changed.has(p.file) ? -1 : (positionOf.get(p.id) ?? -1)));
    const added = after.flatMap((passage, doc) => (passage.file === first!.file ? [{ doc, passage }] : []));
    const updated = lexicalIndex([inOrder(mergePostings([{ postings: buildPostings(before), newDocOf }], after.length, added))], ids(after));
    const fresh = lexicalIndex([inOrder(buildPostings(after))], ids(after));
    const reference = miniSearchReference(after);
    for (const query of QUERIES) {
      const hits = updated.search(query, 20);
      expect(hits.length, query).toBeGreaterThan(0);
      expect(hits, query).toEqual(fresh.search(query, 20));
      expect(hits.map((h) => h.id), query).toEqual(reference.search(query, 20).map((h) => h.id));
      const terms = analyze(query);
      expect(updated.documentFrequency(terms), query).toBe(fresh.documentFrequency(terms));
    }
    expect(updated.search('zorblax', 5)[0]?.id).toMatch(new RegExp(`^${first!.file}`));
  });

  it('reads back what it wrote, and refuses bytes it did not', () => {
    const postings = buildPostings(before);
    const bytes = Buffer.concat(postingsChunks(postings, new TextEncoder().encode('["what the caller keeps"]')));
    const read = readPostings(bytes);
    expect(read.postings).toEqual(postings);
    expect(new TextDecoder().decode(read.extra)).toBe('["what the caller keeps"]');
    expect(() => readPostings(bytes.subarray(0, bytes.byteLength - 3))).toThrow(/size does not match/);
    const foreign = bytes.slice();
    foreign[0] ^= 0xff;
    expect(() => readPostings(foreign)).toThrow(/not a version 2 index/);
  });

  it('a generation written with MiniSearch (lexical.json) still opens and searches', async () => {
    const dir = join(root, 'older');
    const store = await openHnswStore(dir);
    await store.apply({ embedder: TEST_EMBEDDER, upsert: seedFiles(), remove: [] });
    const expected = await store.lexicalSearch('Etsy post-mortem', 10);
    await store.close();
    const [generation] = (await readdir(dir)).filter((n) => n.startsWith('gen-'));
    rmSync(join(dir, generation!, 'lexical-parts.json'));
    writeFileSync(join(dir, generation!, 'lexical.json'), '{}');
    const older = await openHnswStore(dir);
    expect(await older.lexicalSearch('Etsy post-mortem', 10)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    await older.close();
    // Without either file the generation is broken, and said so.
    const broken = join(root, 'broken');
    cpSync(dir, broken, { recursive: true });
    rmSync(join(broken, generation!, 'lexical.json'));
    expect(existsSync(join(broken, generation!, 'lexical-parts.json'))).toBe(false);
    await expect(openHnswStore(broken)).rejects.toThrow();
  });
});

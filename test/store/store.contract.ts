// What every Store must do, whatever is behind it: the same passages in give the same hits out.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isConfnotesError } from '../../src/errors.js';
import { mergeFiles } from '../../src/index/generation-content.js';
import type { IndexedFile, Store, StoreChange } from '../../src/index/store.js';
import { analysePassage } from '../../src/index/bm25.js';
import { analyze } from '../../src/text/analyze.js';
import { TEST_EMBEDDER, indexText, seedFiles, seedTexts } from './fixtures.js';
import { miniSearchReference } from './minisearch-reference.js';

/** Opens a store over empty storage; the suite closes it. */
export type StoreFactory = () => Promise<Store>;

export async function expectRejectedWith(promise: Promise<unknown>, code: string, message?: RegExp): Promise<Error> {
  const error = await promise.then(
    () => expect.fail(`expected ${code}, got success`),
    (e: unknown) => e,
  );
  expect(isConfnotesError(error) ? error.code : error).toBe(code);
  if (message) expect((error as Error).message).toMatch(message);
  return error as Error;
}

const upsert = (files: IndexedFile[], extra: Partial<StoreChange> = {}): StoreChange => ({
  embedder: TEST_EMBEDDER,
  upsert: files,
  remove: [],
  ...extra,
});

const ETSY_FILE = '001_34568cbb42ee90fe.txt';
const SCALECONF_FILE = '002_229ae74f5be487c1.txt';

/** The Scaleconf notes with two lines added on top (every passage moves) and one new word in a passage. */
function editedScaleconf(): IndexedFile {
  const { text } = seedTexts().find((s) => s.file === SCALECONF_FILE)!;
  const edited = `Edited after the conference.\n\n${text.replace('Shadowtraffic', 'Shadowtraffic (zorblax)')}`;
  return indexText(SCALECONF_FILE, edited);
}

/** Real questions of every kind: names, topics, French, filler words, repeated stems, a word no note uses. */
const RANKING_QUERIES = [
  'Etsy post-mortem',
  'deploiements chez Etsy',
  'What did Pinterest say about the migration?',
  'Sarah Dapul-Weberman',
  'what did DataDog say',
  'how do teams monitor and alert on their services in production?',
  'deploy deployments déploiement',
  'Scaleconf database scaling',
  'zorblax',
];
/** Words and groups of words as answers' term weights probe them (a word with its translations). */
const FREQUENCY_PROBES = ['deployment', 'the', 'etsy', 'migrations', 'équipe', 'constructor', 'zorblax', 'post-mortem postmortem', 'deploy déploiement Etsy', ''];

/** Brute force: passages holding one of the terms in any field, counted one by one. */
function countHolders(passages: ReadonlyArray<IndexedFile['passages'][number]>, terms: string[]): number {
  return passages.filter((p) => terms.some((t) => Object.hasOwn(analysePassage(p).freqs, t))).length;
}

/** MiniSearch over the same files, in the embedded store's generation order: the ranking both stores keep. */
function referenceIndex(change: StoreChange, live: IndexedFile[] = []) {
  return miniSearchReference(mergeFiles(live, change, change.upsert).flatMap((f) => f.passages));
}

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`${name}: Store contract`, () => {
    let store: Store;
    const seeds = seedFiles();
    const allPassages = seeds.flatMap((f) => f.passages);

    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    test('an empty store has no manifest and finds nothing', async () => {
      expect(await store.manifest()).toBeNull();
      expect(await store.vectorSearch(seeds[0]!.vectors[0]!, 5)).toEqual([]);
      expect(await store.lexicalSearch('Etsy post-mortem', 5)).toEqual([]);
      expect(await store.passages(['nope:1-2'])).toEqual([]);
      expect(await store.talks()).toEqual([]);
    });

    test('apply records every file, talk and passage in the manifest', async () => {
      await store.apply(upsert(seeds));
      const manifest = (await store.manifest())!;
      expect(manifest.embedder).toEqual(TEST_EMBEDDER);
      expect(manifest.counts).toEqual({
        files: seeds.length,
        talks: seeds.reduce((n, f) => n + f.talks.length, 0),
        passages: allPassages.length,
      });
      for (const file of seeds) {
        expect(manifest.files[file.file]).toEqual({
          hash: file.hash,
          encoding: file.encoding,
          conference: file.conference,
          talks: file.talks.length,
          passages: file.passages.length,
        });
      }
      expect(Date.parse(manifest.createdAt)).not.toBeNaN();
      expect(Date.parse(manifest.updatedAt)).toBeGreaterThanOrEqual(Date.parse(manifest.createdAt));
    });

    test('passages come back exactly as stored, in the order asked, unknown ids skipped', async () => {
      await store.apply(upsert(seeds));
      const wanted = [allPassages[40]!, allPassages[3]!, allPassages.at(-1)!];
      const got = await store.passages([wanted[0]!.id, 'missing:1-1', wanted[1]!.id, wanted[2]!.id]);
      expect(got).toEqual(wanted);
    });

    test("a passage's own vector finds that passage first", async () => {
      await store.apply(upsert(seeds));
      for (const file of seeds) {
        for (let i = 0; i < file.passages.length; i += 7) {
          const hits = await store.vectorSearch(file.vectors[i]!, 5);
          expect(hits).toHaveLength(5);
          expect(hits[0]!.id).toBe(file.passages[i]!.id);
          expect(hits[0]!.score).toBeCloseTo(1, 4);
          for (let h = 1; h < hits.length; h++) expect(hits[h]!.score).toBeLessThanOrEqual(hits[h - 1]!.score);
        }
      }
    });

    test('equal vector scores are ordered by passage id, whatever order the index holds them in', async () => {
      // The same note under two names (a re-encoded copy) gives equal vectors: every store must rank them alike.
      const { text } = seedTexts()[1]!;
      const copies = [indexText('zz/copy.txt', text), indexText('aa/copy.txt', text)];
      await store.apply(upsert([...seeds, ...copies]));
      for (let i = 0; i < copies[0]!.passages.length; i += 3) {
        const hits = await store.vectorSearch(copies[0]!.vectors[i]!, 3);
        const tied = hits.filter((h) => h.score === hits[0]!.score).map((h) => h.id);
        expect(tied.length).toBeGreaterThanOrEqual(2);
        expect(tied).toEqual([...tied].sort());
      }
    });

    test('lexical search finds the Etsy post-mortem passages', async () => {
      await store.apply(upsert(seeds));
      const hits = await store.lexicalSearch('Etsy post-mortem', 5);
      expect(hits.length).toBeGreaterThan(0);
      const found = await store.passages(hits.map((h) => h.id));
      expect(found[0]!.file).toBe(ETSY_FILE);
      expect(found[0]!.text).toMatch(/post-mortem/i);
      expect(found.every((p) => /etsy/i.test(p.text + p.talk))).toBe(true);
      for (let h = 1; h < hits.length; h++) expect(hits[h]!.score).toBeLessThanOrEqual(hits[h - 1]!.score);
    });

    test('lexical search takes search terms as they are: those of a text rank as the text, and a stem analysis would cut otherwise is found', async () => {
      await store.apply(upsert(seeds));
      expect(await store.lexicalSearch(analyze('Etsy post-mortem'), 5)).toEqual(await store.lexicalSearch('Etsy post-mortem', 5));
      // "databases" is searched as "databas", which analysed again as text becomes other terms.
      const [stem] = analyze('databases');
      expect(analyze(stem!)).not.toContain(stem);
      const found = await store.passages((await store.lexicalSearch([stem!], 3)).map((h) => h.id));
      expect(found.length).toBeGreaterThan(0);
      for (const passage of found) expect(analyze(passage.text)).toContain(stem);
    });

    test('accents and French stems meet: "déploiement" finds the deployment passages of the French notes', async () => {
      await store.apply(upsert(seeds));
      const found = await store.passages((await store.lexicalSearch('deploiements chez Etsy', 3)).map((h) => h.id));
      expect(found[0]!.text).toMatch(/déploiement/i);
    });

    test('a question naming a company or a speaker ranks their talk first', async () => {
      await store.apply(upsert(seeds));
      for (const question of ['What did Pinterest say about the migration?', 'Sarah Dapul-Weberman']) {
        const [top] = await store.passages((await store.lexicalSearch(question, 3)).map((h) => h.id));
        expect(top!.talk, question).toBe('Automating Migrations at Scale');
      }
      const [datadog] = await store.passages((await store.lexicalSearch('what did DataDog say', 3)).map((h) => h.id));
      expect(datadog!.talk).toBe('100% Observability');
    });

    test('lexical search ranks like the embedded BM25 index, before and after a change and a removal', async () => {
      // A pasted paragraph too: more distinct terms than a 64-bit word counts.
      const paragraph = seedTexts()[0]!.text.slice(0, 2000);
      expect(new Set(analyze(paragraph)).size).toBeGreaterThan(64);
      let live: IndexedFile[] = [];
      for (const change of [upsert(seeds), upsert([editedScaleconf()]), upsert([], { remove: [ETSY_FILE] })]) {
        await store.apply(change);
        const reference = referenceIndex(change, live);
        live = mergeFiles(live, change, change.upsert);
        for (const question of [...RANKING_QUERIES, paragraph]) {
          const hits = await store.lexicalSearch(question, 10);
          const expected = reference.search(question, 10);
          expect(hits.map((h) => h.id), question).toEqual(expected.map((h) => h.id));
          hits.forEach((h, i) => expect(h.score, question).toBeCloseTo(expected[i]!.score, 9));
        }
      }
    });

    test('passages tied with the k-th, however many, are ranked by file then position as the embedded index ranks them', async () => {
      // Sixteen copies of one note: each of its passages ties with fifteen others, more than a store may fetch past k.
      const { text } = seedTexts()[1]!;
      const copies = Array.from({ length: 15 }, (_, i) => indexText(`copies/${String(i).padStart(2, '0')}.txt`, text));
      const change = upsert([...seeds, ...copies]);
      await store.apply(change);
      const reference = referenceIndex(change);
      for (const question of [copies[0]!.passages[0]!.talk, ...RANKING_QUERIES]) {
        const hits = await store.lexicalSearch(question, 3);
        expect(hits.map((h) => h.id), question).toEqual(reference.search(question, 3).map((h) => h.id));
      }
    });

    test('documentFrequency counts exactly the passages holding any of the terms, before and after a change', async () => {
      expect(await store.documentFrequency(['etsy'])).toBe(0);
      let live: IndexedFile[] = [];
      for (const change of [upsert(seeds), upsert([editedScaleconf()]), { ...upsert([]), remove: [ETSY_FILE] }]) {
        await store.apply(change);
        live = mergeFiles(live, change, change.upsert);
        const passages = live.flatMap((f) => f.passages);
        for (const probe of FREQUENCY_PROBES) {
          const terms = analyze(probe);
          expect(await store.documentFrequency(terms), probe).toBe(countHolders(passages, terms));
        }
      }
      expect(countHolders(allPassages, analyze('etsy'))).toBeGreaterThan(3);
    });

    test('termsBeginning lists the terms a beginning starts, the most passages first, as they change', async () => {
      expect(await store.termsBeginning('deplo', 5)).toEqual([]);
      let live: IndexedFile[] = [];
      for (const change of [upsert(seeds), upsert([editedScaleconf()]), { ...upsert([]), remove: [ETSY_FILE] }]) {
        await store.apply(change);
        live = mergeFiles(live, change, change.upsert);
        const passages = live.flatMap((f) => f.passages);
        const vocabulary = new Set(passages.flatMap((p) => Object.keys(analysePassage(p).freqs)));
        for (const beginning of ['deplo', 'zorb', 'post', 'etsy', 'qqqq']) {
          const expected = [...vocabulary]
            .filter((term) => term.length > beginning.length && term.startsWith(beginning))
            .map((term) => ({ term, holders: countHolders(passages, [term]) }))
            .sort((a, b) => b.holders - a.holders || (a.term < b.term ? -1 : 1))
            .slice(0, 3)
            .map(({ term }) => term);
          expect(await store.termsBeginning(beginning, 3), beginning).toEqual(expected);
        }
      }
      // The probes find something: the seeds use several terms beginning "deplo", and the edit adds "zorblax".
      expect((await store.termsBeginning('deplo', 3)).length).toBeGreaterThan(1);
      expect(await store.termsBeginning('zorb', 3)).toEqual(['zorblax']);
      expect(await store.termsBeginning('etsy', 3)).toEqual([]);
    });

    test('re-applying a changed file replaces all of its passages and nothing else', async () => {
      await store.apply(upsert(seeds));
      const before = seeds.find((f) => f.file === SCALECONF_FILE)!;
      const after = editedScaleconf();
      await store.apply(upsert([after]));

      const oldIds = before.passages.map((p) => p.id).filter((id) => !after.passages.some((p) => p.id === id));
      expect(oldIds.length).toBe(before.passages.length);
      expect(await store.passages(oldIds)).toEqual([]);
      expect(await store.passages(after.passages.map((p) => p.id))).toEqual(after.passages);

      const [zorblax] = await store.lexicalSearch('zorblax', 5);
      expect(zorblax!.id).toBe(after.passages.find((p) => p.text.includes('zorblax'))!.id);
      expect((await store.vectorSearch(after.vectors[0]!, 1))[0]!.id).toBe(after.passages[0]!.id);

      const manifest = (await store.manifest())!;
      expect(manifest.files[SCALECONF_FILE]!.hash).toBe(after.hash);
      expect(manifest.counts.files).toBe(seeds.length);
      const etsy = seeds.find((f) => f.file === ETSY_FILE)!;
      expect((await store.vectorSearch(etsy.vectors[2]!, 1))[0]!.id).toBe(etsy.passages[2]!.id);
      const talks = await store.talks();
      expect(talks.filter((t) => t.file === SCALECONF_FILE)).toEqual(after.talks);
    });

    test('removing a file removes its talks and passages', async () => {
      await store.apply(upsert(seeds));
      await store.apply({ embedder: TEST_EMBEDDER, upsert: [], remove: [ETSY_FILE] });
      const manifest = (await store.manifest())!;
      expect(manifest.files[ETSY_FILE]).toBeUndefined();
      expect(manifest.counts.files).toBe(seeds.length - 1);
      expect((await store.talks()).some((t) => t.file === ETSY_FILE)).toBe(false);
      const etsy = seeds.find((f) => f.file === ETSY_FILE)!;
      expect(await store.passages(etsy.passages.map((p) => p.id))).toEqual([]);
      const hits = await store.lexicalSearch('Etsy post-mortem', 10);
      expect(hits.some((h) => h.id.startsWith(ETSY_FILE))).toBe(false);
      expect((await store.vectorSearch(etsy.vectors[0]!, 3)).some((h) => h.id.startsWith(ETSY_FILE))).toBe(false);
    });

    test('a change embedded with another model is refused; a rebuild replaces everything', async () => {
      await store.apply(upsert(seeds));
      const other = { id: 'another-model', dimensions: TEST_EMBEDDER.dimensions };
      await expectRejectedWith(
        store.apply({ embedder: other, upsert: [], remove: [ETSY_FILE] }),
        'INDEX_MODEL_MISMATCH',
        /built with model test-bag-of-words-256.*another-model/,
      );
      await expectRejectedWith(
        store.apply({ embedder: { ...TEST_EMBEDDER, dimensions: 3 }, upsert: [], remove: [] }),
        'INDEX_MODEL_MISMATCH',
      );
      expect((await store.manifest())!.counts.files).toBe(seeds.length);

      const small = { id: 'small-model', dimensions: 3 };
      const etsy = seeds.find((f) => f.file === ETSY_FILE)!;
      const vectors = etsy.passages.map((_, i) => Float32Array.from([Math.cos(i), Math.sin(i), 0]));
      await store.apply({ embedder: small, upsert: [{ ...etsy, vectors }], remove: [], rebuild: true });
      const manifest = (await store.manifest())!;
      expect(manifest.embedder).toEqual(small);
      expect(Object.keys(manifest.files)).toEqual([ETSY_FILE]);
      expect((await store.vectorSearch(vectors[4]!, 1))[0]!.id).toBe(etsy.passages[4]!.id);
    });

    test('vectors that do not match their passages are a caller bug', async () => {
      const [first] = seeds;
      await expect(store.apply(upsert([{ ...first!, vectors: first!.vectors.slice(1) }]))).rejects.toThrow(/vectors/);
      expect(await store.manifest()).toBeNull();
    });

    test('passagesOf gives every passage of the files asked, each file in document order', async () => {
      await store.apply(upsert(seeds));
      const asked = [SCALECONF_FILE, ETSY_FILE, 'missing.md'];
      const got = await store.passagesOf(asked);
      const expected = seeds.filter((f) => asked.includes(f.file)).flatMap((f) => f.passages);
      expect(got).toEqual(expected);
      expect(await store.passagesOf([])).toEqual([]);
    });

    test('talks() lists every talk, the empty ones included', async () => {
      await store.apply(upsert(seeds));
      const talks = await store.talks();
      expect(talks).toHaveLength(seeds.reduce((n, f) => n + f.talks.length, 0));
      expect([...talks].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        seeds.flatMap((f) => f.talks).sort((a, b) => a.id.localeCompare(b.id)),
      );
      const kiwi = talks.find((t) => t.talk === "Scaling for growth - a Kiwi startup's story")!;
      expect(kiwi).toMatchObject({ empty: true, speakers: ['Andrew Schofield'], companies: ['Timely'], date: '2017' });
    });
  });
}

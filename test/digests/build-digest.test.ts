// Digests of the real seed notes, through the real parser, index and default model: a digest is built
// from the index's stored talks and passages, so the notes are indexed first.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openKnowledgeBase } from '../../src/app.js';
import { digestCommand } from '../../src/cli/digest.js';
import { loadConfig } from '../../src/config.js';
import { digestFromIndex, parseNotesFolder } from '../../src/digests/build-digest.js';
import { formatDigestText } from '../../src/digests/format-digest-text.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import type { Digest } from '../../src/types.js';
import { testModelsDir } from '../helpers/model.js';
import { createTestDatabase, needsServer, serverUrl } from '../store/test-database.js';

const seedsDir = resolve('data/notes');
const maxFileBytes = 5 * 1024 * 1024;
let root: string;
const opened = new Map<string, Promise<KnowledgeBase>>();

/** A notes folder indexed (once per folder and store) into a fresh index: the embedded one, or a database. */
function indexed(notesDir: string, databaseUrl?: string): Promise<KnowledgeBase> {
  const key = `${notesDir}\n${databaseUrl ?? ''}`;
  if (!opened.has(key)) {
    const settings = { CONFNOTES_NOTES_DIR: notesDir, CONFNOTES_INDEX_DIR: join(root, `index-${opened.size}`), CONFNOTES_MODELS_DIR: testModelsDir() };
    opened.set(key, openKnowledgeBase(loadConfig({ ...settings, CONFNOTES_DATABASE_URL: databaseUrl }, {})));
  }
  return opened.get(key)!;
}

const digestOfConference = async (query: string, options: { notesDir: string; cwd?: string; databaseUrl?: string }): Promise<Digest> => {
  const kb = await indexed(options.notesDir, options.databaseUrl);
  return digestFromIndex(query, kb.store, kb.embedder, options);
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'confnotes-digest-index-'));
});
afterAll(async () => {
  for (const kb of opened.values()) await (await kb).close();
  await rm(root, { recursive: true, force: true });
});

const seeds = await parseNotesFolder(seedsDir, maxFileBytes);

describe.each(seeds.map(({ source, note }) => [note.file, source.text, note] as const))('digest of %s', (file, text, note) => {
  let digest: Digest;
  beforeAll(async () => {
    digest = await digestOfConference(file, { notesDir: seedsDir, cwd: seedsDir });
  });

  it('lists every talk the parser found, those with notes and those without', () => {
    expect(digest.files).toEqual([file]);
    expect(digest.talks.map((t) => t.talk)).toEqual(note.talks.map((t) => t.talk));
    expect(digest.talks.filter((t) => !t.empty)).toHaveLength(note.talks.filter((t) => !t.empty).length);
    for (const t of digest.talks.filter((d) => d.empty)) expect(t.highlights).toEqual([]);
  });

  it('quotes 1 to 3 highlights per talk with notes, verbatim at their lines, in document order', () => {
    const lines = text.split('\n');
    for (const talk of digest.talks.filter((t) => !t.empty)) {
      expect(talk.highlights.length, talk.talk).toBeGreaterThanOrEqual(1);
      expect(talk.highlights.length, talk.talk).toBeLessThanOrEqual(3);
      for (const { quote, lines: [start, end] } of talk.highlights) {
        expect(start).toBeGreaterThanOrEqual(talk.lines[0]);
        expect(end).toBeLessThanOrEqual(talk.lines[1]);
        expect(lines.slice(start - 1, end).join('\n')).toContain(quote);
        expect(lines[start - 1]).toContain(quote.split('\n')[0]);
      }
      const starts = talk.highlights.map((h) => h.lines[0]);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it('quotes sentences, not headings, bare links or fragments', () => {
    for (const { quote } of digest.talks.flatMap((t) => t.highlights)) {
      expect(quote).not.toMatch(/^#/);
      expect(quote.match(/[\p{L}\p{N}]+/gu)!.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('figures', () => {
  it('reports talks and highlights per seed', async () => {
    const rows = [];
    for (const { note } of seeds) {
      const digest = await digestOfConference(note.file, { notesDir: seedsDir, cwd: seedsDir });
      const withNotes = digest.talks.filter((t) => !t.empty);
      rows.push({ file: note.file, conference: digest.conference, talks: digest.talks.length, withNotes: withNotes.length, highlights: withNotes.reduce((n, t) => n + t.highlights.length, 0) });
    }
    console.table(rows);
    expect(rows).toHaveLength(seeds.length);
  });
});

describe('finding the conference', () => {
  it('takes a full name, a partial name or a file path', async () => {
    const full = await digestOfConference('QCon London 2014', { notesDir: seedsDir });
    const partial = await digestOfConference('qcon', { notesDir: seedsDir });
    const byPath = await digestOfConference('data/notes/001_34568cbb42ee90fe.txt', { notesDir: seedsDir, cwd: resolve('.') });
    expect(partial).toEqual(full);
    expect(byPath).toEqual(full);
    expect(full.conference).toBe('QCon London 2014');
  });

  it('names close matches when nothing matches', async () => {
    const attempt = digestOfConference('QCon Londres 2015', { notesDir: seedsDir });
    await expect(attempt).rejects.toMatchObject({ code: 'CONFERENCE_NOT_FOUND', detail: expect.stringContaining('"QCon London 2014"') });
  });
});

describe('a conference written over several files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'confnotes-digest-'));
    await writeFile(
      join(dir, 'qcon-day-2.md'),
      '---\ntitle: QCon London 2014, day Two\n---\n\n## Microservices at Gilt\n\nGilt split its Rails monolith into hundreds of small Scala services over three years.\nEach team owns its services end to end, from the code to the pager.\n',
    );
    await writeFile(
      join(dir, 'qcon-day-1.md'),
      '---\ntitle: QCon London 2014, day One\n---\n\n## How outages shaped Etsy\n\nEtsy publishes a blameless post-mortem after every outage in production.\nThe whole company is invited to learn why the site went down.\n\n## Keynote\n',
    );
    await copyFile(join(seedsDir, '004_22da52670a0e8992.txt'), join(dir, 'velocity.txt'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is one digest naming both files, days in order', async () => {
    const digest = await digestOfConference('qcon london 2014', { notesDir: dir });
    expect(digest.conference).toBe('QCon London 2014');
    expect(digest.files).toEqual(['qcon-day-1.md', 'qcon-day-2.md']);
    expect(digest.talks.map((t) => [t.talk, t.file, t.empty])).toEqual([
      ['How outages shaped Etsy', 'qcon-day-1.md', false],
      ['Keynote', 'qcon-day-1.md', true],
      ['Microservices at Gilt', 'qcon-day-2.md', false],
    ]);
    const keynote = digest.talks[1]!;
    expect(formatDigestText(digest)).toContain(`• Keynote  [qcon-day-1.md:${keynote.lines[0]}-${keynote.lines[1]}]\n    (no notes)`);
  });

  it('is what `confnotes digest --json` prints', async () => {
    const config = loadConfig({ CONFNOTES_NOTES_DIR: dir, CONFNOTES_INDEX_DIR: join(root, 'cli-index'), CONFNOTES_MODELS_DIR: testModelsDir() }, {});
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await digestCommand(config, 'QCon London 2014', { json: true });
      const printed = JSON.parse(out.mock.calls.map(([chunk]) => String(chunk)).join('')) as Digest;
      expect(Object.keys(printed).sort()).toEqual(['conference', 'date', 'files', 'talks']);
      expect(Object.keys(printed.talks[0]!).sort()).toEqual(['companies', 'empty', 'file', 'highlights', 'lines', 'speakers', 'talk']);
      expect(printed).toEqual(await digestOfConference('QCon London 2014', { notesDir: dir }));
    } finally {
      out.mockRestore();
    }
    expect(await readFile(join(dir, 'qcon-day-1.md'), 'utf8')).toContain('Etsy');
  });
});

describe.skipIf(!serverUrl)(needsServer('a digest read from PostgreSQL'), () => {
  it('is the digest read from the embedded index, for every seed conference', async () => {
    const database = await createTestDatabase();
    try {
      for (const query of ['QCon London 2014', 'scaleconf', '004_22da52670a0e8992.txt']) {
        const fromDatabase = await digestOfConference(query, { notesDir: seedsDir, cwd: seedsDir, databaseUrl: database.url });
        expect(fromDatabase, query).toEqual(await digestOfConference(query, { notesDir: seedsDir, cwd: seedsDir }));
        expect(fromDatabase.talks.some((t) => t.highlights.length > 0)).toBe(true);
      }
    } finally {
      await (await indexed(seedsDir, database.url)).close();
      opened.delete(`${seedsDir}\n${database.url}`);
      await database.stop();
    }
  });
});

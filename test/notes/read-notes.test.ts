import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfnotesError } from '../../src/errors.js';
import { readNotes } from '../../src/notes/read-notes.js';

describe('readNotes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'confnotes-notes-'));
    const write = (path: string, content: string | Uint8Array): void => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    };
    write('a.md', '# A\n');
    write('2014/qcon/day1.markdown', '## Talk\r\nNotes\r\n');
    write('old.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    write('rye.rst', 'Proofing rye\n------------\n');
    write('rye.adoc', '== Proofing rye\n');
    write('image.png', 'not a note');
    write('.obsidian/cache.md', '# hidden');
    write('node_modules/pkg/README.md', '# dependency');
    write('empty.md', '');
    write('blank.md', '\n  \n');
    write('photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]));
    write('huge.md', 'x'.repeat(2048));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads notes recursively, with relative /-separated paths, sha256 of the bytes and the encoding', async () => {
    const { sources } = await readNotes(dir, { maxFileBytes: 1024 });
    expect(sources.map((s) => s.file)).toEqual(['2014/qcon/day1.markdown', 'a.md', 'old.txt', 'rye.adoc', 'rye.rst']);
    const day1 = sources[0]!;
    expect(day1.text).toBe('## Talk\r\nNotes\r\n');
    expect(day1.hash).toBe(createHash('sha256').update('## Talk\r\nNotes\r\n').digest('hex'));
    expect(sources[2]).toMatchObject({ text: 'Café\n', encoding: 'ISO-8859-1' });
  });

  it('skips empty, binary and oversized files with a one-line reason', async () => {
    const { skipped } = await readNotes(dir, { maxFileBytes: 1024 });
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['blank.md', 'empty.md', 'huge.md', 'photo.md']);
    expect(reasons['empty.md']).toBe('empty file');
    expect(reasons['blank.md']).toMatch(/^empty file/);
    expect(reasons['photo.md']).toMatch(/^binary file/);
    expect(reasons['huge.md']).toMatch(/^over the size limit/);
    for (const reason of Object.values(reasons)) expect(reason).not.toContain('\n');
  });

  it('fails with NOTES_DIR_MISSING for a missing folder', async () => {
    const missing = readNotes(join(dir, 'nope'), { maxFileBytes: 1024 });
    await expect(missing).rejects.toBeInstanceOf(ConfnotesError);
    await expect(missing).rejects.toMatchObject({ code: 'NOTES_DIR_MISSING' });
  });
});

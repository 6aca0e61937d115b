// Indexing through the CLI: incremental runs, bad files, a crash mid-way, another model.
import { appendFileSync, cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/types.js';
import { testModelPath, testModelsDir } from '../helpers/model.js';
import { cliEnv, runCli, SHARED, startCli, tempDir } from '../helpers/cli.js';

const ETSY = 'What did Etsy say about post-mortems?';

/** A notes folder with the sample notes, to be spoiled by a test. */
function sampleNotes(): string {
  const dir = tempDir('notes');
  cpSync('data/notes', dir, { recursive: true });
  return dir;
}

const summaryCounts = (stdout: string): { files: number; talks: number; passages: number } => {
  const m = /Indexed (\d+) files, (\d+) talks, (\d+) passages/.exec(stdout);
  if (!m) throw new Error(`no summary in: ${stdout}`);
  return { files: Number(m[1]), talks: Number(m[2]), passages: Number(m[3]) };
};

describe('confnotes index', () => {
  it('indexes once, then re-embeds only what changed and drops deleted files', async () => {
    const notes = sampleNotes();
    const env = cliEnv(testModelsDir());
    const first = await runCli(['index', notes], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/5 added/);
    const counts = summaryCounts(first.stdout);
    expect(counts.files).toBe(5);

    const again = await runCli(['index', notes], env);
    expect(again.stdout).toMatch(/5 unchanged/);
    expect(summaryCounts(again.stdout)).toEqual(counts);

    writeFileSync(join(notes, 'new.md'), '# DevConf 2024\n\n## Caching at scale\n\nWe cache every page at the edge for sixty seconds and purge on deploy.\n');
    rmSync(join(notes, '004_22da52670a0e8992.txt'));
    const changed = await runCli(['index', notes], env);
    expect(changed.stdout).toMatch(/1 added, 1 removed, 4 unchanged/);
    expect(summaryCounts(changed.stdout).files).toBe(5);
  });

  it('skips bad files with a one-line reason and keeps what was indexed', async () => {
    const notes = sampleNotes();
    const env = cliEnv(testModelsDir(), { CONFNOTES_MAX_FILE_MB: '0.2' });
    const before = summaryCounts((await runCli(['index', notes], env)).stdout);

    writeFileSync(join(notes, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]));
    writeFileSync(join(notes, 'huge.md'), `# Huge\n\n${'word '.repeat(60_000)}\n`);
    writeFileSync(join(notes, 'empty.md'), '');
    writeFileSync(join(notes, 'broken-front-matter.md'), '---\ntitle: [unclosed\n  : :\n---\n\n# BrokenConf 2020\n\n## Talk about queues\n\nQueues absorb bursts of traffic so that workers can keep a steady pace.\n');
    writeFileSync(join(notes, 'latin1.md'), Buffer.from('# Conférence 2019\n\n## Les équipes\n\nLes équipes déploient très souvent, à chaque fusion dans la branche principale.\n', 'latin1'));
    // Quotes nested five thousand deep would keep the reader busy: the note is refused, and the Etsy note's
    // indexed version stays.
    writeFileSync(join(notes, '001_34568cbb42ee90fe.txt'), `# Deep\n\n${'>'.repeat(5000)} deep\n`);
    const result = await runCli(['index', notes], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/skipped binary\.md: .*binary/i);
    expect(result.stdout).toMatch(/skipped huge\.md: .*(size|MB|large)/i);
    expect(result.stdout).toMatch(/skipped empty\.md: .*empty/i);
    expect(result.stdout).toMatch(/warning broken-front-matter\.md: .*front matter/i);
    expect(result.stdout).toMatch(/skipped 001_34568cbb42ee90fe\.txt: line 3 nests 5000 block quotes or list items \(at most 100 are read\)/);
    const after = summaryCounts(result.stdout);
    expect(after.files).toBe(before.files + 2);
    expect(after.passages).toBeGreaterThan(before.passages);

    const answer = JSON.parse((await runCli(['ask', '--json', '--notes', notes, 'équipes déploient fusion branche principale'], env)).stdout) as Answer;
    expect(answer.excerpts[0]!.file).toBe('latin1.md');
    expect(answer.excerpts[0]!.quote).toContain('équipes déploient très souvent');
    const etsy = JSON.parse((await runCli(['ask', '--json', '--notes', notes, ETSY], env)).stdout) as Answer;
    expect(etsy.excerpts[0]!.file).toBe('001_34568cbb42ee90fe.txt');
  });

  it('leaves out a file that only lists the other notes, and drops it once it becomes one', async () => {
    const notes = sampleNotes();
    const env = cliEnv(testModelsDir());
    writeFileSync(join(notes, 'SOURCES.md'), '# Sources\n\nDotScale notes, first edition.\n');
    const before = summaryCounts((await runCli(['index', notes], env)).stdout);
    expect(before.files).toBe(6);

    const rows = readdirSync(notes).filter((f) => f !== 'SOURCES.md').map((f) => `| ${f} | dotScale 2014 |`);
    writeFileSync(join(notes, 'SOURCES.md'), `# Sources\n\n| file | conference |\n|---|---|\n${rows.join('\n')}\n`);
    const result = await runCli(['index', notes], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/skipped SOURCES\.md: lists 5 other notes/);
    expect(result.stdout).toMatch(/1 removed/);
    expect(summaryCounts(result.stdout).files).toBe(5);
  });

  it('refuses an index built with another model, and rebuilds it when asked', async () => {
    const env = cliEnv(testModelsDir());
    const notes = sampleNotes();
    expect((await runCli(['index', notes, '--model', testModelPath('small-int8')], env)).code).toBe(0);
    const refused = await runCli(['ask', '--notes', notes, ETSY], env);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/built with the model .*small-int8.*index --rebuild/);
    const rebuilt = await runCli(['index', notes, '--rebuild'], env);
    expect(rebuilt.code).toBe(0);
    expect((await runCli(['ask', '--notes', notes, ETSY], env)).code).toBe(0);
  });

  it.skipIf(!existsSync(join(SHARED, 'corpus')))('survives SIGKILL mid-way: the index stays loadable and answers (needs ../shared)', async () => {
    const env = cliEnv(testModelsDir());
    const notes = sampleNotes();
    expect((await runCli(['index', notes], env)).code).toBe(0);
    // A much larger change, so that the kill lands while embedding or writing.
    cpSync(join(SHARED, 'corpus'), join(notes, 'corpus'), { recursive: true });
    for (const [round, delayMs] of [300, 900, 1600].entries()) {
      // Every round changes every corpus file, so that each killed run has the whole corpus to redo.
      for (const file of readdirSync(join(notes, 'corpus'), { recursive: true, encoding: 'utf8' })) {
        if (/\.(md|markdown|txt)$/.test(file)) appendFileSync(join(notes, 'corpus', file), `\nround ${round}\n`);
      }
      const child = startCli(['index', notes], env);
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await closed;
      const answer = await runCli(['ask', '--json', '--notes', notes, ETSY], { ...env });
      expect(answer.stderr).toBe('');
      const parsed = JSON.parse(answer.stdout) as Answer;
      expect(parsed.excerpts.some((e) => e.file.endsWith('001_34568cbb42ee90fe.txt'))).toBe(true);
    }
    // The killed runs left a lock behind whose process is gone: the next run takes it over.
    const finished = await runCli(['index', notes], env);
    expect(finished.code).toBe(0);
    const index = env.CONFNOTES_INDEX_DIR!;
    const generations = readdirSync(join(index, readdirSync(index)[0]!)).filter((n) => /^gen-\d+$/.test(n) && statSync(join(index, readdirSync(index)[0]!, n)).isDirectory());
    expect(generations.length).toBeLessThanOrEqual(2);
  });
});

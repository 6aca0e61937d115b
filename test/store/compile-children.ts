// Child processes run plain Node, which cannot load TypeScript on Node 20: compile their entry points
// (and what they import) with the project's own tsc into a temporary folder.
import { execFile } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const repo = new URL('../../', import.meta.url).pathname;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Compiles the given repo files; returns each one's compiled path, in the same order. */
export async function compileChildren(entries: string[]): Promise<{ outDir: string; scripts: string[] }> {
  const outDir = await mkdtemp(join(tmpdir(), 'confnotes-children-'));
  await writeFile(join(outDir, 'package.json'), '{"type":"module"}');
  // Compiled files resolve packages and find the seed notes relative to themselves.
  await symlink(join(repo, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  await symlink(join(repo, 'data'), join(outDir, 'data'), 'dir');
  const args = ['--outDir', outDir, '--rootDir', repo, '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', '--strict', '--skipLibCheck', '--esModuleInterop', '--types', 'node'];
  await promisify(execFile)(process.execPath, [tsc, ...args, ...entries.map((e) => join(repo, e))], { cwd: repo });
  return { outDir, scripts: entries.map((e) => join(outDir, relative(repo, join(repo, e)).replace(/\.ts$/, '.js'))) };
}

// Writes a directory so that readers see either no directory or a complete one:
// files go to a temporary sibling, which is renamed into place once everything is on disk.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive } from '../../src/process-alive.js';

export type DirFiles = Array<[relativePath: string, content: string | Uint8Array]>;

export async function writeDirAtomically(dir: string, files: DirFiles): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  await removeAbandoned(dir);
  const temp = join(parent, `${basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  try {
    for (const [path, content] of files) {
      await mkdir(dirname(join(temp, path)), { recursive: true });
      await writeFile(join(temp, path), content);
    }
    await replace(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

async function replace(temp: string, dir: string): Promise<void> {
  try {
    await rename(temp, dir);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
  // A directory cannot be renamed over a non-empty one: move the old one aside first.
  const old = join(dirname(dir), `${basename(dir)}.old-${process.pid}-${Date.now()}`);
  await rename(dir, old);
  await rename(temp, dir);
  await rm(old, { recursive: true, force: true });
}

/** Removes what killed builds left beside `dir`: siblings named after it whose process is gone. */
async function removeAbandoned(dir: string): Promise<void> {
  const pattern = new RegExp(`^${escapeRegExp(basename(dir))}\\.(?:tmp|old)-(\\d+)-\\d+$`);
  for (const entry of await readdir(dirname(dir))) {
    const pid = Number(pattern.exec(entry)?.[1]);
    if (pid && !isProcessAlive(pid)) await rm(join(dirname(dir), entry), { recursive: true, force: true });
  }
}


function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

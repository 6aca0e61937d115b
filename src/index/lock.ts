// One writer at a time per index directory: `dir/.lock` is created exclusively (`wx`) and names its owner.
// Readers never lock: generations are immutable and CURRENT changes by rename.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfnotesError } from '../errors.js';
import { isProcessAlive } from '../process-alive.js';

interface LockOwner {
  pid: number;
  time: string;
}

export const lockPath = (dir: string): string => join(dir, '.lock');


async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.time === 'string' ? { pid: owner.pid, time: owner.time } : null;
  } catch {
    return null;
  }
}

async function create(path: string): Promise<boolean> {
  try {
    await writeFile(path, JSON.stringify({ pid: process.pid, time: new Date().toISOString() }), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the writer lock of `dir` and returns its release. A lock whose owner process is dead is taken over;
 * a live owner's lock (this process included) is refused with INDEX_LOCKED. A lock file that cannot be read
 * was left half-written by a crash between create and write, so it is treated as stale too.
 */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  const path = lockPath(dir);
  if (!(await create(path))) {
    const owner = await readOwner(path);
    if (owner && isProcessAlive(owner.pid)) {
      throw new ConfnotesError(
        'INDEX_LOCKED',
        `index ${dir} is being written by process ${owner.pid} since ${owner.time} (lock file ${path})`,
      );
    }
    // Two processes taking over the same stale lock at the same instant could both succeed here; the
    // window is a few microseconds after a writer crashed, which is an accepted risk for a CLI tool.
    await rm(path, { force: true });
    if (!(await create(path))) {
      throw new ConfnotesError('INDEX_LOCKED', `index ${dir} was just locked by another writer (lock file ${path})`);
    }
  }
  return () => rm(path, { force: true });
}

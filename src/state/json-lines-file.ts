// An append-only JSON Lines file in the state folder: one self-contained record per line, easy to grep,
// to load in a notebook, or to turn into eval questions later. Used for votes and for gaps.
import { appendFile, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';

export interface JsonLinesFile<T> {
  readonly path: string;
  append(record: T): Promise<void>;
}

/** Whether the file ends in the middle of a line: a process killed mid-write leaves it so. */
async function endsMidLine(path: string): Promise<boolean> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size } = await file.stat();
    if (size === 0) return false;
    const { buffer } = await file.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] !== 0x0a;
  } finally {
    await file.close();
  }
}

export function jsonLinesFile<T>(stateDir: string, name: string): JsonLinesFile<T> {
  const path = join(stateDir, name);
  // Appends are chained so that two at once can never interleave within a line.
  let last: Promise<void> = Promise.resolve();
  let checked = false;
  return {
    path,
    append(record) {
      const line = `${JSON.stringify(record)}\n`;
      const next = last.then(async () => {
        await mkdir(stateDir, { recursive: true });
        // Checked once per process: only an earlier one can have torn the last line, and the first record
        // written after it must not be glued to it and lost with it.
        const after = !checked && (await endsMidLine(path)) ? '\n' : '';
        checked = true;
        await appendFile(path, after + line, 'utf8');
      });
      last = next.catch(() => undefined);
      return next;
    },
  };
}

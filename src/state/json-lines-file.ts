// An append-only JSON Lines file in the state folder: one self-contained record per line, easy to grep,
// to load in a notebook, or to turn into eval questions later. Used for votes and for gaps.
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface JsonLinesFile<T> {
  readonly path: string;
  append(record: T): Promise<void>;
}

export function jsonLinesFile<T>(stateDir: string, name: string): JsonLinesFile<T> {
  const path = join(stateDir, name);
  // Appends are chained so that two at once can never interleave within a line.
  let last: Promise<void> = Promise.resolve();
  return {
    path,
    append(record) {
      const line = `${JSON.stringify(record)}\n`;
      const next = last.then(async () => {
        await mkdir(stateDir, { recursive: true });
        await appendFile(path, line, 'utf8');
      });
      last = next.catch(() => undefined);
      return next;
    },
  };
}

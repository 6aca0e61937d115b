// Writes that survive a crash or a power cut: data flushed before a rename makes it visible, and the
// rename itself flushed with its directory.
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeDurably(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename is durable only once the directory entry itself is flushed. */
export const syncDirectory = syncPath;

/** All at once: the file system commits them together instead of one journal flush after another. */
export async function syncFilesIn(dir: string): Promise<void> {
  await Promise.all((await readdir(dir)).map((name) => syncPath(join(dir, name))));
}

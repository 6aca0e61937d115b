// Writes that survive a crash or a power cut: data flushed before a rename makes it visible, and the
// rename itself flushed with its directory.
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';

/** Files read, written or deleted at once: enough to keep the disk and libuv's four threads busy. */
export const IO_CONCURRENCY = 16;

/** One buffer, or pieces written in turn (no copy into one buffer first). */
export type FileBytes = Uint8Array | ReadonlyArray<Uint8Array>;

export async function writeDurably(path: string, data: string | FileBytes): Promise<void> {
  const handle = await open(path, 'w');
  try {
    // Each writeFile goes on from where the last one stopped.
    for (const piece of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) await handle.writeFile(piece);
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

/**
 * Files named by their content, shared by generations: writes those not already in `folder`, each
 * flushed under a temporary name then renamed, and flushes the folder. Once this resolves, a generation
 * may name them. One that exists is complete (it was renamed into place after its bytes were flushed),
 * and its name says its content.
 */
export async function writeContentNamed(folder: string, files: ReadonlyArray<{ name: string; bytes: FileBytes }>): Promise<void> {
  await mkdir(folder, { recursive: true });
  const missing = files.filter((f) => !existsSync(join(folder, f.name)));
  if (missing.length === 0) return;
  const limit = pLimit(IO_CONCURRENCY);
  await Promise.all(
    missing.map((file) =>
      limit(async () => {
        const temporary = join(folder, `${file.name}.tmp-${process.pid}`);
        await writeDurably(temporary, file.bytes);
        await rename(temporary, join(folder, file.name));
      }),
    ),
  );
  await syncDirectory(folder);
}

/** Deletes what `keep` does not name in `folder`, a dead writer's leftovers included. Only a lock holder may call it. */
export async function pruneFolder(folder: string, keep: ReadonlySet<string>): Promise<void> {
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)));
  const limit = pLimit(IO_CONCURRENCY);
  await Promise.all(names.filter((name) => !keep.has(name)).map((name) => limit(() => rm(join(folder, name), { force: true }))));
}

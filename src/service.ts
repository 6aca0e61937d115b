// What the chat adapters and the CLI call. The adapters depend on this interface only.
import type { Answer, Digest, RankedPassage, Talk } from './types.js';

export interface ConfnotesService {
  /** Validates the question (throws ConfnotesError QUESTION_EMPTY / QUESTION_TOO_LONG), then answers it. */
  ask(question: string, options?: { excerpts?: number }): Promise<Answer>;
  /** The digest of a conference named fully or partly; throws ConfnotesError CONFERENCE_NOT_FOUND. */
  digest(conference: string): Promise<Digest>;
  /** Names of the indexed conferences, for autocomplete and help texts. */
  conferences(): Promise<string[]>;
  close(): Promise<void>;
  // Optional: what the library, LangChain and MCP also read. The chat adapters need none of it,
  // so their test doubles need not implement it; `serviceOver` always does.
  /** The indexed talks of every conference, in index order (the Slack assistant suggests prompts from them). */
  talks?(): Promise<Talk[]>;
  /** The indexed notes files, relative to the notes folder, `/`-separated, sorted. */
  files?(): Promise<string[]>;
  /**
   * The passages answering reads for a question, best first, at most `k` (validates like `ask`);
   * none when the answer abstains, so that a caller never builds on passages the notes do not support.
   */
  passages?(question: string, options?: { k?: number }): Promise<RankedPassage[]>;
}

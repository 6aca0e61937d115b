// What the chat adapters and the CLI call. The adapters depend on this interface only.
import type { Answer, Digest, TalkFields } from './types.js';

export interface ConfnotesService {
  /** Validates the question (throws ConfnotesError QUESTION_EMPTY / QUESTION_TOO_LONG), then answers it. */
  ask(question: string, options?: { excerpts?: number }): Promise<Answer>;
  /** The digest of a conference named fully or partly; throws ConfnotesError CONFERENCE_NOT_FOUND. */
  digest(conference: string): Promise<Digest>;
  /** Names of the indexed conferences, for autocomplete and help texts. */
  conferences(): Promise<string[]>;
  /** The indexed talks (conference, date, title, speakers), for suggestions built from what is indexed. */
  talks?(): Promise<Array<Pick<TalkFields, 'conference' | 'date' | 'talk' | 'speakers'>>>;
  close(): Promise<void>;
}

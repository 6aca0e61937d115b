// What a process holds open to answer: the embedder, the store, and the notes folder kept in sync when
// this machine has it. ConfnotesService (service.ts) is what the chat adapters see of it; digests, the
// watcher and the eval use it directly. Opened by app.ts, the one place that picks implementations.
import type { Embedder } from '../embeddings/embedder.js';
import type { AnswerOptions, AnsweredQuestion } from './answers/answer-question.js';
import type { ProgressReporter } from './cli/progress.js';
import type { Config } from './config.js';
import type { Store } from './index/store.js';
import type { SyncSummary } from './index/sync-index.js';

export interface KnowledgeBase {
  config: Config;
  embedder: Embedder;
  store: Store;
  /**
   * False on a reader: a machine with CONFNOTES_DATABASE_URL and no notes folder, which reads what the
   * writer (`confnotes index` or `watch` where the notes are) stored, and never syncs.
   */
  hasNotes: boolean;
  /** Re-reads the notes folder and applies what changed. */
  sync(options?: { rebuild?: boolean; onProgress?: ProgressReporter }): Promise<SyncSummary>;
  ask(question: string, options?: AnswerOptions): Promise<AnsweredQuestion>;
  conferences(): Promise<string[]>;
  close(): Promise<void>;
}

// Wires the core together from a Config: the embedder, the store, the notes folder kept in sync,
// and the service the CLI and the bots call. The one place that knows which implementations run.
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { createEmbedder } from '../embeddings/create-embedder.js';
import type { Embedder } from '../embeddings/embedder.js';
import { answerQuestion, type AnswerContext, type AnswerOptions, type AnsweredQuestion } from './answers/answer-question.js';
import type { ProgressReporter } from './cli/progress.js';
import type { Config } from './config.js';
import { openStore } from './index/open-store.js';
import type { Store } from './index/store.js';
import { syncIndex, type SyncSummary } from './index/sync-index.js';
import type { ConfnotesService } from './service.js';
import { digestOfConference } from './digests/build-digest.js';

export interface KnowledgeBase {
  config: Config;
  embedder: Embedder;
  store: Store;
  /** Re-reads the notes folder and applies what changed. */
  sync(options?: { rebuild?: boolean; onProgress?: ProgressReporter }): Promise<SyncSummary>;
  ask(question: string, options?: AnswerOptions): Promise<AnsweredQuestion>;
  conferences(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  onProgress?: ProgressReporter;
  /** Sync the notes folder before answering (default true). */
  sync?: boolean;
}

export async function openKnowledgeBase(config: Config, options: OpenOptions = {}): Promise<KnowledgeBase> {
  const embedder = await createEmbedder({
    model: config.model,
    modelsDir: config.modelsDir,
    onProgress: (stage: string, done: number, total: number) => options.onProgress?.(stage, done, total),
  });
  const store = await openStore(config).catch(async (error: unknown) => {
    await embedder.dispose();
    throw error;
  });
  let context: AnswerContext | undefined;
  const refreshContext = async (): Promise<AnswerContext> => {
    const manifest = await store.manifest();
    const talks = await store.talks();
    context = {
      store,
      embedder,
      conferences: [...new Set(talks.map((t) => t.conference))].sort(),
      passageCount: manifest?.counts.passages ?? 0,
      abstainThreshold: config.abstainThreshold,
      talkIds: new Set(talks.map((t) => t.id)),
    };
    return context;
  };
  const kb: KnowledgeBase = {
    config,
    embedder,
    store,
    async sync(syncOptions = {}) {
      const summary = await syncIndex({
        notesDir: config.notesDir,
        store,
        embedder,
        modelName: config.model,
        maxFileBytes: config.maxFileBytes,
        rebuild: syncOptions.rebuild,
        onProgress: (done, total) => syncOptions.onProgress?.('Indexing passages', done, total),
      });
      await refreshContext();
      return summary;
    },
    async ask(question, answerOptions) {
      return answerQuestion(context ?? (await refreshContext()), question, answerOptions);
    },
    async conferences() {
      return (context ?? (await refreshContext())).conferences;
    },
    async close() {
      await store.close();
      await embedder.dispose();
    },
  };
  if (options.sync !== false) {
    try {
      await kb.sync({ onProgress: options.onProgress });
    } catch (error) {
      await kb.close();
      throw error;
    }
  }
  return kb;
}

/**
 * The platform-free service the chat adapters receive, over an open knowledge base.
 * Answering is CPU-bound: with no bound, a burst of 200 questions runs all at once on one event loop,
 * every answer finishes late, and acknowledging new requests waits behind them (npm run bench measured
 * Slack acks at 6 s). Answering a few at a time keeps acks prompt and answers arriving in order.
 */
export function serviceOver(kb: KnowledgeBase, concurrency = availableParallelism()): ConfnotesService {
  const { config } = kb;
  const limit = pLimit(concurrency);
  return {
    ask: (question, askOptions) =>
      limit(async () => (await kb.ask(question, { excerpts: askOptions?.excerpts ?? config.excerpts })).answer),
    digest: (conference) =>
      digestOfConference(conference, { notesDir: config.notesDir, maxFileBytes: config.maxFileBytes, embedder: kb.embedder }),
    conferences: () => kb.conferences(),
    close: () => kb.close(),
  };
}

export async function openService(config: Config, options: OpenOptions = {}): Promise<ConfnotesService> {
  return serviceOver(await openKnowledgeBase(config, options));
}

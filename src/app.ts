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
  /** Re-reads what answering keeps of the index, after another thread or process changed it. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  onProgress?: ProgressReporter;
  /** Sync the notes folder before answering (default true). */
  sync?: boolean;
  /** An embedder already loaded (a worker thread's, over the shared model) instead of loading the configured one. */
  embedder?: Embedder;
}

export async function openKnowledgeBase(config: Config, options: OpenOptions = {}): Promise<KnowledgeBase> {
  const embedder =
    options.embedder ??
    (await createEmbedder({
      model: config.model,
      modelsDir: config.modelsDir,
      onProgress: (stage: string, done: number, total: number) => options.onProgress?.(stage, done, total),
    }));
  const store = await openStore(config).catch(async (error: unknown) => {
    await embedder.dispose();
    throw error;
  });
  /** What answering reads of the index, and the conferences with talks (those a digest can be asked for). */
  let loaded: { context: AnswerContext; withTalks: string[] } | undefined;
  const load = async (): Promise<NonNullable<typeof loaded>> => {
    const manifest = await store.manifest();
    const talks = await store.talks();
    const context: AnswerContext = {
      store,
      embedder,
      // From the files, not the talks: a note whose sections are not talks still names its conference.
      conferences: [...new Set(Object.values(manifest?.files ?? {}).map((f) => f.conference))].sort(),
      passageCount: manifest?.counts.passages ?? 0,
      abstainThreshold: config.abstainThreshold,
      talkIds: new Set(talks.map((t) => t.id)),
    };
    loaded = { context, withTalks: [...new Set(talks.map((t) => t.conference))].sort() };
    return loaded;
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
      await load();
      return summary;
    },
    async ask(question, answerOptions) {
      return answerQuestion((loaded ?? (await load())).context, question, answerOptions);
    },
    async conferences() {
      return (loaded ?? (await load())).withTalks;
    },
    async reload() {
      await load();
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
export function serviceOver(kb: KnowledgeBase, concurrency = availableParallelism()): Required<ConfnotesService> {
  const { config } = kb;
  const limit = pLimit(concurrency);
  return {
    ask: (question, askOptions) =>
      limit(async () => (await kb.ask(question, { excerpts: askOptions?.excerpts ?? config.excerpts })).answer),
    digest: (conference) =>
      digestOfConference(conference, { notesDir: config.notesDir, maxFileBytes: config.maxFileBytes, embedder: kb.embedder }),
    conferences: () => kb.conferences(),
    close: () => kb.close(),
    talks: () => kb.store.talks(),
    files: async () => Object.keys((await kb.store.manifest())?.files ?? {}).sort(),
    passages: (question, passageOptions) =>
      limit(async () => {
        const { answer, retrieval } = await kb.ask(question, { excerpts: config.excerpts });
        return answer.abstained ? [] : retrieval.ranked.slice(0, passageOptions?.k ?? config.excerpts);
      }),
  };
}

export async function openService(config: Config, options: OpenOptions = {}): Promise<Required<ConfnotesService>> {
  return serviceOver(await openKnowledgeBase(config, options));
}

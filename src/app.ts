// Wires the core together from a Config: the embedder, the store, the notes folder kept in sync,
// and the service the CLI and the bots call. The one place that knows which implementations run.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { createEmbedder } from '../embeddings/create-embedder.js';
import type { Embedder } from '../embeddings/embedder.js';
import { answerQuestion, type AnswerContext } from './answers/answer-question.js';
import type { ProgressReporter } from './cli/progress.js';
import type { Config } from './config.js';
import { openStore } from './index/open-store.js';
import { indexedFiles } from './index/store.js';
import { syncIndex } from './index/sync-index.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { ConfnotesService } from './service.js';

/**
 * A reader machine: it has a database to read and no notes folder. Everything it shows comes from the
 * database, which the machine with the notes keeps up to date.
 */
const isReader = (config: Config): boolean => config.databaseUrl !== undefined && !existsSync(config.notesDir);

export interface OpenOptions {
  onProgress?: ProgressReporter;
  /** Sync the notes folder before answering (default: when this machine has it, see `isReader`). */
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
  /**
   * What answering reads of the index, and the conferences with talks (those a digest can be asked for),
   * as of the manifest's `updatedAt`: every change, by this process or another (the writer on another
   * machine), moves it, and the next question reloads them.
   */
  let loaded: { version: string | null; context: AnswerContext; withTalks: string[] } | undefined;
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
    loaded = { version: manifest?.updatedAt ?? null, context, withTalks: [...new Set(talks.map((t) => t.conference))].sort() };
    return loaded;
  };
  const current = async (): Promise<NonNullable<typeof loaded>> => {
    if (loaded && loaded.version === ((await store.manifest())?.updatedAt ?? null)) return loaded;
    return load();
  };
  const hasNotes = !isReader(config);
  const kb: KnowledgeBase = {
    config,
    embedder,
    store,
    hasNotes,
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
      return answerQuestion((await current()).context, question, answerOptions);
    },
    async conferences() {
      return (await current()).withTalks;
    },
    async close() {
      await store.close();
      await embedder.dispose();
    },
  };
  if (options.sync ?? hasNotes) {
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
    // Imported when asked: a digest parses notes, and the parser need not load for a question.
    digest: async (conference) =>
      (await import('./digests/build-digest.js')).digestFromIndex(conference, kb.store, kb.embedder, { notesDir: config.notesDir }),
    conferences: () => kb.conferences(),
    close: () => kb.close(),
    talks: () => kb.store.talks(),
    files: () => indexedFiles(kb.store),
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

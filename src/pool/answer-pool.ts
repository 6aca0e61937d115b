// Answering off the event loop. A bot's main thread receives, verifies, acknowledges and delivers; the CPU
// work of answering (tokenising, scoring, sentence extraction) runs in worker threads, so that 200 questions
// at once never hold up the next acknowledgement.
//
// piscina (rather than node:worker_threads by hand) brings what a pool must get right and is tedious to: a
// queue, replacing a worker that dies and failing its task instead of losing it, and a close that waits for
// the tasks in flight. Memory does not grow with the number of workers where it matters: the static model's
// 40 MB table is read once into a SharedArrayBuffer that every worker reads in place.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Piscina } from 'piscina';
import { sharedStaticModel } from '../../embeddings/create-embedder.js';
import { staticEmbedder } from '../../embeddings/static-embedder.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import { validateQuestion } from '../answers/question.js';
import { digestFromIndex } from '../digests/build-digest.js';
import { indexedFiles } from '../index/store.js';
import type { ConfnotesService } from '../service.js';
import { errorFromReply, type AnswerReply, type AnswerTask, type AnswerWorkerData } from './answer-task.js';

export interface AnswerPoolOptions {
  /** Worker threads (default: one per core). */
  threads?: number;
  /** The compiled worker module; tests run the pool from sources and point it at dist/. */
  script?: string;
}

// The lowest priority: at 5, a woken main thread still queued behind the answering threads under a burst
// (CFS weighs nice 5 at a third of nice 0, 19 at a seventieth). Answers lose nothing: the main thread
// only runs briefly, to receive and acknowledge.
const WORKER_NICENESS = 19;
const WORKER_SCRIPT = fileURLToPath(new URL('./answer-worker.js', import.meta.url));

/**
 * A full collection of this thread's heap, now, before any request comes. Start-up (the knowledge base
 * opened, the model read: mostly JSON parsing) leaves an old generation of garbage that V8 otherwise marks
 * whenever it chooses, on a helper thread and in pauses on this one. Measured (Dec 2026, bench, 200 Slack
 * commands at once on 2 busy cores, 4 runs each way): without this, that major collection fell on the
 * first burst, and until the last ack the marking thread took 145-190 ms of CPU and this thread 165-170 ms;
 * with it, 70-100 ms and 100-120 ms. V8 exposes gc() only behind a flag, which a context created after
 * setting it receives (what the npm package expose-gc does).
 */
function collectStartupGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The service the adapters see, answering in a pool of worker threads over `kb`'s index; digests are built on this thread. */
export async function startAnswerPool(kb: KnowledgeBase, options: AnswerPoolOptions = {}): Promise<ConfnotesService> {
  const { config } = kb;
  const threads = options.threads ?? availableParallelism();
  const workerData: AnswerWorkerData = { config, model: await sharedStaticModel({ model: config.model, modelsDir: config.modelsDir }) };
  const pool = new Piscina<AnswerTask, AnswerReply>({
    filename: options.script ?? WORKER_SCRIPT,
    minThreads: threads,
    maxThreads: threads,
    // Workers stay up: each one's knowledge base takes a moment to open.
    idleTimeout: Number.POSITIVE_INFINITY,
    // A lower priority for the answering threads: when every core is busy answering, the main thread still gets
    // a core at once to acknowledge a new request (Linux and macOS; a no-op where the optional module is missing).
    niceIncrement: WORKER_NICENESS,
    // Over PostgreSQL a worker holds connections between tasks. Paused in Atomics.wait (piscina's default), it
    // read of a restarted server only at its next tasks, each failing on one dead connection; waiting on its
    // event loop instead, it drops them as they close and reconnects for the next question.
    ...(config.databaseUrl ? { atomics: 'async' as const } : {}),
    workerData,
  });
  // Every worker opens the index now, so that a broken index fails the start rather than the first questions.
  try {
    const replies = await Promise.all(Array.from({ length: threads }, () => pool.run({ kind: 'ready' })));
    const failed = replies.find((reply) => 'error' in reply);
    if (failed) throw errorFromReply(failed);
  } catch (error) {
    await pool.destroy();
    throw error;
  }

  collectStartupGarbage();

  const run = async (task: AnswerTask): Promise<AnswerReply> => {
    try {
      return await pool.run(task);
    } catch (error) {
      // A worker that died (or threw outside a task) is replaced by the pool; this question alone is lost, and the
      // adapter apologises with an error id that finds this error in the log.
      throw new Error('the worker answering the question stopped', { cause: error });
    }
  };

  // Digests are built here, over the same shared table when there is one rather than a second copy.
  const digestEmbedder = workerData.model ? staticEmbedder(workerData.model.id, workerData.model.table) : kb.embedder;
  let closing: Promise<void> | undefined;
  return {
    async ask(question, askOptions) {
      validateQuestion(question);
      const reply = await run({ kind: 'ask', question, excerpts: askOptions?.excerpts ?? config.excerpts });
      if ('error' in reply) throw errorFromReply(reply);
      if (!('answer' in reply)) throw new Error('the answering worker sent no answer');
      return reply.answer;
    },
    digest: (conference) => digestFromIndex(conference, kb.store, digestEmbedder, { notesDir: config.notesDir }),
    conferences: () => kb.conferences(),
    talks: () => kb.store.talks(),
    files: () => indexedFiles(kb.store),
    close() {
      // Waits for the answers in flight and those queued, then stops the workers; a second call waits for the first.
      closing ??= pool.close().then(() => kb.close());
      return closing;
    },
  };
}

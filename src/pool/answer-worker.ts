// The module each answering worker thread runs (loaded by piscina): it opens the knowledge base once, over
// the static model's table that the main thread shares with every worker, and answers one question per task.
import { workerData } from 'node:worker_threads';
import { createEmbedder } from '../../embeddings/create-embedder.js';
import type { Embedder } from '../../embeddings/embedder.js';
import { staticEmbedder } from '../../embeddings/static-embedder.js';
import { openKnowledgeBase } from '../app.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { AnswerReply, AnswerTask, AnswerWorkerData } from './answer-task.js';
import { replyForError } from './answer-task.js';

const { config, model } = workerData as AnswerWorkerData;
const embedder: Embedder = model ? staticEmbedder(model.id, model.table) : await createEmbedder({ model: config.model, modelsDir: config.modelsDir });

// Opened by the first task rather than when the module loads, and opened again by the next task when it
// failed: a worker started while the database is down (the pool replaces one that died) answers with the
// database's error until it is back, then answers, instead of failing every task for the rest of its life.
let opening: Promise<KnowledgeBase> | undefined;
const knowledgeBase = (): Promise<KnowledgeBase> =>
  // The main thread keeps the index in sync with the notes; workers only read it.
  (opening ??= openKnowledgeBase(config, { sync: false, embedder }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  }));

/**
 * Questions a worker answers before its first task: talk titles of the notes, asked as questions. V8
 * optimises hot code on helper threads that run at the process's priority, not at the workers' lower one;
 * a worker's first questions otherwise had those threads compile the answering code during the bots'
 * first burst, taking a core from the main thread while it acknowledged.
 */
const WARM_UP_QUESTIONS = 20;

async function warmUp(kb: KnowledgeBase): Promise<void> {
  const talks = (await kb.store.talks()).filter((talk) => !talk.empty).slice(0, WARM_UP_QUESTIONS);
  for (const { talk } of talks) {
    // The answers are thrown away, and so is a title that makes no valid question: only the compiling counts.
    await kb.ask(talk).catch(() => undefined);
  }
}

export default async function answer(task: AnswerTask): Promise<AnswerReply> {
  try {
    const kb = await knowledgeBase();
    if (task.kind === 'ready') {
      await warmUp(kb);
      return { ready: true };
    }
    // kb.ask follows a new index generation by itself (the manifest's updatedAt), as in the main thread.
    return { answer: (await kb.ask(task.question, { excerpts: task.excerpts })).answer };
  } catch (error) {
    return replyForError(error);
  }
}

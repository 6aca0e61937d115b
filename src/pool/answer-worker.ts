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

export default async function answer(task: AnswerTask): Promise<AnswerReply> {
  try {
    const kb = await knowledgeBase();
    if (task.kind === 'ready') return { ready: true };
    // kb.ask follows a new index generation by itself (the manifest's updatedAt), as in the main thread.
    return { answer: (await kb.ask(task.question, { excerpts: task.excerpts })).answer };
  } catch (error) {
    return replyForError(error);
  }
}

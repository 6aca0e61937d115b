// The module each answering worker thread runs (loaded by piscina): it opens the knowledge base once, over
// the static model's table that the main thread shares with every worker, and answers one question per task.
import { workerData } from 'node:worker_threads';
import { createEmbedder } from '../../embeddings/create-embedder.js';
import { staticEmbedder } from '../../embeddings/static-embedder.js';
import { openKnowledgeBase } from '../app.js';
import type { AnswerReply, AnswerTask, AnswerWorkerData } from './answer-task.js';
import { replyForError } from './answer-task.js';

const { config, model } = workerData as AnswerWorkerData;
const embedder = model ? staticEmbedder(model.id, model.table) : await createEmbedder({ model: config.model, modelsDir: config.modelsDir });
// The main thread keeps the index in sync with the notes; workers only read it.
const kb = await openKnowledgeBase(config, { sync: false, embedder });

export default async function answer(task: AnswerTask): Promise<AnswerReply> {
  if (task.kind === 'ready') return { ready: true };
  try {
    // kb.ask follows a new index generation by itself (the manifest's updatedAt), as in the main thread.
    return { answer: (await kb.ask(task.question, { excerpts: task.excerpts })).answer };
  } catch (error) {
    return replyForError(error);
  }
}

// What crosses between the bots' main thread and the answering workers: plain data only, since messages
// between threads are structured clones (a ConfnotesError would arrive as a bare Error without its code).
import type { Config } from '../config.js';
import { ConfnotesError, type ErrorCode } from '../errors.js';
import type { Answer } from '../types.js';

export interface AnswerWorkerData {
  config: Config;
  /** The static model's table, shared by every worker; absent for a transformers.js model, which each worker loads. */
  model?: { id: string; table: SharedArrayBuffer };
}

export type AnswerTask = { kind: 'ask'; question: string; excerpts: number } | { kind: 'ready' };

export type AnswerReply = { answer: Answer } | { error: { code: ErrorCode; detail: string } } | { ready: true };

/** A ConfnotesError as data, to be thrown again on the other side by `errorFromReply`. */
export function replyForError(error: unknown): AnswerReply {
  if (error instanceof ConfnotesError) return { error: { code: error.code, detail: error.detail } };
  throw error;
}

export function errorFromReply(reply: { error: { code: ErrorCode; detail: string } }): ConfnotesError {
  return new ConfnotesError(reply.error.code, reply.error.detail);
}

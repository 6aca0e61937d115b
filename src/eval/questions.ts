// Reads an evaluation questions file (JSON Lines). A malformed line is reported with its number.
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { ConfnotesError } from '../errors.js';

const questionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  lang: z.string().optional(),
  kind: z.string().min(1),
  gold: z.array(z.object({ file: z.string(), lines: z.tuple([z.number().int(), z.number().int()]), talk: z.string().optional() })),
  expect: z.array(z.string()).default([]),
});

export type EvalQuestion = z.infer<typeof questionSchema> & {
  /** The questions file it came from (its name without `.jsonl`), when several are scored together. */
  set?: string;
};

export function parseQuestions(text: string, name = 'questions'): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new ConfnotesError('EVAL_FILE_INVALID', `${name}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = questionSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfnotesError('EVAL_FILE_INVALID', `${name}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    questions.push(parsed.data);
  });
  if (questions.length === 0) throw new ConfnotesError('EVAL_FILE_INVALID', `${name} has no questions`);
  return questions;
}

export function readQuestions(path: string): EvalQuestion[] {
  if (!existsSync(path)) throw new ConfnotesError('EVAL_FILE_INVALID', `${path} does not exist`);
  const set = basename(path).replace(/\.jsonl$/u, '');
  return parseQuestions(readFileSync(path, 'utf8'), path).map((q) => ({ ...q, set }));
}

// npm run fit: fits the answer layer's weights on evaluation questions over a notes folder and writes
// them, with the command that produced them, to src/answers/answer-weights.json (or --out FILE).
// Usage: npm run fit -- --notes DIR [--out FILE] QUESTIONS.jsonl [QUESTIONS.jsonl ...]
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openKnowledgeBase } from '../app.js';
import { loadConfig } from '../config.js';
import { readQuestions } from '../eval/questions.js';
import { fitSourceOf, fitWeights } from './fit-weights.js';

const { values, positionals } = parseArgs({
  options: { notes: { type: 'string' }, out: { type: 'string', default: 'src/answers/answer-weights.json' } },
  allowPositionals: true,
});
if (!values.notes || positionals.length === 0) throw new Error('usage: npm run fit -- --notes DIR [--out FILE] QUESTIONS.jsonl [...]');
const questions = positionals.flatMap(readQuestions);
const kb = await openKnowledgeBase(loadConfig({ CONFNOTES_NOTES_DIR: values.notes }));
try {
  const weights = await fitWeights(fitSourceOf(kb), questions);
  const command = `npm run fit -- --notes ${relative('.', values.notes)} ${positionals.map((p) => relative('.', p)).join(' ')}`;
  writeFileSync(resolve(values.out), `${JSON.stringify({ command, questions: questions.length, ...weights }, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(weights, null, 2)}\nwritten to ${values.out}\n`);
} finally {
  await kb.close();
}

// Answering: warm `ask` latency in process (hybrid ranking, and lexical ranking alone beside it), and
// a cold `confnotes ask` as a whole process, which is what a CLI user waits for. Beside each, the same
// work done by the simplest alternative a user could pick, as a ratio that a noisy machine cannot move
// much: a plain MiniSearch BM25 query over the same passages, and `rg` over the notes folder.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { openKnowledgeBase } from '../src/app.js';
import type { KnowledgeBase } from '../src/knowledge-base.js';
import { parseNote } from '../src/notes/parse-note.js';
import { readNotes } from '../src/notes/read-notes.js';
import type { RankingMode } from '../src/retrieval/retrieve.js';
import { runMeasured } from './child.js';
import { atMost, figure } from './report.js';
import { latencies, median } from './stats.js';
import { benchConfig, childEnv, type Section, type SectionOutput, type Workspace } from './workspace.js';

async function timeAsk(kb: KnowledgeBase, question: string, mode: RankingMode): Promise<number> {
  const started = performance.now();
  await kb.ask(question, { mode });
  return performance.now() - started;
}

/** MiniSearch with its defaults over the passages' text: what a user who wanted only keyword search would set up. */
async function plainBm25(notesDir: string, maxFileBytes: number): Promise<(question: string) => number> {
  const { sources } = await readNotes(notesDir, { maxFileBytes });
  const index = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  index.addAll(sources.flatMap((source) => parseNote(source).passages.map(({ id, text }) => ({ id, text }))));
  return (question) => {
    const started = performance.now();
    index.search(question).slice(0, 10);
    return performance.now() - started;
  };
}

/** `rg` for the question's longer words, case-insensitive, over the notes folder; undefined when rg is not installed. */
function ripgrepPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const rgPattern = (question: string): string =>
  (question.match(/[\p{L}\p{N}][\p{L}\p{N}'-]{3,}/gu) ?? [question]).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '.')).join('|');

async function run(ws: Workspace, { figures, notes }: SectionOutput): Promise<void> {
  const { questions } = ws;
  const passes = ws.sizes.askPasses;
  notes.push(
    `notes: ${ws.notesLabel}; questions: ${questions.length} from ${ws.questionsLabel}, ${passes} timed pass(es) after one warm-up pass`,
  );
  const indexRoot = join(ws.scratch, 'answering', 'index');
  const kb = await openKnowledgeBase(benchConfig({ CONFNOTES_NOTES_DIR: ws.notesDir, CONFNOTES_INDEX_DIR: indexRoot }, ws.modelsDir));
  const hybrid: number[] = [];
  const lexical: number[] = [];
  const plain: number[] = [];
  const firstAsked: number[] = [];
  const plainSearch = await plainBm25(ws.notesDir, kb.config.maxFileBytes);
  try {
    // The warm-up pass is each question's first asking: no passage it reads has been read for it yet,
    // only for the questions before it (src/answers/recently-used.ts).
    for (const question of questions) {
      firstAsked.push(await timeAsk(kb, question, 'hybrid'));
      await timeAsk(kb, question, 'lexical');
      plainSearch(question);
    }
    // Interleaved, so that every way sees the same heap and the same machine load.
    for (let pass = 0; pass < passes; pass++) {
      for (const question of questions) {
        hybrid.push(await timeAsk(kb, question, 'hybrid'));
        lexical.push(await timeAsk(kb, question, 'lexical'));
        plain.push(plainSearch(question));
      }
    }
  } finally {
    await kb.close();
  }
  const h = latencies(hybrid);
  const l = latencies(lexical);
  const p = latencies(plain);
  const f = latencies(firstAsked);
  figures.push(
    figure('warmAskP50Ms', 'warm ask p50 (hybrid)', h.p50, 'ms', atMost(15)),
    figure('warmAskP95Ms', 'warm ask p95 (hybrid)', h.p95, 'ms', atMost(40)),
    figure('warmAskP99Ms', 'warm ask p99 (hybrid)', h.p99, 'ms'),
    figure('firstAskP50Ms', 'first asking of each question p50 (hybrid)', f.p50, 'ms'),
    figure('firstAskP95Ms', 'first asking of each question p95 (hybrid)', f.p95, 'ms'),
    figure('lexicalAskP50Ms', 'warm ask p50 (lexical only)', l.p50, 'ms'),
    figure('lexicalAskP95Ms', 'warm ask p95 (lexical only)', l.p95, 'ms'),
    figure('lexicalAskP99Ms', 'warm ask p99 (lexical only)', l.p99, 'ms'),
    figure('hybridOverLexicalP50', 'hybrid / lexical, p50', h.p50 / l.p50, '×'),
    figure('hybridOverLexicalP95', 'hybrid / lexical, p95', h.p95 / l.p95, '×'),
    figure('plainBm25P50Ms', 'simplest alternative: plain MiniSearch BM25 query p50', p.p50, 'ms'),
    figure('plainBm25P95Ms', 'simplest alternative: plain MiniSearch BM25 query p95', p.p95, 'ms'),
    figure('warmOverPlainBm25P50', 'warm ask / plain BM25, p50', h.p50 / p.p50, '×'),
    figure('warmOverPlainBm25P95', 'warm ask / plain BM25, p95', h.p95 / p.p95, '×'),
  );

  const cli = join(ws.repo, 'bin/confnotes.js');
  const env = childEnv({ CONFNOTES_MODELS_DIR: ws.modelsDir });
  const rg = ripgrepPath();
  const walls: number[] = [];
  const peaks: number[] = [];
  const rgWalls: number[] = [];
  // Alternated run by run, so that a change in the machine's load hits both sides of the ratio alike.
  for (let i = 0; i < ws.sizes.coldAskRuns; i++) {
    const question = questions[i % questions.length]!;
    const measured = await runMeasured([cli, 'ask', '--notes', ws.notesDir, '--index', indexRoot, question], { env, cwd: ws.repo, scratch: ws.scratch });
    walls.push(measured.wallMs);
    peaks.push(measured.peakRssMB);
    if (rg) {
      const args = ['--ignore-case', '--line-number', '--max-count', '3', '--', rgPattern(question), ws.notesDir];
      rgWalls.push((await runMeasured(args, { env, cwd: ws.repo, scratch: ws.scratch, program: rg, okCodes: [1] })).wallMs);
    }
  }
  notes.push(
    `cold ask: \`confnotes ask\` as a child process over the index built above, median of ${walls.length} runs`,
    rg
      ? 'simplest alternative for the cold CLI: `rg --ignore-case` for the question\'s longer words over the notes folder, alternated with the asks'
      : 'simplest alternative for the cold CLI: rg is not installed (apt-get install ripgrep), so its figures are n/a',
  );
  const rgMedian = rg ? median(rgWalls) : Number.NaN;
  figures.push(
    figure('coldAskMedianMs', 'cold `confnotes ask`, whole process, median', median(walls), 'ms', atMost(800)),
    figure('coldAskPeakRssMB', 'cold `confnotes ask` peak RSS, median', median(peaks), 'MB'),
    figure('coldRgMedianMs', 'simplest alternative: `rg` over the notes, whole process, median', rgMedian, 'ms'),
    figure('coldAskOverRg', 'cold ask / rg, median', median(walls) / rgMedian, '×'),
  );
}

export const answering: Section = { id: 'answering', title: 'Answering', run };

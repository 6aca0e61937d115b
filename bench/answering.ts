// Answering: warm `ask` latency in process (hybrid ranking, and lexical ranking alone beside it), and
// a cold `confnotes ask` as a whole process, which is what a CLI user waits for.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openKnowledgeBase } from '../src/app.js';
import type { KnowledgeBase } from '../src/knowledge-base.js';
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
  try {
    for (const question of questions) {
      await timeAsk(kb, question, 'hybrid');
      await timeAsk(kb, question, 'lexical');
    }
    // Interleaved, so that both modes see the same heap and the same machine load.
    for (let pass = 0; pass < passes; pass++) {
      for (const question of questions) {
        hybrid.push(await timeAsk(kb, question, 'hybrid'));
        lexical.push(await timeAsk(kb, question, 'lexical'));
      }
    }
  } finally {
    await kb.close();
  }
  const h = latencies(hybrid);
  const l = latencies(lexical);
  figures.push(
    figure('warmAskP50Ms', 'warm ask p50 (hybrid)', h.p50, 'ms', atMost(30)),
    figure('warmAskP95Ms', 'warm ask p95 (hybrid)', h.p95, 'ms', atMost(100)),
    figure('warmAskP99Ms', 'warm ask p99 (hybrid)', h.p99, 'ms'),
    figure('lexicalAskP50Ms', 'warm ask p50 (lexical only)', l.p50, 'ms'),
    figure('lexicalAskP95Ms', 'warm ask p95 (lexical only)', l.p95, 'ms'),
    figure('lexicalAskP99Ms', 'warm ask p99 (lexical only)', l.p99, 'ms'),
    figure('hybridOverLexicalP50', 'hybrid / lexical, p50', h.p50 / l.p50, '×'),
    figure('hybridOverLexicalP95', 'hybrid / lexical, p95', h.p95 / l.p95, '×'),
  );

  const cli = join(ws.repo, 'bin/confnotes.js');
  const env = childEnv({ CONFNOTES_MODELS_DIR: ws.modelsDir });
  const walls: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < ws.sizes.coldAskRuns; i++) {
    const question = questions[i % questions.length]!;
    const measured = await runMeasured([cli, 'ask', '--notes', ws.notesDir, '--index', indexRoot, question], { env, cwd: ws.repo, scratch: ws.scratch });
    walls.push(measured.wallMs);
    peaks.push(measured.peakRssMB);
  }
  notes.push(`cold ask: \`confnotes ask\` as a child process over the index built above, median of ${walls.length} runs`);
  figures.push(
    figure('coldAskMedianMs', 'cold `confnotes ask`, whole process, median', median(walls), 'ms'),
    figure('coldAskPeakRssMB', 'cold `confnotes ask` peak RSS, median', median(peaks), 'MB'),
  );
}

export const answering: Section = { id: 'answering', title: 'Answering', run };

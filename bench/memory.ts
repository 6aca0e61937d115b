// Memory: resident memory of a serving bot (the Slack bot with the default model, in its own process),
// idle and after answering many questions, with the V8 heap beside it to tell JS objects from native
// memory (the model's inference session, the vector graph).
import { atMost, figure } from './report.js';
import { startSlackBench } from './slack-driver.js';
import { questionsFor, type Section, type SectionOutput, type Workspace } from './workspace.js';

// Several at a time, like a busy team, without turning the run into the Slack section's burst.
const CONCURRENCY = 10;
const SETTLE_MS = 1_000;
const MB = 1024 * 1024;

interface MemoryReport {
  rss: number;
  heapUsed: number;
  external: number;
  peakRss: number;
}

async function run(ws: Workspace, { figures, notes }: SectionOutput): Promise<void> {
  const count = ws.sizes.memoryQuestions;
  const n = count.toLocaleString('en-US');
  const slack = await startSlackBench(ws, 'memory');
  try {
    const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await settle();
    const idle = (await slack.bot.call('memory')) as unknown as MemoryReport;
    const questions = questionsFor(ws, count);
    let answered = 0;
    for (let i = 0; i < questions.length; i += CONCURRENCY) {
      answered += (await slack.burst(questions.slice(i, i + CONCURRENCY))).filter((t) => Number.isFinite(t.answerMs)).length;
    }
    await settle();
    const after = (await slack.bot.call('memory')) as unknown as MemoryReport;
    notes.push(
      `the Slack bot (serve-probe) with ${ws.model} over data/notes; ${n} questions sent ${CONCURRENCY} at a time; figures from process.memoryUsage() and VmHWM`,
    );
    figures.push(
      figure('idleRssMB', 'RSS idle (service open, bot started)', idle.rss / MB, 'MB', atMost(400)),
      figure('idleHeapUsedMB', 'V8 heap used idle', idle.heapUsed / MB, 'MB'),
      figure('idleExternalMB', 'external (buffers, typed arrays) idle', idle.external / MB, 'MB'),
      figure('answered', 'questions answered', answered, `of ${n}`),
      figure('afterRssMB', `RSS after ${n} questions`, after.rss / MB, 'MB', atMost(400)),
      figure('afterHeapUsedMB', `V8 heap used after ${n} questions`, after.heapUsed / MB, 'MB'),
      figure('peakRssMB', 'peak RSS (VmHWM)', after.peakRss / MB, 'MB'),
    );
  } finally {
    await slack.close();
  }
}

export const memory: Section = { id: 'memory', title: 'Memory', run };

// Memory: resident memory of a serving bot (the Slack bot with the default model, in its own process, answering
// in worker threads), idle, after answering many questions, and after a soak five times as long: memory that
// keeps growing between the last two is a leak. The V8 heap beside it tells JS objects from native memory.
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
  const soak = ws.sizes.soakQuestions.toLocaleString('en-US');
  const slack = await startSlackBench(ws, 'memory');
  try {
    const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await settle();
    const idle = (await slack.bot.call('memory')) as unknown as MemoryReport;
    const questions = questionsFor(ws, ws.sizes.soakQuestions);
    let answered = 0;
    const ask = async (from: number, to: number) => {
      for (let i = from; i < to; i += CONCURRENCY) {
        answered += (await slack.burst(questions.slice(i, Math.min(i + CONCURRENCY, to)))).filter((t) => Number.isFinite(t.answerMs)).length;
      }
      await settle();
      return (await slack.bot.call('memory')) as unknown as MemoryReport;
    };
    const after = await ask(0, count);
    const answeredFirst = answered;
    const soaked = await ask(count, questions.length);
    notes.push(
      `the Slack bot (serve-probe, answering in worker threads) with ${ws.model} over data/notes; ${soak} questions sent ${CONCURRENCY} at a time, measured after ${n} and after ${soak}; figures from process.memoryUsage() (the whole process, workers included) and VmHWM`,
    );
    figures.push(
      figure('idleRssMB', 'RSS idle (service open, bot started)', idle.rss / MB, 'MB', atMost(400)),
      figure('idleHeapUsedMB', 'V8 heap used idle', idle.heapUsed / MB, 'MB'),
      figure('idleExternalMB', 'external (buffers, typed arrays) idle', idle.external / MB, 'MB'),
      figure('answered', 'questions answered', answeredFirst, `of ${n}`),
      figure('afterRssMB', `RSS after ${n} questions`, after.rss / MB, 'MB', atMost(400)),
      figure('afterHeapUsedMB', `V8 heap used after ${n} questions`, after.heapUsed / MB, 'MB'),
      figure('soakAnswered', 'soak: questions answered', answered, `of ${soak}`),
      figure('soakRssMB', `RSS after ${soak} questions`, soaked.rss / MB, 'MB'),
      figure('soakHeapUsedMB', `V8 heap used after ${soak} questions`, soaked.heapUsed / MB, 'MB'),
      figure('soakGrowthPct', `RSS growth from ${n} to ${soak} questions`, ((soaked.rss - after.rss) / after.rss) * 100, '%', atMost(5)),
      figure('peakRssMB', 'peak RSS (VmHWM)', soaked.peakRss / MB, 'MB'),
    );
  } finally {
    await slack.close();
  }
}

export const memory: Section = { id: 'memory', title: 'Memory', run };

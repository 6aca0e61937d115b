// Discord: a burst of /ask interactions through the fake gateway to the real discord.js bot. Discord
// wants the first response (deferReply) within 3 s; the answer follows as an editReply.
import { atMost, figure } from './report.js';
import { startDiscordBench, type InteractionTiming } from './discord-driver.js';
import { latencies, type Latencies } from './stats.js';
import { questionsFor, type Section, type SectionOutput, type Workspace } from './workspace.js';

/** Latencies of the interactions whose deferReply arrived. */
const deferLatencies = (timings: InteractionTiming[]): Latencies =>
  latencies(timings.filter((t) => Number.isFinite(t.deferMs)).map((t) => t.deferMs));

async function run(ws: Workspace, { figures, notes }: SectionOutput): Promise<void> {
  const count = ws.sizes.discordInteractions;
  const discord = await startDiscordBench(ws, 'discord');
  try {
    await discord.burst(questionsFor(ws, 1));
    // As for Slack (slack.ts): the goal holds a burst after the first, whose request path is compiled.
    const first = await discord.burst(questionsFor(ws, count));
    const timings = await discord.burst(questionsFor(ws, count));
    const edited = timings.filter((t) => Number.isFinite(t.editMs));
    const defer = deferLatencies(timings);
    const edit = latencies(edited.map((t) => t.editMs));
    const thread = discord.deferThreadTime();
    notes.push(
      `${count} /ask interactions dispatched at once on the fake gateway to discord.js in its own process, serving data/notes`,
      'a reply is timed when its request reaches the fake REST API; main thread times from the kernel (/proc schedstat), from the first interaction to the last deferReply: waiting ≫ on a CPU means the machine, not the bot, was busy',
    );
    figures.push(
      figure('answered', 'interactions answered (editReply arrived)', edited.length, `of ${count}`),
      figure('firstDeferP95Ms', 'INTERACTION_CREATE → deferReply p95, first burst since the bot started', deferLatencies(first).p95, 'ms'),
      figure('deferP95Ms', 'INTERACTION_CREATE → deferReply p95', defer.p95, 'ms', atMost(50)),
      figure('deferThreadCpuMs', 'bot main thread on a CPU until the last deferReply', thread.onCpuMs, 'ms'),
      figure('deferThreadWaitMs', 'bot main thread waiting for a CPU until then', thread.waitingMs, 'ms'),
      figure('editP50Ms', 'INTERACTION_CREATE → editReply p50', edit.p50, 'ms'),
      figure('editP95Ms', 'INTERACTION_CREATE → editReply p95', edit.p95, 'ms', atMost(3000)),
      figure('editMaxMs', 'INTERACTION_CREATE → editReply max', edit.max, 'ms'),
    );
  } finally {
    await discord.close();
  }
}

export const discord: Section = { id: 'discord', title: 'Discord', run };

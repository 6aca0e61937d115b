// `npm run bench [-- --out PATH] [-- --quick] [-- --only ID,ID]`: runs every section in turn, prints the figures as a
// table with the goals, and writes the same figures as JSON (bench/results.json by default).
// A section that fails keeps the figures it measured; the run goes on and exits 1.
import { cpus, totalmem } from 'node:os';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { answering } from './answering.js';
import { discord } from './discord.js';
import { indexing, runModelProbe } from './indexing.js';
import { memory } from './memory.js';
import { postgres } from './postgres.js';
import { renderTable, resultsJson, type RunInfo, type SectionResult } from './report.js';
import { scale } from './scale.js';
import { slack } from './slack.js';
import { openWorkspace, repoRoot, type Section, type SectionOutput } from './workspace.js';

// Indexing first: it builds the model every later section loads.
const SECTIONS: Section[] = [indexing, answering, scale, postgres, slack, discord, memory];

const { values } = parseArgs({
  options: { out: { type: 'string' }, quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  strict: true,
});
const out = resolve(values.out ?? join(repoRoot(), 'bench/results.json'));
const quick = values.quick === true;
/** `--only slack,discord`: a subset of the sections, e.g. to check one fix. */
const only = values.only?.split(',').map((id) => id.trim());
const selected = only ? SECTIONS.filter((section) => only.includes(section.id)) : SECTIONS;

const run: RunInfo = {
  startedAt: new Date().toISOString(),
  quick,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  totalMemoryMB: Math.round(totalmem() / 1024 / 1024),
};
const ws = await openWorkspace({ quick });
process.stderr.write(`bench: ${quick ? 'quick run' : 'full run'} on ${ws.notesLabel}; scratch ${ws.scratch}\n`);

const results: SectionResult[] = [];
try {
  // Without the indexing section, the model is built first in a process of its own, as that section builds it:
  // otherwise the first section to need it builds it in its own process, a bot included. Measured (Dec 2026,
  // `--only memory`): a bot that built the model kept 110-130 MB more RSS for the rest of its life (the build's
  // freed heap that glibc does not return), which a full run's bots never have.
  if (!selected.includes(indexing)) await runModelProbe(ws);
  for (const section of selected) {
    const output: SectionOutput = { figures: [], notes: [] };
    const started = Date.now();
    process.stderr.write(`bench: ${section.title}…\n`);
    try {
      await section.run(ws, output);
      results.push({ id: section.id, title: section.title, ...output });
    } catch (error) {
      process.exitCode = 1;
      results.push({ id: section.id, title: section.title, ...output, error: (error as Error).message });
    }
    process.stderr.write(`bench: ${section.title} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
} finally {
  await rm(ws.scratch, { recursive: true, force: true });
}

process.stdout.write(`confnotes bench (${quick ? 'quick' : 'full'}), ${run.cpus} × ${run.cpuModel}, node ${run.node}\n`);
process.stdout.write(`${renderTable(results)}\n`);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(resultsJson(run, results), null, 2)}\n`);
process.stdout.write(`\nFigures written to ${out}\n`);

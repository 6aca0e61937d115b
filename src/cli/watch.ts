import { openKnowledgeBase } from '../app.js';
import type { Config } from '../config.js';
import type { DigestPoster } from '../digests/poster.js';
import { startWatch, type CycleReport } from '../digests/watch.js';
import { digestPostersFrom } from './digest-posters.js';
import { requireNotesFolder } from './notes-folder.js';
import { terminalProgress } from './progress.js';

function reportLines(report: CycleReport): string[] {
  return [
    ...report.recorded.map((r) => `${r.target}: first start, ${r.talks} existing talks recorded as already announced (not posted)`),
    ...report.posted.map((p) => `${p.target}: posted a digest of ${p.conference} (${p.talks.length} new talk${p.talks.length === 1 ? '' : 's'})`),
    ...report.failed.map((f) => `${f.target}: could not post the digest of ${f.conference} (${f.error}); will retry at the next change`),
  ];
}

/** `confnotes watch`: runs until SIGINT or SIGTERM, then finishes the cycle in progress and exits. */
export async function watchCommand(config: Config, posters: DigestPoster[] = digestPostersFrom(config)): Promise<void> {
  requireNotesFolder(config, 'watch');
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  const say = (line: string): boolean => process.stderr.write(`confnotes: ${line}\n`);
  try {
    const targets = posters.map((p) => p.target).join(', ');
    say(`watching ${config.notesDir}; ${posters.length > 0 ? `digests go to ${targets}` : 'no digest channel is set, so the index is only kept up to date'}`);
    const watcher = await startWatch({ kb, posters, stateDir: config.stateDir, onCycle: (report) => reportLines(report).forEach(say) });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    say('stopping');
    await watcher.stop();
  } finally {
    await kb.close();
  }
}

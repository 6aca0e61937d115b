import { openKnowledgeBase } from '../app.js';
import type { Config } from '../config.js';
import type { SyncSummary } from '../index/sync-index.js';
import { requireNotesFolder } from './notes-folder.js';
import { terminalProgress } from './progress.js';

export function formatSummary(summary: SyncSummary): string {
  const changes = [
    summary.added.length > 0 ? `${summary.added.length} added` : '',
    summary.updated.length > 0 ? `${summary.updated.length} updated` : '',
    summary.removed.length > 0 ? `${summary.removed.length} removed` : '',
    `${summary.unchanged} unchanged`,
  ].filter(Boolean);
  return [
    `Indexed ${summary.files} files, ${summary.talks} talks, ${summary.passages} passages (${changes.join(', ')}).`,
    ...summary.skipped.map((s) => `skipped ${s.file}: ${s.reason}`),
    ...summary.warnings.map((w) => `warning ${w.file}: ${w.warning}`),
  ].join('\n');
}

export async function indexCommand(config: Config, options: { rebuild: boolean }): Promise<void> {
  requireNotesFolder(config, 'index');
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { sync: false, onProgress: progress.report });
  try {
    const summary = await kb.sync({ rebuild: options.rebuild, onProgress: progress.report });
    progress.stop();
    process.stdout.write(`${formatSummary(summary)}\n`);
  } finally {
    progress.stop();
    await kb.close();
  }
}

import { openKnowledgeBase } from '../app.js';
import { formatConferencesText, listConferences } from '../conference-listing.js';
import type { Config } from '../config.js';
import { terminalProgress } from './progress.js';

export async function conferencesCommand(config: Config, options: { json: boolean }): Promise<void> {
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  try {
    const conferences = listConferences(await kb.store.talks());
    if (options.json) process.stdout.write(`${JSON.stringify(conferences, null, 2)}\n`);
    else if (conferences.length > 0) process.stdout.write(`${formatConferencesText(conferences)}\n`);
  } finally {
    await kb.close();
  }
}

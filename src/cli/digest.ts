import { openKnowledgeBase } from '../app.js';
import type { Config } from '../config.js';
import { digestFromIndex } from '../digests/build-digest.js';
import { formatDigestText } from '../digests/format-digest-text.js';
import { digestPosterFor } from './digest-posters.js';
import { terminalProgress } from './progress.js';

/**
 * `confnotes digest <conference>`: built from the index (synced first where the notes are), so that it is
 * the digest every bot reading the same index shows.
 */
export async function digestCommand(config: Config, conference: string, options: { json: boolean; post?: string }): Promise<void> {
  // Checked before anything is read, so that a missing token is reported at once.
  const poster = options.post === undefined ? undefined : digestPosterFor(options.post, config);
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  try {
    const digest = await digestFromIndex(conference, kb.store, kb.embedder, { notesDir: config.notesDir });
    if (poster) {
      await poster.post(digest);
      process.stderr.write(`confnotes: posted the digest of ${digest.conference} to ${poster.target}\n`);
    } else {
      process.stdout.write(options.json ? `${JSON.stringify(digest, null, 2)}\n` : `${formatDigestText(digest)}\n`);
    }
  } finally {
    await kb.close();
  }
}

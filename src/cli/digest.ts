import { createEmbedder } from '../../embeddings/create-embedder.js';
import type { Config } from '../config.js';
import { buildDigest, findConferenceNotes } from '../digests/build-digest.js';
import { formatDigestText } from '../digests/format-digest-text.js';
import { digestPosterFor } from './digest-posters.js';
import { terminalProgress } from './progress.js';

/** `confnotes digest <conference>`: the conference is found before the model loads, so a typo fails fast. */
export async function digestCommand(config: Config, conference: string, options: { json: boolean; post?: string }): Promise<void> {
  // Checked before anything is read, so that a missing token is reported at once.
  const poster = options.post === undefined ? undefined : digestPosterFor(options.post, config);
  const { group, notes } = await findConferenceNotes(conference, { notesDir: config.notesDir, maxFileBytes: config.maxFileBytes });
  const progress = terminalProgress();
  const embedder = await createEmbedder({ model: config.model, modelsDir: config.modelsDir, onProgress: progress.report }).finally(() =>
    progress.stop(),
  );
  try {
    const digest = await buildDigest(group, notes, embedder);
    if (poster) {
      await poster.post(digest);
      process.stderr.write(`confnotes: posted the digest of ${digest.conference} to ${poster.target}\n`);
    } else {
      process.stdout.write(options.json ? `${JSON.stringify(digest, null, 2)}\n` : `${formatDigestText(digest)}\n`);
    }
  } finally {
    await embedder.dispose();
  }
}

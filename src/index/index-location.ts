// Each notes folder gets its own index under the index root, so pointing confnotes at another
// folder (`--notes ../other`) never overwrites the index of the first one.
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';

export function indexDirFor(indexRoot: string, notesDir: string): string {
  const absolute = resolve(notesDir);
  const slug = basename(absolute).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'notes';
  const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 8);
  return join(indexRoot, `${slug}-${hash}`);
}

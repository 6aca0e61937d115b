// Which conference a user means by "QCon London 2014", "qcon london", "dotscale" or a notes file path.
import { normalize, relative, resolve, sep } from 'node:path';
import { ConfnotesError } from '../errors.js';
import { foldAccents } from '../text/analyze.js';
import { conferenceKey, type ConferenceGroup } from './conference-groups.js';

/** How many close names a "not found" message suggests. */
const SUGGESTIONS = 3;
const SIMILAR_ENOUGH = 0.35;

const bigrams = (text: string): string[] => {
  const padded = ` ${text} `;
  return [...padded].slice(0, -1).map((_, i) => padded.slice(i, i + 2));
};

/** Dice coefficient on character bigrams: tolerant of typos and word order. */
function similarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  const counts = new Map<string, number>();
  for (const g of right) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of left) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** `notes/qcon/day1.md`, `./day1.md` or an absolute path, as the `/`-separated path inside the notes folder. */
function asNotesPath(query: string, notesDir: string, cwd: string): string[] {
  const fromNotes = relative(notesDir, resolve(cwd, query));
  return [fromNotes, normalize(query)].map((p) => p.split(sep).join('/'));
}

const looksLikePath = (query: string): boolean => /[\\/]|\.(?:md|markdown|txt)$/i.test(query.trim());

/**
 * The group the query names: a file of it, its exact name, or the only conference whose name holds
 * every word typed (as words or word beginnings). Throws CONFERENCE_NOT_FOUND naming close matches,
 * or the candidates when the query is ambiguous.
 */
export function findConference(
  query: string,
  groups: ConferenceGroup[],
  paths: { notesDir: string; cwd: string },
): ConferenceGroup {
  const asked = query.trim();
  if (looksLikePath(asked)) {
    const candidates = asNotesPath(asked, paths.notesDir, paths.cwd);
    const byFile = groups.find((g) => g.files.some((f) => candidates.includes(f)));
    if (byFile) return byFile;
  }
  const key = conferenceKey(asked);
  const exact = groups.find((g) => g.key === key);
  if (exact) return exact;
  const typed = foldAccents(asked).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const partial = typed.length === 0 ? [] : groups.filter((g) => typed.every((w) => g.key.split(' ').some((word) => word.startsWith(w))));
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) {
    const names = partial.map((g) => g.name).sort();
    throw new ConfnotesError('CONFERENCE_NOT_FOUND', `"${asked}" matches several conferences: ${names.map((n) => `"${n}"`).join(', ')}`);
  }
  const close = groups
    .map((g) => ({ name: g.name, score: similarity(key, g.key) }))
    .filter((c) => c.score >= SIMILAR_ENOUGH)
    .sort((a, b) => b.score - a.score)
    .slice(0, SUGGESTIONS)
    .map((c) => c.name);
  const hint = close.length > 0 ? ` (closest: ${close.map((n) => `"${n}"`).join(', ')})` : '';
  throw new ConfnotesError('CONFERENCE_NOT_FOUND', `No conference matches "${asked}"${hint}`);
}

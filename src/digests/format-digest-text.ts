// A digest for a terminal: the conference, then each talk with its highlights quoted and cited.
import type { Digest, DigestTalk, LineRange } from '../types.js';

const cite = (file: string, [start, end]: LineRange): string => (start === end ? `${file}:${start}` : `${file}:${start}-${end}`);

/** Notes are often hard-wrapped: a quote reads better as one paragraph behind its quote mark. */
const quoted = (text: string): string => `    > ${text.replace(/\s*\r?\n\s*/g, ' ')}`;

function formatTalk(t: DigestTalk): string {
  const people = [t.speakers.join(', '), t.companies.join(', ')].filter(Boolean);
  const who = people.length === 2 ? `${people[0]} (${people[1]})` : people[0];
  const head = `• ${t.talk}${who ? ` — ${who}` : ''}  [${cite(t.file, t.lines)}]`;
  if (t.empty || t.highlights.length === 0) return `${head}\n    (no notes)`;
  return [head, ...t.highlights.map((h) => `${quoted(h.quote)}\n      ${cite(t.file, h.lines)}`)].join('\n');
}

export function formatDigestText(digest: Digest): string {
  const count = `${digest.talks.length} talk${digest.talks.length === 1 ? '' : 's'}`;
  const header = [`${digest.conference}${digest.date ? ` (${digest.date})` : ''} — ${count}`, `From ${digest.files.join(', ')}`];
  if (digest.talks.length === 0) return [...header, '', 'No talks were found in these notes.'].join('\n');
  return [...header, '', digest.talks.map(formatTalk).join('\n\n')].join('\n');
}

// The interjections and chat shorthand a message wraps a question in ("hey, …", "… lol", "bonjour, …",
// "… svp"): English from compromise's lexicon, French from the Lefff's (scripts/interjections.mjs).
import interjections from './interjections.json' with { type: 'json' };

export const INTERJECTIONS: ReadonlySet<string> = new Set([...interjections.english, ...interjections.french]);

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The question without the interjections opening or closing it: "hey, what did the baker say? lol" is
 * asked as "what did the baker say?". Its words are weighed without them already; its meaning's vector
 * should not lean towards a greeting either. A question of interjections alone is left as it is.
 */
export function unwrapped(question: string): string {
  const found = [...question.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, interjection: INTERJECTIONS.has(m[0].toLowerCase()) }));
  let first = 0;
  while (first < found.length && found[first]!.interjection) first += 1;
  let last = found.length - 1;
  while (last > first && found[last]!.interjection) last -= 1;
  if (first >= found.length) return question;
  // From the first asked word to the last, and the mark closing it ("…post-mortems?" of "…post-mortems? lol").
  const after = question.slice(found[last]!.end, found[last + 1]?.start ?? question.length);
  const mark = /^[^?!.]*?[?!.]/u.exec(after)?.[0].length ?? 0;
  return question.slice(found[first]!.start, found[last]!.end + mark);
}

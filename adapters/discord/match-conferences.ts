// Autocomplete choices for /digest: what was typed matched against the indexed conference names.
import { foldAccents } from '../../src/text/analyze.js';
import { clip, LIMITS } from './limits.js';

export interface Choice {
  name: string;
  value: string;
}

/** Best matches first (name starts with the text, then a word does, then it appears anywhere); at most 25. */
export function matchConferences(conferences: string[], typed: string): Choice[] {
  const wanted = fold(typed.trim());
  const ranked = conferences
    .map((name, order) => ({ name, order, rank: rank(fold(name), wanted) }))
    .filter((c) => c.name.length > 0 && c.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, LIMITS.choices).map(({ name }) => ({
    name: clip(name, LIMITS.choiceName, '…'),
    // The service accepts part of a name, so a cut value still finds its conference.
    value: name.slice(0, LIMITS.choiceValue),
  }));
}

function rank(name: string, wanted: string): number {
  if (name.startsWith(wanted)) return 0;
  if (name.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted))) return 1;
  return name.includes(wanted) ? 2 : -1;
}

/** Case and accents do not matter when typing "confé" or "conference". */
const fold = (text: string): string => foldAccents(text).toLowerCase();

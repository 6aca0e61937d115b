// Groups the recorded gaps by similar question, with the same analysis retrieval uses (folded, stemmed,
// stop words and question words dropped, French and English alike), so that "what about Kubernetes?" and
// "Kubernetes chez nous ?" count as one missing note. Pure.
import { analyze } from '../text/analyze.js';
import type { GapKind, GapRecord } from './feedback-log.js';

export interface GapGroup {
  /** The question asked most often in the group (the latest on a tie). */
  question: string;
  /** Every distinct question of the group, most asked first. */
  questions: string[];
  count: number;
  kinds: Record<GapKind, number>;
  /** The closest talks found, most often first. */
  closest: Array<{ talk: string; conference?: string; file: string; count: number }>;
  /** Where they were asked, most often first. */
  origins: Array<{ origin: string; count: number }>;
  lastAsked: string;
}

/**
 * Two questions are one gap when at least half the terms of the shorter are in the other (the overlap
 * coefficient): the wordings of one question differ mostly by filler ("anyone", "quelqu'un en a parlé"),
 * which a share of all terms (Jaccard) would count against them.
 */
const SAME_GAP = 0.5;

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / Math.min(a.size, b.size);
}

const byCount = <T extends { count: number }>(items: Map<string, T>): T[] => [...items.values()].sort((x, y) => y.count - x.count);

/** Largest groups first; a record joins the first group whose first question it resembles. */
export function groupGaps(records: GapRecord[]): GapGroup[] {
  const groups: Array<{ terms: Set<string>; records: GapRecord[] }> = [];
  for (const record of records) {
    const terms = new Set(analyze(record.question));
    const home = groups.find((g) => similarity(g.terms, terms) >= SAME_GAP);
    if (home) home.records.push(record);
    else groups.push({ terms, records: [record] });
  }
  return groups.map(({ records: rs }) => summarise(rs)).sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}

function summarise(records: GapRecord[]): GapGroup {
  const questions = new Map<string, { question: string; count: number; last: string }>();
  const closest = new Map<string, { talk: string; conference?: string; file: string; count: number }>();
  const origins = new Map<string, { origin: string; count: number }>();
  const kinds: Record<GapKind, number> = { abstained: 0, downvoted: 0 };
  for (const r of records) {
    kinds[r.kind] += 1;
    const text = r.question.trim().replace(/\s+/g, ' ');
    const q = questions.get(text.toLowerCase()) ?? { question: text, count: 0, last: '' };
    q.count += 1;
    if (r.time > q.last) q.last = r.time;
    questions.set(text.toLowerCase(), q);
    for (const c of r.closest) {
      const key = `${c.file}#${c.talk ?? ''}`;
      const seen = closest.get(key) ?? { talk: c.talk ?? c.file, ...(c.conference && { conference: c.conference }), file: c.file, count: 0 };
      seen.count += 1;
      closest.set(key, seen);
    }
    const o = origins.get(r.origin) ?? { origin: r.origin, count: 0 };
    o.count += 1;
    origins.set(r.origin, o);
  }
  const asked = [...questions.values()].sort((a, b) => b.count - a.count || b.last.localeCompare(a.last));
  return {
    question: asked[0]!.question,
    questions: asked.map((q) => q.question),
    count: records.length,
    kinds,
    closest: byCount(closest).slice(0, 3),
    origins: byCount(origins),
    lastAsked: records.map((r) => r.time).sort().at(-1)!,
  };
}

// Prompts to offer someone who opens the assistant, built from what is indexed: a question about a talk
// and its speaker from the latest conferences, and the digest of the latest conference. Pure and
// platform-free; Slack shows them as the assistant's suggested prompts.
import type { TalkFields } from '../types.js';

export interface SuggestedPrompt {
  /** What the button shows. */
  title: string;
  /** What is asked when it is clicked. */
  message: string;
}

type TalkSummary = Pick<TalkFields, 'conference' | 'date' | 'talk' | 'speakers'>;

const MAX_TITLE = 75;
const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/** A talk's date, or the year in its conference's name, for ordering; conferences without either come last. */
const when = (t: TalkSummary): string => t.date ?? /\b(19|20)\d{2}\b/.exec(t.conference)?.[0] ?? '';

/** At most `max` prompts: up to `max - 1` talks with a named speaker, newest first and one per conference, then a digest. */
export function suggestPrompts(talks: TalkSummary[], max = 4): SuggestedPrompt[] {
  const newest = [...talks].sort((a, b) => when(b).localeCompare(when(a)) || a.conference.localeCompare(b.conference));
  const prompts: SuggestedPrompt[] = [];
  const conferences = new Set<string>();
  for (const t of newest) {
    if (prompts.length >= max - 1) break;
    const speaker = t.speakers[0];
    if (!speaker || !t.talk || conferences.has(t.conference)) continue;
    conferences.add(t.conference);
    prompts.push({ title: cut(`${speaker}: ${t.talk}`, MAX_TITLE), message: `What did ${speaker} say about ${t.talk}?` });
  }
  const latest = newest.find((t) => t.conference)?.conference;
  if (latest && prompts.length < max) prompts.push({ title: cut(`Digest of ${latest}`, MAX_TITLE), message: `digest ${latest}` });
  return prompts;
}

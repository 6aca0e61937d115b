// What the watcher has already posted, per digest target, so that a talk is announced once — also
// across restarts. Pure: the watcher reads and writes the JSON, this decides what is new.
//
// "The same talk" is deliberately loose, because notes get edited after they are posted:
//  - same conference and same title, whatever the body became (a typo fixed, a paragraph added);
//  - or same body, whatever the title or conference became (a heading renamed, a file moved);
// the body compared word for word once case, accents, punctuation and markup are gone, so that
// re-wrapping or re-bulleting a paragraph changes nothing. Each recorded talk stands for one talk
// only: a second "Keynote" in the day-2 file is new even though the day-1 file has one.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { foldAccents } from '../text/analyze.js';

export interface TalkIdentity {
  /** Conference key (see conferenceKey). */
  conference: string;
  /** Title, normalised. */
  title: string;
  /** sha256 of the body, normalised. */
  body: string;
}

const seenTalkSchema = z.object({ conference: z.string(), title: z.string(), body: z.string() });
const stateSchema = z.object({
  version: z.literal(1),
  targets: z.record(z.string(), z.object({ talks: z.array(seenTalkSchema) })),
});

export type DigestState = z.infer<typeof stateSchema>;

export const emptyDigestState = (): DigestState => ({ version: 1, targets: {} });

/** Throws when the file is not a digest state (the watcher decides what to do then). */
export const parseDigestState = (json: string): DigestState => stateSchema.parse(JSON.parse(json));

export const serializeDigestState = (state: DigestState): string => `${JSON.stringify(state, null, 2)}\n`;

const normalise = (text: string): string => foldAccents(text).toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';

export function talkIdentity(conferenceKey: string, title: string, body: string): TalkIdentity {
  return {
    conference: conferenceKey,
    title: normalise(title),
    body: createHash('sha256').update(normalise(body)).digest('hex').slice(0, 32),
  };
}

/**
 * Pairs each observed talk with at most one recorded talk, best evidence first: title and body,
 * then body alone, then conference and title alone. Returns, per observed talk, the index of its
 * recorded talk or -1 when it is new.
 */
function matchRecorded(recorded: readonly TalkIdentity[], observed: readonly TalkIdentity[]): number[] {
  const match = observed.map(() => -1);
  const taken = new Set<number>();
  const rules: Array<(r: TalkIdentity, o: TalkIdentity) => boolean> = [
    (r, o) => r.conference === o.conference && r.title === o.title && r.body === o.body,
    (r, o) => r.body === o.body,
    (r, o) => r.conference === o.conference && r.title === o.title,
  ];
  for (const rule of rules) {
    observed.forEach((o, i) => {
      if (match[i] !== -1) return;
      const found = recorded.findIndex((r, j) => !taken.has(j) && rule(r, o));
      if (found === -1) return;
      match[i] = found;
      taken.add(found);
    });
  }
  return match;
}

/** The observed talks that were never recorded: what a digest should announce. */
export function unseenTalks<T extends TalkIdentity>(recorded: readonly TalkIdentity[], observed: readonly T[]): T[] {
  const match = matchRecorded(recorded, observed);
  return observed.filter((_, i) => match[i] === -1);
}

/**
 * Records the observed talks: a known talk takes its current title and body (so that the next edit
 * is compared with this version), a new one is added. Talks no longer in the notes stay recorded, so
 * restoring a deleted file does not announce it again.
 */
export function recordTalks(recorded: readonly TalkIdentity[], observed: readonly TalkIdentity[]): TalkIdentity[] {
  const match = matchRecorded(recorded, observed);
  const next = recorded.map((r) => ({ ...r }));
  observed.forEach((o, i) => {
    const identity = { conference: o.conference, title: o.title, body: o.body };
    if (match[i] === -1) next.push(identity);
    else next[match[i]!] = identity;
  });
  return next;
}

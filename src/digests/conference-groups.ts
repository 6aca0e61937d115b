// Which files are notes of the same conference. People write one file per day or per part
// ("QCon London 2014, day One", "… - Part 2", "Jour 1"), so the conference a file names is compared
// once those markers are gone, ignoring case, accents and punctuation.
import { foldAccents } from '../text/analyze.js';

export interface NoteHeader {
  file: string;
  conference: string;
  date?: string;
}

export interface ConferenceGroup {
  /** Normalised name: what makes two files the same conference. */
  key: string;
  /** Display name: the shortest of the files' names once day/part markers are gone. */
  name: string;
  /** Earliest date the files state. */
  date?: string;
  /** In day order when the titles number their days, else by date then path. */
  files: string[];
}

// Accented letters are matched as written (folding could shift offsets in the original name).
const ordinalWords: Array<[pattern: string, day: number]> = [
  ['one|first|premi[eè]re?', 1],
  ['two|second|deux|deuxi[eè]me|seconde?', 2],
  ['three|third|trois|troisi[eè]me', 3],
  ['four|fourth|quatre|quatri[eè]me', 4],
  ['five|fifth|cinq|cinqui[eè]me', 5],
];
const ordinal = `(\\d{1,2}(?:st|nd|rd|th|er|e|re|[eè]me)?|${ordinalWords.map(([p]) => p).join('|')})`;
const unit = '(?:day|jour|journ[ée]e|part|partie|session)';
// "day One", "Part 2", "jour 1", "J2", "(1/2)" … and the reversed "first day", "2e jour".
const dayMarker = new RegExp(
  `\\b(?:${unit}\\s*[-#]?\\s*${ordinal}(?![\\p{L}\\p{N}])|j\\s?(\\d)\\b|${ordinal}\\s+${unit}(?![\\p{L}\\p{N}])|\\(?\\s*(\\d)\\s*/\\s*\\d\\s*\\)?\\s*$)`,
  'iu',
);

const numberOf = (token: string | undefined): number | undefined => {
  if (!token) return undefined;
  const digits = token.match(/^\d+/);
  if (digits) return Number(digits[0]);
  return ordinalWords.find(([pattern]) => new RegExp(`^(?:${pattern})$`, 'iu').test(token))?.[1];
};

/**
 * The conference name without its day/part marker, as written (case kept). A marker that starts the
 * name only removes itself ("Day 1 - dotJS" → "dotJS"); elsewhere the rest of the title goes with it,
 * as it describes the day rather than the conference ("PyCon Day 2: Really Day 1" → "PyCon").
 */
export function withoutDayMarker(name: string): { name: string; day?: number } {
  const match = dayMarker.exec(name);
  if (!match) return { name: name.trim() };
  const day = numberOf(match[1] ?? match[2] ?? match[3] ?? match[4]);
  const before = name.slice(0, match.index).replace(/[\s,:;.\-–—(|]+$/u, '');
  const rest = before.match(/[\p{L}\p{N}]/u) ? before : name.slice(match.index + match[0].length).replace(/^[\s,:;.\-–—)|]+/u, '');
  return { name: rest.trim() || name.trim(), day };
}

/** What two names of the same conference share: folded, lower-cased, punctuation gone, marker gone. */
export function conferenceKey(name: string): string {
  return foldAccents(withoutDayMarker(name).name).toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? '';
}

export function groupConferences(notes: NoteHeader[]): ConferenceGroup[] {
  const byKey = new Map<string, Array<NoteHeader & { day?: number; shortName: string }>>();
  for (const note of notes) {
    const { name, day } = withoutDayMarker(note.conference);
    const key = conferenceKey(note.conference);
    byKey.set(key, [...(byKey.get(key) ?? []), { ...note, day, shortName: name }]);
  }
  return [...byKey].map(([key, members]) => {
    const ordered = [...members].sort(
      (a, b) =>
        (a.day ?? Infinity) - (b.day ?? Infinity) || (a.date ?? '').localeCompare(b.date ?? '') || a.file.localeCompare(b.file),
    );
    const dates = members.map((m) => m.date).filter((d): d is string => d !== undefined).sort();
    const name = members.map((m) => m.shortName).sort((a, b) => a.length - b.length || a.localeCompare(b))[0]!;
    return { key, name, ...(dates[0] !== undefined && { date: dates[0] }), files: ordered.map((m) => m.file) };
  });
}

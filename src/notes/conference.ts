// Conference name and date of a note. Titles are blog titles ("QCon London 2014, day One", "Retour sur
// le Mix-IT 2015 (Lyon)", "Mon Devoxx 2022 à moi !"): the conference name is what identifies the event,
// so that several day files of one conference group under one name. The full title is kept apart.
import { MONTH_NAMES, SHORT_DATE_NAMES, WEEKDAY_NAMES } from '../text/calendar-words.js';
import { foldAccents, snowballStopwords } from '../text/analyze.js';
import { NOTE_EXTENSIONS } from './read-notes.js';

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;
const LEAD_FILLER =
  /^(?:(?:my|mon|ma|mes|notes?|retour|retours|feedback|compte[- ]rendu|report|recap|wrap[- ]up|summary|highlights|conf[ée]rence)\b\s*(?:(?:on|from|for|of|at|sur|de|du|des|à)\s+)?(?:(?:the|la|le|les)\s+|l['’])?)+/i;
// A title that opens on a date ("Jeudi 18 Avril, Devoxx France 2019") names the day before the event.
const DAY = String.raw`\d{1,2}(?:er|st|nd|rd|th)?`;
const LEAD_DATE = new RegExp(
  String.raw`^(?:(?:${WEEKDAY_NAMES}),?\s+)?(?:${DAY}\s+(?:${MONTH_NAMES})|(?:${MONTH_NAMES})\s+${DAY})\s*[,:–—-]\s*(?=\S)`,
  'iu',
);
const POSSESSIVE = /^\p{Lu}[\p{L}-]*['’]s\s+/u;
const DAY_SUFFIX = /[\s,:–—-]+(?:day|jour|journée|part|partie)\s*(?:\d+|one|two|three|four|un|deux|trois|1st|2nd|3rd)\b.*$/i;
const SUBTITLE = /\s+[-–—|]\s+|\s*:\s+|\s+[!?]|[!?]$/;
// "HarbourConf (Lisbonne, 12 mars 2031)": the year in parentheses dates the event named before them.
const YEAR_IN_PARENS = /\s*\([^()]*?(?<!\d)((?:19|20)\d{2})(?!\d)[^()]*\)/u;

/**
 * "QCon London 2014, day One" → "QCon London 2014"; "strangeloop: it's a wrap" with 2023 as
 * `fallbackYear` → "strangeloop 2023" (the year tells two editions apart).
 */
export function conferenceName(title: string, fallbackYear?: string): string {
  const name = eventNameIn(title) || title.trim();
  if (YEAR.test(name) || !fallbackYear) return name;
  // With the note's year after it, a title's words leading to the event go as they do before a written
  // year, where the word before the function word is the title's own, in lower case ("Ma première
  // participation à HarbourConf"). Without a year of its own, a title may name the event with its place
  // ("#breadtour de Lille", "Bakers Guild à Lyon"): a name before the function word keeps it whole.
  return capitalisedBeforeYear(`${name} ${fallbackYear}`, (before) => before !== undefined && !named(before));
}

/** A title that names no event once its filler is gone ("Notes", "Mes notes", "Highlights"), or only a date. */
export const namesNoEvent = (title: string): boolean => eventNameIn(title) === '' || isDateOnly(title);

const DATE_NAME = new RegExp(`^(?:${WEEKDAY_NAMES}|${MONTH_NAMES}|${SHORT_DATE_NAMES})\\.?,?$`, 'iu');
/**
 * A date and time as a clock prints it ("Fri Mar 15 13:55:11 EDT 2013", "Mardi 12 mars 2031"): day and
 * month names, numbers, and a time zone's capitals. A live log's first entry, no event's name.
 */
function isDateOnly(title: string): boolean {
  const tokens = title.trim().split(/\s+/);
  return tokens.some((token) => DATE_NAME.test(token)) && tokens.every((token) => DATE_NAME.test(token) || /^\d[\d:.,/-]*$/u.test(token) || /^\p{Lu}{3,4}$/u.test(token));
}

/** The event a title names, without filler, dates or subtitle; empty when nothing is left. */
function eventNameIn(title: string): string {
  // A file or folder name glues the edition to the event: "re-invent2018", "kubecon18" (two digits after a
  // word, as people shorten this century's years; "ie11" or "k8s" are too short a word to be an event).
  const spaced = /\s/.test(title.trim())
    ? title
    : title
        .replace(/[-_]+/g, ' ')
        .replace(/(\p{L})((?:19|20)\d{2})(?!\d)/gu, '$1 $2')
        .replace(/(\p{L}{3,})(\d{2})(?![\p{L}\p{N}])/gu, '$1 20$2');
  // Markup left unclosed in a title ("# **Notes from…") is no part of the name.
  let name = spaced.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim().replace(/^[^\p{L}\p{N}]+/u, '').replace(LEAD_DATE, '').replace(LEAD_FILLER, '').replace(POSSESSIVE, '').replace(YEAR_IN_PARENS, ' $1');
  const year = YEAR.exec(name);
  if (year && year.index > 0) name = capitalisedBeforeYear(name.slice(0, year.index + 4));
  else if (!year) name = name.split(SUBTITLE)[0]!.replace(DAY_SUFFIX, '');
  return name.replace(/[\s,.:;–—-]+$/, '').trim();
}

/**
 * The event's name where a title leads to it with words of its own ("Back from HarbourConf Lisbon 2031",
 * "A week at HarbourConf 2031"): from the last function word on, the words before the year are
 * capitalised, as an event's name is written. A name in lower case ("harbourconf lisbon 2031") is kept whole,
 * and so is a function word written with a capital past the first word: it is part of the name ("The Best
 * Of Bread 2031").
 */
function capitalisedBeforeYear(name: string, leadsIn: (before: string | undefined) => boolean = () => true): string {
  const words = name.split(' ');
  const lead = words.map((word, i) => (i === 0 || !named(word)) && snowballStopwords.has(foldAccents(word.toLowerCase()))).lastIndexOf(true);
  const dropped = lead >= 0 && lead < words.length - 2 && words.slice(lead + 1, -1).every(named) && leadsIn(words[lead - 1]);
  return dropped ? words.slice(lead + 1).join(' ') : name;
}

/** A word written as a name: with a capital, or as a hashtag or a handle. */
const named = (word: string): boolean => /\p{Lu}/u.test(word) || /^[#@]/u.test(word);

const yearIn = (text: string): string | undefined => YEAR.exec(text)?.[1];

/** Jekyll/Hugo file names start with the post date: `2015-08-04-qcon-new-york.md`. */
const FILE_DATE = /(?:^|\/)((?:19|20)\d{2}-\d{2}-\d{2})[^/]*$/;

/** The front matter date, else the date in the file name, else a year in the title or the path. */
export function noteDate(frontMatterDate: string | undefined, title: string | undefined, file: string): string | undefined {
  return frontMatterDate ?? FILE_DATE.exec(file)?.[1] ?? yearIn(title ?? '') ?? yearIn(file);
}

/** A file or folder name that gives an edition: "kubecon-2018", "re-invent2018", "kubecon18". */
const givesEdition = (name: string): boolean => YEAR.test(conferenceName(name));

/** The folders a note sits in, nearest first. */
const ancestors = (file: string): string[] => file.split('/').slice(0, -1).reverse();

/** Any of the extensions notes are read from, ending a file's name. */
const NOTE_EXTENSION = new RegExp(`(?:${NOTE_EXTENSIONS.map((extension) => extension.replace('.', '\\.')).join('|')})$`, 'iu');

/** The file's name, without its extension and the post date it may open with (the note's date, not its name). */
const baseName = (file: string): string =>
  file
    .replace(NOTE_EXTENSION, '')
    .split('/')
    .at(-1)!
    .replace(/^(?:19|20)\d{2}-\d{2}-\d{2}[-_ ](?=.)/, '');

/**
 * File name, or its folder when only a folder gives the edition: `reinvent-2019-notes/DOP328-….md`,
 * `kubecon-2018/day1/notes.md`, `kubecon18/notes.md`. A folder that names nothing but its year ("2019",
 * "notes-2019") only dates the event the file's name names (`noteDate` reads the year from the path):
 * `2019/pycon.md` is PyCon, and `2019/jsconf.md` another event of that year.
 */
export function titleFromPath(file: string): string {
  const base = baseName(file);
  const folder = ancestors(file).find(givesEdition);
  return !givesEdition(base) && folder && !isOpaqueName(folder) ? folder : base;
}

/**
 * Where a note's path names its event: the nearest folder that gives an edition ("re-invent2018" of
 * "re-invent2018/tue/dat401.md"), else the file's own name when it gives one ("kubecon-2018-day-1.md"),
 * else the nearest folder with a letter (the "qcon" of "2014/qcon/day2.md"). A name of a part of an
 * event (`namesPart`: "Day 1", "Lightning talks") names none. Undefined when no name does.
 */
export function eventInPath(file: string, namesPart: (name: string) => boolean): string | undefined {
  const namesEvent = (name: string): boolean => /\p{L}/u.test(name) && !namesPart(conferenceName(name));
  const folders = ancestors(file).filter(namesEvent);
  const base = baseName(file);
  return [...folders, ...(namesEvent(base) ? [base] : [])].find(givesEdition) ?? folders[0];
}

/** A file name that names nothing: an export's hash or number ("000_4a899a7cd1601ca1"), "untitled". */
export function isOpaqueName(name: string): boolean {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const opaque = (w: string): boolean =>
    /^\d+$/.test(w) || (w.length >= 6 && /^[0-9a-f]+$/.test(w) && /\d/.test(w)) || /^(?:untitled|sans|titre|notes?)$/.test(w);
  return words.every(opaque);
}

// An event's name as notes write it: a word with a capital inside ("dotScale", "QCon", "MiXiT") or up to three
// capitalised words ("Devoxx France").
const EVENT = String.raw`(\p{L}[\p{L}\d.-]*\p{Lu}[\p{L}\d.-]*|\p{Lu}[\p{L}\d.-]+(?:\s+\p{Lu}[\p{L}\d.-]+){0,2})`;
const YEAR_AFTER = String.raw`(?:\s+((?:19|20)\d{2}))?`;
const EVENT_CUES = [
  // "Première édition de dotScale", "the second edition of Devoxx"
  new RegExp(String.raw`(?<!\p{L})[ée]dition\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’]|of\s+(?:the\s+)?)${EVENT}${YEAR_AFTER}`, 'u'),
  // "at Devoxx France 2019", "à la QCon 2014": an event with its year
  new RegExp(String.raw`(?<!\p{L})(?:at|à|au)\s+(?:la\s+|le\s+|l['’]|the\s+)?${EVENT}\s+((?:19|20)\d{2})\b`, 'u'),
];

/**
 * The event an untitled note's opening prose names ("Première édition de dotScale, …"), with its year
 * when one follows; undefined when it names none. For notes whose file name names nothing either.
 */
export function eventNamedIn(prose: string): string | undefined {
  for (const cue of EVENT_CUES) {
    const match = cue.exec(prose);
    if (match) return match[2] ? `${match[1]} ${match[2]}` : match[1];
  }
  return undefined;
}

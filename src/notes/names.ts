// Recognising people and organisations in headings and lead lines. Deliberately strict: a wrong
// speaker shown next to a quote misleads more than a missing one, so anything unsure is no name.
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { foldAccents } from '../text/analyze.js';
import firstNames from './first-names.json' with { type: 'json' };

const PARTICLES = new Set(['de', 'du', 'da', 'des', 'van', 'von', 'der', 'den', 'di', 'del', 'dos', 'le', 'la', 'ter', 'bin']);
const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|maître|me)\.?\s+/i;

/** Capitalised words that start headings but are never part of a person's name. */
const NOT_NAME = new Set([
  'keynote', 'talk', 'talks', 'day', 'jour', 'journée', 'intro', 'introduction', 'conclusion', 'panel', 'bonus', 'notes',
  'update', 'project', 'community', 'session', 'sessions', 'workshop', 'demo', 'summary', 'overview', 'lightning',
  'hands-on', 'closing', 'opening', 'welcome', 'agenda', 'history', 'future', 'services', 'service', 'cloud', 'data',
  'web', 'api', 'apis', 'security', 'performance', 'architecture', 'kubernetes', 'docker', 'serverless', 'microservices',
]);
const STOPWORDS = new Set([...englishStopwords, ...frenchStopwords].filter((w) => !PARTICLES.has(w)));

const ROLE = new RegExp(
  '\\b(?:engineer|engineering|developer|développeu(?:r|se)|dev|manager|director|directeur|directrice|head|lead|cto|ceo|cio|vp|founder|co-founder|' +
    'fondat(?:eur|rice)|architect|architecte|consultant|evangelist|advocate|principal|senior|staff|chief|guru|technologist|' +
    'scientist|researcher|chercheu(?:r|se)|designer|owner|president|intern|ingénieur|ingénieure|employée?|coach|freelance|support|' +
    'professor|professeur|maintainer|contributor|sre|writer|rédact(?:eur|rice)|analyst|specialist|strategist|partner|member)\\b',
  'i',
);
const LEGAL_SUFFIX = /^(?:inc|ltd|llc|gmbh|sa|sas|sarl|corp|plc|bv|ag)\.?$/i;

/** "Senior Staff Engineer, VMWare"; not a talk title that happens to contain such a word ("…, But You May Need To Sell It."). */
export const isRole = (text: string): boolean => ROLE.test(text) && text.split(/\s+/).length <= 8 && !/[?.!]$/.test(text.trim());

const FIRST_TOKEN = /^\p{Lu}(?:\p{Ll}[\p{L}'’-]*)?\.?$/u;
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)$/u;

/** "Daniel Larsen", "Christophe JOLLIVET", "Courtney W. Nash", "Dr. Franziska Hinkelmann"; not "Getting Started", not "Pinterest". */
export function isPersonName(text: string): boolean {
  const tokens = text.trim().replace(HONORIFIC, '').split(/\s+/);
  if (tokens.length < 2 || tokens.length > 4) return false;
  const first = tokens[0]!;
  const last = tokens.at(-1)!;
  // A gerund opens titles ("Landing Zone" no, "Managing Complexity"), not first names.
  if (!FIRST_TOKEN.test(first) || !NAME_TOKEN.test(last) || last.endsWith('.') || /^\p{L}{3,}ing$/u.test(first)) return false;
  return tokens.every((token, i) => {
    const lower = token.toLowerCase();
    // A surname may spell a function word ("Anne He", "Paul Do"): after a given name, it is one.
    const surnameAfterGiven = i === tokens.length - 1 && i > 0 && opensOnGivenName(first);
    if ((token.length > 1 && STOPWORDS.has(lower) && !surnameAfterGiven) || NOT_NAME.has(lower)) return false;
    return NAME_TOKEN.test(token) || (i > 0 && i < tokens.length - 1 && PARTICLES.has(token));
  });
}

export const stripHonorific = (name: string): string => name.trim().replace(HONORIFIC, '');

let givenNames: ReadonlySet<string> | undefined;
const isGivenName = (word: string): boolean => (givenNames ??= new Set(firstNames.names.split('\n'))).has(word);

/**
 * A name that opens on a given name (scripts/first-names.mjs): "Jeanne Levain", "Jean-Paul Fournier", not
 * "Part Two" or "Salle Bleue". Evidence of a person where nothing else on the line is: many speakers'
 * given names are in no list, so a name without one is not thereby no one.
 */
export function opensOnGivenName(name: string): boolean {
  const first = foldAccents(stripHonorific(name).split(/\s+/)[0]!).toLowerCase();
  return isGivenName(first) || (first.includes('-') && first.split('-').every(isGivenName));
}

/** An organisation as written after a name: "Weaveworks", "Microsoft NZ", "Expedia Inc.", not a sentence or a role. */
export function isOrganisation(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return tokens.length >= 1 && tokens.length <= 4 && /^[\p{Lu}\p{N}]/u.test(text.trim()) && !isRole(text) && !/[?!:]/.test(text);
}

export interface People {
  speakers: string[];
  companies: string[];
}

const JOINER = /\s+(?:&|and|et)\s+/i;
/** Text, then what it ends on in parentheses: "Name (Company)", "Title (Name, Company)". */
export const WITH_PARENS = /^(.*?)\s*\(([^()]+)\)$/;

/**
 * Parses "Name", "Name & Name", "A, B et C", "Name (Company)", "Name, Company", "Name, Company @handle",
 * "A & B, Company", "A, Company & B, Company". Undefined unless it is entirely such a list with at least
 * one person: "Title words" never parse.
 */
export function parsePeople(text: string): People | undefined {
  const atCompany = withCompanyAfterAt(text);
  if (atCompany) return atCompany;
  const cleaned = text
    .replace(/\bby\s+@\S*/gi, ' ')
    .replace(/@[\w.-]*/g, ' ')
    .replace(/[`*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;.]+$/, '');
  if (cleaned === '') return undefined;
  if (!JOINER.test(cleaned)) return listedPeople(cleaned, false);
  // A joined list names people ("A, B et C"), or joins people each with a company ("A & B, Company").
  return listedPeople(cleaned, true) ?? peopleOfEach(cleaned.split(JOINER));
}

const COMMA = /\s*,\s*/;
const COMMA_OR_JOINER = new RegExp(`${COMMA.source}|${JOINER.source}`, 'i');

/** The items of a comma list (and of its joiners, when `joined`): the people, then the company of the last. */
function listedPeople(list: string, joined: boolean): People | undefined {
  const items = list.split(joined ? COMMA_OR_JOINER : COMMA).filter(Boolean);
  const people = nobody();
  for (const [i, item] of items.entries()) {
    const [, bare = item, inParens] = WITH_PARENS.exec(item) ?? [];
    // After the first, an item is the company ("Name, Company") unless the list is joined ("A, B et C") or
    // the item opens on a given name ("Jeanne Levain, Paul Fournier").
    if (i === 0 || joined || (isPersonName(bare) && opensOnGivenName(bare))) {
      if (!isPersonName(bare)) return undefined;
      people.speakers.push(stripHonorific(bare));
      if (inParens) addCompany(people, companyOfRole(inParens) ?? (isOrganisation(inParens) ? inParens : undefined));
    } else if (LEGAL_SUFFIX.test(item) && people.companies.length > 0) {
      people.companies.push(`${people.companies.pop()!}, ${item}`);
    } else if (isOrganisation(item)) {
      addCompany(people, item);
    } else if (!isRole(item)) {
      return undefined;
    }
  }
  return people.speakers.length > 0 ? people : undefined;
}

/** No one, to add people to. */
export const nobody = (): People => ({ speakers: [], companies: [] });

/** The people of both, each once. */
export const mergePeople = (a: People, b: People): People => ({
  speakers: [...new Set([...a.speakers, ...b.speakers])],
  companies: [...new Set([...a.companies, ...b.companies])],
});

/** The people the texts name, when each names some: the lines of a byline, the groups of a joined list. */
export function peopleOfEach(texts: readonly string[]): People | undefined {
  const each = texts.map((text) => parsePeople(text));
  return each.length > 0 && each.every((p) => p !== undefined) ? each.reduce((all, p) => mergePeople(all, p), nobody()) : undefined;
}

const COMPANY = String.raw`(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,2})`;
const HANDLE = String.raw`\(@[\w.-]+\)`;
const AT_COMPANY = new RegExp(String.raw`^(.+?)\s+@(?:\s+${COMPANY}(?:\s*${HANDLE})?|${COMPANY}\s*${HANDLE})$`, 'u');

/** "Name @ Company" and "Name @Company (@handle)": the company follows the at sign. "Name @handle" alone is a handle. */
function withCompanyAfterAt(text: string): People | undefined {
  const match = AT_COMPANY.exec(text.trim());
  const people = match ? parsePeople(match[1]!) : undefined;
  return people && people.companies.length === 0 ? { speakers: people.speakers, companies: [(match![2] ?? match![3])!] } : undefined;
}

function addCompany(people: People, company: string | undefined): void {
  const name = company?.trim();
  if (name && !people.companies.includes(name)) people.companies.push(name);
}

/** "Principal Software Engineer at Google" → Google; "Senior Staff Engineer, VMWare" → VMWare; "Chaos Engineer on the Netflix platform" → none. */
export function companyOfRole(role: string): string | undefined {
  const at = /\b(?:at|chez|@)\s+(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,2})\s*$/u.exec(role);
  if (at) return at[1];
  const comma = /,\s*([^,]+)$/.exec(role);
  return comma && isRole(role.slice(0, comma.index)) && isOrganisation(comma[1]!) ? comma[1]!.trim() : undefined;
}

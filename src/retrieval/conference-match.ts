// Notices which indexed conferences a question names ("quels talks à dotScale ?", "qcon london 2014",
// "blend 2016").
import { foldAccents, snowballStopwords, words } from '../text/analyze.js';

const key = (text: string): string[] => words(foldAccents(text)).filter((w) => !/^\d+$/.test(w) || w.length === 4);

const isYear = (w: string): boolean => /^\d{4}$/.test(w);

// A two-letter code the runtime's locale data names as a country or a region ("fr", "uk", "eu"); CLDR
// names "zz" too, as the unknown region.
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const namesRegion = (code: string): boolean => /^[a-z]{2}$/.test(code) && code !== 'zz' && regions.of(code.toUpperCase()) !== undefined;

/**
 * The same name word, or one written with its country glued on ("devoxxfr" for "devoxx", "pyconuk" for
 * "pycon"), as folders and file names write editions. The name keeps four letters: "mixit" is no "mix".
 */
function sameNameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 4 && long.length === short.length + 2 && long.startsWith(short) && namesRegion(long.slice(-2)));
}
const hasNameWord = (words: readonly string[], word: string): boolean => words.some((w) => sameNameWord(w, word));

/** Whether a question's words (`key`) carry all of a conference's name words, or them written as one ("mix it"). */
function carriesWordsOf(asked: readonly string[], conference: string): boolean {
  const nameWords = key(conference).filter((w) => !isYear(w));
  return nameWords.length > 0 && (nameWords.every((w) => hasNameWord(asked, w)) || asked.join('').includes(nameWords.join('')));
}

/**
 * The years a question asks: its four-digit ones, or, when it has none and names a conference by its
 * words, its two-digit numbers that end the year of one of that conference's editions, as people write
 * "kubecon 18" or "strange loop 23". Elsewhere two digits are an amount ("18 minute talks").
 */
export function yearsAsked(question: string, conferences: readonly string[]): string[] {
  const asked = key(question);
  const years = asked.filter(isYear);
  if (years.length > 0) return years;
  const editionYears = new Set(conferences.filter((conference) => carriesWordsOf(asked, conference)).flatMap((conference) => key(conference).filter(isYear)));
  return words(question).flatMap((w) => (/^\d{2}$/.test(w) && editionYears.has(`20${w}`) ? [`20${w}`] : []));
}

/**
 * A conference is named when the question contains its distinctive words: all of its non-year words
 * in order-free form (years, when the question gives one, must match too). "MiXiT" and "mix it" are
 * matched through a spaceless form. A name without a year gives way to the edition of the year asked
 * that carries it with more words: "dotscale 2017" asks for "DotScale Paris 2017", not for notes named
 * "dotScale" that may be of any year; without a year, every conference carrying the name is named, and
 * with one, every conference of that year carrying it.
 * Failing all that, the name in part (see `namedInPart`).
 */
export function conferencesNamedIn(question: string, conferences: string[]): string[] {
  const asked = key(question);
  const askedYears = yearsAsked(question, conferences);
  const named = conferences.filter((conference) => {
    const nameYears = key(conference).filter(isYear);
    const yearsMatch = askedYears.length === 0 || nameYears.length === 0 || nameYears.some((y) => askedYears.includes(y));
    return carriesWordsOf(asked, conference) && yearsMatch;
  });
  if (named.length === 0) return namedInPart(asked, askedYears, conferences);
  const ofYearAsked = (conference: string): boolean => askedYears.length === 0 || key(conference).some((w) => askedYears.includes(w));
  const chosen = new Set(
    named.flatMap((conference) => {
      const editions = editionsAsked(conference, conferences, askedYears);
      if (editions.length > 0) return editions;
      // Without a year, "qcon" names QCon London 2014 and QCon New York 2015 as much as QCon 2012; with
      // one, "qcon 2012" names QCon London 2012 as much as QCon 2012: notes name one event in many ways.
      return conferences.filter((other) => other === conference || (carriesName(other, conference) && ofYearAsked(other)));
    }),
  );
  return conferences.filter((conference) => chosen.has(conference));
}

/** Whether `conference`'s name has every word of `name` but its year ("QCon London 2014" has "QCon 2012"'s). */
function carriesName(conference: string, name: string): boolean {
  const words = key(conference);
  return key(name).every((w) => isYear(w) || hasNameWord(words, w));
}

/**
 * A conference named in part, as questions shorten long names ("blend 2016" for "Blend Web Mix 2016",
 * "velocity eu 2015", "leaddev ldn 2023"): the question gives the edition's year and one of its name
 * words, and no other conference of that year shares a name word with the question.
 */
function namedInPart(asked: readonly string[], askedYears: readonly string[], conferences: readonly string[]): string[] {
  const sharing = conferences.filter((conference) => {
    const name = key(conference);
    return name.some((w) => askedYears.includes(w)) && name.some((w) => !isYear(w) && !snowballStopwords.has(w) && hasNameWord(asked, w));
  });
  return sharing.length === 1 ? sharing : [];
}

/** The editions of a conference named without a year ("dotScale") that carry one of the years asked ("DotScale Paris 2017"). */
function editionsAsked(undated: string, conferences: readonly string[], askedYears: readonly string[]): string[] {
  const words = key(undated);
  if (askedYears.length === 0 || words.some(isYear)) return [];
  return conferences.filter((conference) => {
    const name = key(conference);
    return name.some((w) => askedYears.includes(w)) && carriesName(conference, undated);
  });
}

/**
 * Conferences of which the question asks about another edition: "dotscale 2014" is not about "DotScale
 * Paris 2017". A conference counts when the question has one of its name words and a year, and none of
 * the question's years is the conference's; one without a year counts when an edition of the year asked
 * carries its name ("dotScale" when "dotscale 2017" asks for "DotScale Paris 2017").
 */
export function otherEditionsIn(question: string, conferences: string[]): string[] {
  const asked = key(question);
  const askedYears = yearsAsked(question, conferences);
  if (askedYears.length === 0) return [];
  return conferences.filter((conference) => {
    const name = key(conference);
    const years = name.filter(isYear);
    const sharesName = name.some((w) => !/^\d+$/.test(w) && w.length >= 4 && hasNameWord(asked, w));
    if (!sharesName) return false;
    return years.length > 0 ? !years.some((y) => askedYears.includes(y)) : editionsAsked(conference, conferences, askedYears).length > 0;
  });
}

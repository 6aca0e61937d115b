// Notices which indexed conferences a question names ("quels talks à dotScale ?", "qcon london 2014",
// "blend 2016").
import { foldAccents, snowballStopwords, words } from '../text/analyze.js';

const key = (text: string): string[] => words(foldAccents(text)).filter((w) => !/^\d+$/.test(w) || w.length === 4);

const isYear = (w: string): boolean => /^\d{4}$/.test(w);

/**
 * A conference is named when the question contains its distinctive words: all of its non-year words
 * in order-free form (years, when the question gives one, must match too). "MiXiT" and "mix it" are
 * matched through a spaceless form. A name without a year gives way to the edition of the year asked
 * that carries it with more words: "dotscale 2017" asks for "DotScale Paris 2017", not for notes named
 * "dotScale" that may be of any year; without a year, every conference carrying the name is named.
 * Failing all that, the name in part (see `namedInPart`).
 */
export function conferencesNamedIn(question: string, conferences: string[]): string[] {
  const asked = key(question);
  const askedSet = new Set(asked);
  const askedJoined = asked.join('');
  const askedYears = asked.filter(isYear);
  const named = conferences.filter((conference) => {
    const name = key(conference);
    const nameWords = name.filter((w) => !isYear(w));
    const nameYears = name.filter(isYear);
    if (nameWords.length === 0) return false;
    const wordsMatch = nameWords.every((w) => askedSet.has(w)) || askedJoined.includes(nameWords.join(''));
    const yearsMatch = askedYears.length === 0 || nameYears.length === 0 || nameYears.some((y) => askedYears.includes(y));
    return wordsMatch && yearsMatch;
  });
  if (named.length === 0) return namedInPart(asked, conferences);
  const chosen = new Set(
    named.flatMap((conference) => {
      const editions = editionsAsked(conference, conferences, askedYears);
      if (editions.length > 0) return editions;
      // Without a year, "qcon" names QCon London 2014 and QCon New York 2015 as much as QCon 2012.
      return askedYears.length === 0 ? conferences.filter((other) => carriesName(other, conference)) : [conference];
    }),
  );
  return conferences.filter((conference) => chosen.has(conference));
}

/** Whether `conference`'s name has every word of `name` but its year ("QCon London 2014" has "QCon 2012"'s). */
function carriesName(conference: string, name: string): boolean {
  const words = key(conference);
  return key(name).every((w) => isYear(w) || words.includes(w));
}

/**
 * A conference named in part, as questions shorten long names ("blend 2016" for "Blend Web Mix 2016",
 * "velocity eu 2015", "leaddev ldn 2023"): the question gives the edition's year and one of its name
 * words, and no other conference of that year shares a name word with the question.
 */
function namedInPart(asked: readonly string[], conferences: readonly string[]): string[] {
  const askedYears = asked.filter(isYear);
  const sharing = conferences.filter((conference) => {
    const name = key(conference);
    return name.some((w) => askedYears.includes(w)) && name.some((w) => !isYear(w) && !snowballStopwords.has(w) && asked.includes(w));
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
  const asked = new Set(key(question));
  const askedYears = [...asked].filter(isYear);
  if (askedYears.length === 0) return [];
  return conferences.filter((conference) => {
    const name = key(conference);
    const years = name.filter(isYear);
    const sharesName = name.some((w) => !/^\d+$/.test(w) && w.length >= 4 && asked.has(w));
    if (!sharesName) return false;
    return years.length > 0 ? !years.some((y) => askedYears.includes(y)) : editionsAsked(conference, conferences, askedYears).length > 0;
  });
}

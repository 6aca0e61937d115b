// Weekday and month names in the notes' two languages, from the runtime's locale data (ICU) rather than
// a list of ours: titles open on a date ("Jeudi 18 Avril, Devoxx France 2019"), sections on a day.

const namesOf = (options: Intl.DateTimeFormatOptions, dates: Date[]): string[] =>
  ['en', 'fr'].flatMap((locale) => dates.map(new Intl.DateTimeFormat(locale, options).format));

/** "Monday|…|lundi|…", for a regular expression (no group of its own). */
export const WEEKDAY_NAMES = namesOf({ weekday: 'long' }, Array.from({ length: 7 }, (_, i) => new Date(2020, 5, i + 1))).join('|');

/** "January|…|janvier|…", for a regular expression (no group of its own). */
export const MONTH_NAMES = namesOf({ month: 'long' }, Array.from({ length: 12 }, (_, i) => new Date(2020, i, 1))).join('|');

/** The short forms too ("Fri", "Mar", "ven.", "mars"), as a date prints them. */
export const SHORT_DATE_NAMES = [
  ...namesOf({ weekday: 'short' }, Array.from({ length: 7 }, (_, i) => new Date(2020, 5, i + 1))),
  ...namesOf({ month: 'short' }, Array.from({ length: 12 }, (_, i) => new Date(2020, i, 1))),
]
  .map((name) => name.replace(/\.$/, ''))
  .join('|');

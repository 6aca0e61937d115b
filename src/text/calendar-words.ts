// Weekday and month names in the notes' two languages, from the runtime's locale data (ICU) rather than
// a list of ours: titles open on a date ("Jeudi 18 Avril, Devoxx France 2019"), sections on a day.

const namesOf = (options: Intl.DateTimeFormatOptions, dates: Date[]): string[] =>
  ['en', 'fr'].flatMap((locale) => dates.map(new Intl.DateTimeFormat(locale, options).format));

// A week of days (1 June 2020 was a Monday) and a year of months.
const WEEK = Array.from({ length: 7 }, (_, i) => new Date(2020, 5, i + 1));
const MONTHS = Array.from({ length: 12 }, (_, i) => new Date(2020, i, 1));

/** "Monday|…|lundi|…", for a regular expression (no group of its own). */
export const WEEKDAY_NAMES = namesOf({ weekday: 'long' }, WEEK).join('|');

/** "January|…|janvier|…", for a regular expression (no group of its own). */
export const MONTH_NAMES = namesOf({ month: 'long' }, MONTHS).join('|');

/** The short forms too ("Fri", "Mar", "ven", "mars"), as a date prints them, without their full stop. */
export const SHORT_DATE_NAMES = [...namesOf({ weekday: 'short' }, WEEK), ...namesOf({ month: 'short' }, MONTHS)]
  .map((name) => name.replace(/\.$/, ''))
  .join('|');

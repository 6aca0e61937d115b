// The words that name units of measure in English and French ("years", "ans", "Mo", "minutes") and
// currencies ("euros", "dollars", "USD"), as the Unicode CLDR writes them: through Intl, whose locale data
// Node carries (full ICU). A hand-written list would miss what CLDR knows ("mégaoctets", "mths") and need a
// source of its own.
import { foldAccents, snowballStopwords } from './analyze.js';

/**
 * What an amount measures when its unit says so: a time ("2 years", "18 minutes"), a size ("53 Mo"), a
 * share ("5 percent") or a price ("99 €").
 */
export type Measure = 'duration' | 'size' | 'share' | 'price';

// ECMA-402's units by their CLDR category, the prefix of a unit's full id ("duration-day",
// "digital-megabyte", "length-meter", "concentr-percent"). Temperatures measure none of them.
const UNITS: Readonly<Record<Exclude<Measure, 'price'>, readonly string[]>> = {
  duration: ['nanosecond', 'microsecond', 'millisecond', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year'],
  size: [
    // digital
    'bit', 'byte', 'kilobit', 'kilobyte', 'megabit', 'megabyte', 'gigabit', 'gigabyte', 'terabit', 'terabyte', 'petabyte',
    // length, area
    'millimeter', 'centimeter', 'meter', 'kilometer', 'inch', 'foot', 'yard', 'mile', 'acre', 'hectare',
    // volume, mass
    'milliliter', 'liter', 'fluid-ounce', 'gallon', 'gram', 'kilogram', 'ounce', 'pound', 'stone',
  ],
  share: ['percent'],
};

const LOCALES = ['en', 'fr'];

/** The text Intl writes for the unit or currency of a number formatted with `options`. */
const partWritten = (locale: string, options: Intl.NumberFormatOptions, count: number, type: 'unit' | 'currency'): string =>
  new Intl.NumberFormat(locale, options)
    .formatToParts(count)
    .filter((p) => p.type === type)
    .map((p) => p.value)
    .join('');

/**
 * The one-word names of a measure's units, singular and plural, long and short, lower-cased without
 * accents. A short name that is also a function word ("in" for inches) would read "2 in 3 users" as a
 * length: it is left out. Long names are words of their own ("an", a year in French).
 */
function unitNames(measure: Exclude<Measure, 'price'>): ReadonlySet<string> {
  const names = new Set<string>();
  const supported = new Set(Intl.supportedValuesOf('unit'));
  for (const unit of UNITS[measure].filter((u) => supported.has(u)))
    for (const locale of LOCALES)
      for (const unitDisplay of ['long', 'short'] as const)
        for (const count of [1, 5]) {
          const name = foldAccents(partWritten(locale, { style: 'unit', unit, unitDisplay }, count, 'unit').toLowerCase()).replace(/\.$/u, '');
          if (!/^\p{L}+$/u.test(name)) continue;
          if (unitDisplay === 'short' && (name.length < 2 || snowballStopwords.has(name))) continue;
          names.add(name);
        }
  return names;
}

/**
 * The words of ISO 4217's currencies as CLDR names them in English and French, in the plural ("euros",
 * "dollars" of "US dollars", "francs"), and their codes ("usd"), lower-cased without accents; function
 * words left out ("all", the Albanian lek's code).
 */
function currencyNames(): ReadonlySet<string> {
  const names = new Set<string>();
  for (const currency of Intl.supportedValuesOf('currency')) {
    names.add(currency.toLowerCase());
    for (const locale of LOCALES) {
      const name = partWritten(locale, { style: 'currency', currency, currencyDisplay: 'name' }, 5, 'currency');
      const last = foldAccents(name.toLowerCase()).split(/\s+/u).at(-1) ?? '';
      if (/^\p{L}+$/u.test(last)) names.add(last);
    }
  }
  return new Set([...names].filter((name) => !snowballStopwords.has(name)));
}

const names = new Map<Measure, ReadonlySet<string>>();

/** Whether a word (lower-cased, accents folded) names a unit of the measure. */
export function namesUnitOf(measure: Measure, word: string): boolean {
  let known = names.get(measure);
  if (!known) names.set(measure, (known = measure === 'price' ? currencyNames() : unitNames(measure)));
  return known.has(word);
}

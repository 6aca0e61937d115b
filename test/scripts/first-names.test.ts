import { describe, expect, it } from 'vitest';
import { firstNamesOf } from '../../scripts/first-names.mjs';

describe('firstNamesOf', () => {
  it('gathers every locale\'s one-word Latin given names, folded and sorted, once each', () => {
    // Locales as faker writes them: one list, or lists by sex; some have no names, some another script.
    const locales = {
      fr: { person: { first_name: { female: ['Jeanne', 'Anne Marie'], male: ['Stéphane', 'Jean-Paul'] } } },
      en: { person: { first_name: ['Paul', 'Jeanne'] } },
      ru: { person: { first_name: ['Иван'] } },
      base: {},
    };
    expect(firstNamesOf(locales)).toEqual(['jean-paul', 'jeanne', 'paul', 'stephane']);
  });
});

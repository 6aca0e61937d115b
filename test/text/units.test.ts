import { describe, expect, it } from 'vitest';
import { namesUnitOf } from '../../src/text/units.js';

describe('namesUnitOf', () => {
  it('knows the names CLDR gives units of time, in English and French, long and short', () => {
    for (const word of ['years', 'year', 'minutes', 'ms', 'ans', 'an', 'jours', 'secondes', 'millisecondes']) expect(namesUnitOf('duration', word)).toBe(true);
    expect(namesUnitOf('duration', 'people')).toBe(false);
    expect(namesUnitOf('duration', 'mo')).toBe(false);
  });

  it('knows units of size, digital ones included, with their accents folded', () => {
    for (const word of ['mo', 'mb', 'gb', 'go', 'megabytes', 'megaoctets', 'kg', 'kilometres']) expect(namesUnitOf('size', word)).toBe(true);
    expect(namesUnitOf('size', 'years')).toBe(false);
  });

  it('leaves out a short name that is also a function word, not the long one', () => {
    expect(namesUnitOf('size', 'in')).toBe(false);
    expect(namesUnitOf('size', 'inches')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { oneEditAway } from '../../src/text/misspellings.js';

describe('oneEditAway', () => {
  it('lists the spellings one letter dropped, added, changed or swapped away, accents folded', () => {
    const near = oneEditAway('café');
    expect(near).toEqual(expect.arrayContaining(['caf', 'cafes', 'cafe'.replace('e', 'a'), 'acfe']));
    expect(near).not.toContain('cafe');
    expect(near).not.toContain('cfa');
  });
});

import { describe, expect, it } from 'vitest';
import { rankOf, rarity } from '../../src/text/word-rarity.js';

describe('rarity', () => {
  it('grows with a word’s rank in general English, folding case and accents, and is 1 past the list', () => {
    expect(rankOf('The')).toBe(0);
    expect(rarity('the')).toBe(0);
    expect(rarity('house')).toBeLessThan(rarity('greenhouse'));
    expect(rarity('Café')).toBe(rarity('cafe'));
    expect(rarity('quorvabake')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { englishRarity, frequentWordAt, frequentWordCount, rankOf, rarity } from '../../src/text/word-rarity.js';

describe('rarity', () => {
  it('grows with a word’s rank in general English, folding case and accents, and is 1 past the list', () => {
    expect(rankOf('The')).toBe(0);
    expect(rarity('the')).toBe(0);
    expect(rarity('house')).toBeLessThan(rarity('greenhouse'));
    expect(rarity('Café')).toBe(rarity('cafe'));
    expect(rarity('quorvabake')).toBe(1);
  });

  it('rates a word past the English list by its rank in French, and 1 past both', () => {
    expect(englishRarity('veut')).toBe(1);
    expect(rarity('veut')).toBeLessThan(rarity('jetable'));
    expect(rarity('jetable')).toBeLessThan(1);
    expect(rarity('Jetable')).toBe(rarity('jetable'));
    // An English word keeps its English rank, however common French makes it.
    expect(rarity('table')).toBe(englishRarity('table'));
  });

  it('rates a regular plural past the list as the word it is made from, not a short name ending in s', () => {
    for (const [plural, singular] of [['downsides', 'downside'], ['meshes', 'mesh']] as const) {
      expect(rankOf(plural), plural).toBeUndefined();
      expect(rarity(plural), plural).toBe(rarity(singular));
      expect(englishRarity(plural), plural).toBe(englishRarity(singular));
    }
    expect(rarity('aws')).toBe(1);
  });

  it('reads a word back from its rank, and only whole words of the list', () => {
    expect(frequentWordAt(rankOf('greenhouse')!)).toBe('greenhouse');
    expect(frequentWordAt(frequentWordCount())).toBeUndefined();
    // Parts of a word, or two words across a line break, are no word of the list.
    expect(rankOf('greenhous')).toBeUndefined();
    expect(rankOf('of\nthe')).toBeUndefined();
  });
});

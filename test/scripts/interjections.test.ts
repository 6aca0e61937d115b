import { describe, expect, it } from 'vitest';
import { interjectionsOf } from '../../scripts/interjections.mjs';

describe('interjectionsOf', () => {
  it('keeps the one-word entries compromise tags Expression, whatever else they are tagged', () => {
    // Entries as compromise's lexicon writes them: a word maps to one tag or to several.
    const lexicon = {
      hey: 'Expression',
      please: ['Expression', 'Infinitive'],
      'oh my god': 'Expression',
      bakery: 'Singular',
      thanks: ['Plural', 'Noun'],
    };
    expect(interjectionsOf(lexicon)).toEqual(['hey', 'please']);
  });
});

import { describe, expect, it } from 'vitest';
import { interjectionsOf, presentativesOf, shorthandOf } from '../../scripts/interjections.mjs';

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

describe('presentativesOf', () => {
  it("keeps the Lefff's one-word forms of category pres, lower-cased, once each", () => {
    // Lines as the .mlex file writes them: form, category, lemma, features.
    const mlex = [
      '# Lesser General Public License For Linguistic Resources',
      'bonjour\tnc\tbonjour\tms',
      'bonjour\tpres\tbonjour\t',
      'Coucou\tpres\tcoucou\t',
      'au revoir\tpres\tau revoir\t',
      'voilà\tpres\tvoilà\t',
      'merci\tnc\tmerci\tms',
    ].join('\n');
    expect(presentativesOf(mlex)).toEqual(['bonjour', 'coucou', 'voilà']);
  });
});

describe('shorthandOf', () => {
  it("keeps the Lefff's one-word forms that stand for a phrase among adverbs, conjunctions and pronouns, not nouns", () => {
    const mlex = [
      'svp\tadv\ts\'il vous plaît\t',
      'pcq\tcsu\tparce que\t',
      'qqn\tpro\tquelqu\'un\t',
      'SAV\tnc\tservice après-vente\tms',
      'vite\tadv\tvite\t',
      "s'il vous plaît\tadv\ts'il vous plaît\t",
    ].join('\n');
    expect(shorthandOf(mlex)).toEqual(['pcq', 'qqn', 'svp']);
  });
});

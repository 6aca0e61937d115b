import { describe, expect, it } from 'vitest';
import { englishToFrench, frenchToEnglish } from '../../src/text/glossary.js';

describe('glossary', () => {
  it('loads a glossary of the intended size', () => {
    expect(frenchToEnglish.size).toBeGreaterThan(600);
    expect(englishToFrench.size).toBeGreaterThan(300);
  });

  it('has no empty entries and only lowercase French keys', () => {
    for (const [french, english] of frenchToEnglish) {
      expect(french).toMatch(/^[\p{Ll}]+$/u);
      expect(english.length).toBeGreaterThanOrEqual(1);
      expect(english.length).toBeLessThanOrEqual(3);
    }
  });

  // The static embedding model is lowercase-ASCII GloVe: anything else would be a miss there.
  it('gives single lowercase ASCII English words', () => {
    for (const english of frenchToEnglish.values()) {
      for (const word of english) expect(word).toMatch(/^[a-z]+$/);
    }
  });

  it('derives the reverse map exactly from the forward one', () => {
    const pairs = (map: ReadonlyMap<string, readonly string[]>, flip: boolean) =>
      new Set([...map].flatMap(([k, vs]) => vs.map((v) => (flip ? `${v}→${k}` : `${k}→${v}`))));
    expect(pairs(englishToFrench, true)).toEqual(pairs(frenchToEnglish, false));
    for (const french of englishToFrench.values()) expect(new Set(french).size).toBe(french.length);
  });

  it('translates common words of conference notes', () => {
    expect(frenchToEnglish.get('équipe')).toContain('team');
    expect(frenchToEnglish.get('équipes')).toContain('team');
    expect(frenchToEnglish.get('problème')).toContain('problem');
    expect(frenchToEnglish.get('outil')).toContain('tool');
    expect(frenchToEnglish.get('déploiement')).toContain('deployment');
    expect(englishToFrench.get('team')).toEqual(expect.arrayContaining(['équipe', 'équipes']));
    expect(englishToFrench.get('tool')).toContain('outils');
  });

  // A consumer that cannot tell the question's language looks words up in both maps; these English words
  // must not be read as French words with another meaning.
  it('leaves out French words that are common English words with another sense', () => {
    for (const homograph of ['main', 'but', 'pays', 'lecture', 'attend', 'fond', 'car']) {
      expect(frenchToEnglish.has(homograph)).toBe(false);
    }
  });
});

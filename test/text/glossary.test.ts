import { describe, expect, it } from 'vitest';
import { englishToFrench, frenchFormsToEnglish, frenchToEnglish } from '../../src/text/glossary.js';
import { equivalentsOf } from '../../src/retrieval/expand-query.js';

describe('glossary', () => {
  it('maps common words across languages, both ways', () => {
    expect(frenchToEnglish().get('problème')).toContain('problem');
    expect(frenchToEnglish().get('équipe')).toContain('team');
    expect(frenchToEnglish().get('outil')).toContain('tool');
    expect(englishToFrench().get('team')).toContain('équipe');
    expect(englishToFrench().get('failure')).toContain('échec');
  });

  it('has the technical words notes use', () => {
    expect(frenchToEnglish().get('logiciel')).toContain('software');
    expect(frenchToEnglish().get('serveur')).toContain('server');
    expect(frenchToEnglish().get('déploiement')).toContain('deployment');
  });

  it("gives each inflected form its word's translations, for the embedding model", () => {
    const forms = frenchFormsToEnglish();
    expect(forms.get('développeurs')).toEqual(frenchToEnglish().get('développeur'));
    expect(forms.get('utilisaient')).toEqual(frenchToEnglish().get('utiliser'));
    // A form that is a word of its own keeps its own entry.
    for (const [word, english] of frenchToEnglish()) expect(forms.get(word)).toBe(english);
  });

  it('is reached through stems and without accents', () => {
    expect(equivalentsOf('équipes', 'fr')).toContain('team');
    expect(equivalentsOf('equipe', 'fr')).toContain('team');
    expect(equivalentsOf('problemes', 'fr')).toContain('problem');
    expect(equivalentsOf('tools', 'en')).toContain('outil');
  });

  it('has lowercase French keys and at most three single lowercase ASCII English words each', () => {
    for (const [french, english] of frenchToEnglish()) {
      expect(french).toMatch(/^\p{Ll}+$/u);
      expect(english.length).toBeGreaterThanOrEqual(1);
      expect(english.length).toBeLessThanOrEqual(3);
      // The static embedding model is lowercase-ASCII GloVe: anything else would be a miss there.
      for (const word of english) expect(word).toMatch(/^[a-z]+$/);
    }
  });

  it('derives the reverse map exactly from the forward one', () => {
    const pairs = (map: ReadonlyMap<string, readonly string[]>, flip: boolean) =>
      new Set([...map].flatMap(([k, vs]) => vs.map((v) => (flip ? `${v}→${k}` : `${k}→${v}`))));
    expect(pairs(englishToFrench(), true)).toEqual(pairs(frenchToEnglish(), false));
    for (const french of englishToFrench().values()) expect(new Set(french).size).toBe(french.length);
  });

  // A consumer that cannot tell the question's language looks words up in both maps; these English words
  // must not be read as French words with another meaning. The dictionary has each of them ("pain": bread).
  it('leaves out French words that are common English words with another sense', () => {
    for (const homograph of ['main', 'pays', 'fond', 'coin', 'pain', 'chair', 'four']) {
      expect(frenchToEnglish().has(homograph)).toBe(false);
    }
  });
});

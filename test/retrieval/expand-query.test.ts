import { describe, expect, it } from 'vitest';
import { compoundsIn, equivalentsOf, expandQuery, questionLanguage } from '../../src/retrieval/expand-query.js';

describe('equivalentsOf', () => {
  it('finds glossary entries through stems, whatever the inflection', () => {
    expect(equivalentsOf('teams', 'en')).toContain('équipe');
    expect(equivalentsOf('failures', 'en')).toContain('échec');
    expect(equivalentsOf('outils', 'fr')).toContain('tool');
    expect(equivalentsOf('équipes')).toContain('team');
  });

  it('reads a word of an English question as English only', () => {
    // The French stemmer cuts "even" like "événement"; an English question must not meet it.
    expect(equivalentsOf('even')).toContain('event');
    expect(equivalentsOf('even', 'en')).not.toContain('event');
  });

  it('has nothing for words outside the glossary', () => {
    expect(equivalentsOf('kubernetes')).toEqual([]);
  });
});

describe('compoundsIn', () => {
  it('joins neighbouring words that notes may write as one, but not two stop words', () => {
    const compounds = compoundsIn('should app devs write post-mortems when on call?');
    expect(compounds.get('app')).toContain('appdevs');
    expect(compounds.get('post')).toContain('postmortems');
    expect(compounds.get('call')).toEqual(['oncall']);
    expect(compoundsIn('what can it be at?').size).toBe(0);
    expect(expandQuery('app devs')).toContain('appdevs');
  });
});

describe('questionLanguage', () => {
  it('tells the language from stop words, and says nothing when they are missing', () => {
    expect(questionLanguage('What did Etsy say about post-mortems?')).toBe('en');
    expect(questionLanguage("qu'a dit Pinterest sur la migration ?")).toBe('fr');
    expect(questionLanguage('etsy deploys per day?')).toBeUndefined();
  });
});

describe('expandQuery', () => {
  it('keeps only the expanded words, once each', () => {
    const expanded = expandQuery('team team outage kubernetes').split(' ');
    expect(expanded).toEqual(expect.arrayContaining(['équipe', 'teamoutage']));
    expect(expanded).not.toContain('kubernetes');
    expect(new Set(expanded).size).toBe(expanded.length);
  });
});

import { describe, expect, it } from 'vitest';
import { questionLanguage, translateQuery, translationsOf } from '../../src/retrieval/translate-query.js';

describe('translationsOf', () => {
  it('finds glossary entries through stems, whatever the inflection', () => {
    expect(translationsOf('deploys', 'en')).toContain('déployer');
    expect(translationsOf('deployed', 'en')).toContain('déploiement');
    expect(translationsOf('déploie', 'fr')).toContain('deploy');
    expect(translationsOf('équipes')).toContain('team');
  });

  it('reads a word of an English question as English only', () => {
    // The French stemmer cuts "even" like "événement"; an English question must not meet it.
    expect(translationsOf('even')).toContain('event');
    expect(translationsOf('even', 'en')).not.toContain('event');
  });

  it('has nothing for words outside the glossary', () => {
    expect(translationsOf('kubernetes')).toEqual([]);
  });
});

describe('questionLanguage', () => {
  it('tells the language from stop words, and says nothing when they are missing', () => {
    expect(questionLanguage('What did Etsy say about post-mortems?')).toBe('en');
    expect(questionLanguage("qu'a dit Pinterest sur la migration ?")).toBe('fr');
    expect(questionLanguage('etsy deploys per day?')).toBeUndefined();
  });
});

describe('translateQuery', () => {
  it('keeps only the translated words, once each', () => {
    const translated = translateQuery('team team outage kubernetes').split(' ');
    expect(translated).toContain('équipe');
    expect(translated).not.toContain('kubernetes');
    expect(new Set(translated).size).toBe(translated.length);
  });
});

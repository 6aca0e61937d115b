import { describe, expect, it } from 'vitest';
import { analyze, foldAccents, termsOf } from '../../src/text/analyze.js';

describe('analyze', () => {
  it('folds accents and case', () => {
    expect(foldAccents('Équipe déployée')).toBe('Equipe deployee');
  });

  it('drops English and French stop words and question words', () => {
    expect(analyze('What did they say about the cache of les équipes ?')).toEqual(expect.not.arrayContaining(['what', 'the', 'les']));
    expect(termsOf('the')).toEqual([]);
    expect(termsOf('les')).toEqual([]);
  });

  it('lets English and French forms of a word meet on a shared stem', () => {
    expect(termsOf('deployments')).toContain('deploy');
    expect(termsOf('post')).toEqual(['post']);
    const french = new Set(termsOf('problèmes'));
    expect(termsOf('problems').some((t) => french.has(t))).toBe(true);
  });

  it('drops the function words the Snowball lists miss, but not English words that look French', () => {
    expect(analyze('ça marche très bien, also really fast')).toEqual(analyze('marche really fast'));
    expect(termsOf('car')).not.toEqual([]);
    expect(termsOf('SI')).not.toEqual([]);
  });

  it('keeps AI and EU, which French lists drop as forms of avoir', () => {
    expect(termsOf('AI')).toEqual(['ai']);
    expect(termsOf('EU')).toEqual(['eu']);
  });

  it('keeps numbers whole', () => {
    expect(termsOf('2014')).toEqual(['2014']);
  });
});

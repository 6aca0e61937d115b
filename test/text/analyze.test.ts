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
    // Interrogatives the Snowball lists lack ask, like the others; they name no topic an answer would say.
    expect(analyze('il y avait combien de participants, et lesquels parlaient ?')).toEqual(analyze('il y avait de participants, et parlaient ?'));
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

  it('stems an irregular English form from its base, unless it is a word of its own or a French one', () => {
    const shared = (a: string, b: string): boolean => termsOf(a).some((t) => termsOf(b).includes(t));
    expect(shared('dealt', 'deal')).toBe(true);
    expect(shared('built', 'building')).toBe(true);
    expect(shared('taught', 'teaching')).toBe(true);
    // "found" founds a company as often as it finds; "met" puts in French ("met en place").
    expect(shared('found', 'finding')).toBe(false);
    expect(shared('met', 'meeting')).toBe(false);
  });

  it('keeps numbers whole', () => {
    expect(termsOf('2014')).toEqual(['2014']);
  });

  it('reads an amount glued to its unit as itself and the unit, and leaves a name with a digit whole', () => {
    // "le rendu prend 12ms" says the unit a question asks for in "combien de ms".
    const unit = analyze('ms');
    expect(analyze('le rendu prend 12ms')).toEqual(expect.arrayContaining(unit));
    expect(analyze('16Mo')).toEqual(['16mo', ...analyze('Mo')]);
    // A letter is no unit; a word that opens with letters is a name ("web3js" is no "js").
    expect(termsOf('10x')).toEqual(['10x']);
    expect(termsOf('web3js')).not.toEqual(expect.arrayContaining(termsOf('js')));
  });
});

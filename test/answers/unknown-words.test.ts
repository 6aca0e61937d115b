import { describe, expect, it } from 'vitest';
import { noteTermFor, slipsOf } from '../../src/answers/unknown-words.js';
import { lexicalIndexOf } from '../../src/index/lexical-index.js';
import { termsOf } from '../../src/text/analyze.js';
import { note } from './note-fixture.js';

// The embedded store's own lexical index over the fixture note.
const index = lexicalIndexOf(note.passages);
const store = {
  termsBeginning: async (prefix: string, limit: number) => index.termsBeginning(prefix, limit),
  documentFrequency: async (terms: readonly string[]) => index.documentFrequency(terms),
};

describe('slipsOf', () => {
  const slips = (term: string) => new Set(slipsOf(term));

  it('has every word one letter dropped, added or replaced, or two neighbours swapped away, past the first letter', () => {
    for (const typed of ['airflw', 'airfllow', 'airflaw', 'aifrlow']) expect(slips(typed).has('airflow'), typed).toBe(true);
  });

  it('has no word two slips away, a letter moved further, a first letter changed, or the word itself', () => {
    for (const typed of ['arflw', 'aiflrow', 'birflow', 'airflow']) expect(slips(typed).has('airflow'), typed).toBe(false);
  });
});

describe('noteTermFor', () => {
  // The term with how many passages of the note hold it.
  const held = (term: string) => ({ term, df: index.documentFrequency([term]) });

  it('reads a word cut short as the commonest note term it begins', async () => {
    expect(await noteTermFor(store, 'spreadsh')).toEqual(held(termsOf('spreadsheets')[0]!));
  });

  it('reads a mistyped word as the note term one slip away', async () => {
    expect(await noteTermFor(store, 'spreadhseets')).toEqual(held(termsOf('spreadsheets')[0]!));
    expect(await noteTermFor(store, 'bakrey')).toEqual(held(termsOf('bakery')[0]!));
  });

  it('leaves alone dictionary words, numbers, short words and a slip on the first letter', async () => {
    // "spread" and "baker" are English words: that no note uses them means what it says.
    for (const word of ['spread', 'baker', 'es2030', 'rck', 'vakery']) expect(await noteTermFor(store, word), word).toBeUndefined();
  });
});

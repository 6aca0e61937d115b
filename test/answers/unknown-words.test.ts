import { describe, expect, it } from 'vitest';
import { noteTermFor, oneSlipApart } from '../../src/answers/unknown-words.js';
import { lexicalIndexOf } from '../../src/index/lexical-index.js';
import { termsOf } from '../../src/text/analyze.js';
import { note } from './note-fixture.js';

// The embedded store's own lexical index over the fixture note.
const index = lexicalIndexOf(note.passages);
const store = { termsBeginning: async (prefix: string, limit: number) => index.termsBeginning(prefix, limit) };

describe('oneSlipApart', () => {
  it('accepts one letter dropped, added or replaced, or two neighbours swapped', () => {
    for (const [typed, meant] of [['airflw', 'airflow'], ['airfllow', 'airflow'], ['airflaw', 'airflow'], ['aifrlow', 'airflow'], ['abc', 'ab']]) {
      expect(oneSlipApart(typed!, meant!), `${typed} → ${meant}`).toBe(true);
    }
  });

  it('refuses two slips, swapped letters apart, and the word itself', () => {
    for (const [typed, meant] of [['arflw', 'airflow'], ['aiflrow', 'airflow'], ['wirflao', 'airflow'], ['abcd', 'badc'], ['airflow', 'airflow'], ['air', 'airflow']]) {
      expect(oneSlipApart(typed!, meant!), `${typed} → ${meant}`).toBe(false);
    }
  });
});

describe('noteTermFor', () => {
  it('reads a word cut short as the commonest note term it begins', async () => {
    expect(await noteTermFor(store, 'spreadsh')).toBe(termsOf('spreadsheets')[0]);
  });

  it('reads a mistyped word as the note term one slip away', async () => {
    expect(await noteTermFor(store, 'spreadhseets')).toBe(termsOf('spreadsheets')[0]);
    expect(await noteTermFor(store, 'bakrey')).toBe(termsOf('bakery')[0]);
  });

  it('leaves alone dictionary words, numbers, short words and a slip on the first letter', async () => {
    // "spread" and "baker" are English words: that no note uses them means what it says.
    for (const word of ['spread', 'baker', 'es2030', 'rck', 'vakery']) expect(await noteTermFor(store, word), word).toBeUndefined();
  });
});

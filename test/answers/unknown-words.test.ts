import { describe, expect, it } from 'vitest';
import { readingOf, slipsOf } from '../../src/answers/unknown-words.js';
import { termsOf } from '../../src/text/analyze.js';
import { lexicalIndex, noteStore as store } from './note-fixture.js';

describe('slipsOf', () => {
  const slips = (term: string) => new Set(slipsOf(term));

  it('undoes a key missed, an extra key or a wrong one beside the right one, and two keys swapped, past the first letter', () => {
    // "p" touches "o" on both keyboards; "m" touches "l" on AZERTY only; "ll" is a key pressed twice.
    for (const typed of ['airflw', 'airfllow', 'airfloiw', 'airflpw', 'airfmow', 'aifrlow']) expect(slips(typed).has('airflow'), typed).toBe(true);
  });

  it('undoes no key far from the right one, two slips, a letter moved further, a first letter changed, or nothing', () => {
    for (const typed of ['airflaw', 'airflozw', 'arflw', 'aiflrow', 'birflow', 'airflow']) expect(slips(typed).has('airflow'), typed).toBe(false);
  });
});

describe('readingOf', () => {
  // The term with how many passages of the note hold it.
  const held = (term: string) => ({ terms: [term], df: lexicalIndex.documentFrequency([term]) });

  it('reads a word cut short as the commonest note term it begins', async () => {
    expect(await readingOf(store, 'spreadsh')).toEqual(held(termsOf('spreadsheets')[0]!));
  });

  it('reads a mistyped word as the note term one slip away', async () => {
    expect(await readingOf(store, 'spreadhseets')).toEqual(held(termsOf('spreadsheets')[0]!));
    expect(await readingOf(store, 'bakrey')).toEqual(held(termsOf('bakery')[0]!));
    // A word slipped on its last letters is read as what its term would have been: "racsk" is "racks".
    expect(await readingOf(store, 'racsk')).toEqual(held(termsOf('racks')[0]!));
  });

  it('reads a word a slip away from a function word as that word, before any note term', async () => {
    expect(await readingOf(store, 'abotu')).toEqual({ functionWord: 'about' });
    expect(await readingOf(store, 'pourquki')).toEqual({ functionWord: 'pourquoi' });
  });

  it('reads a word written as one where the note writes two as both, in any inflection', async () => {
    // The note writes "Cooling racks" twice, in one passage.
    expect(await readingOf(store, 'coolingrack')).toEqual({ terms: [...termsOf('cooling'), ...termsOf('rack')], df: 1 });
  });

  it('reads a name with a number written as one where the note writes it as two, but never mends a slip in it', async () => {
    // The note writes "Bakehouse 24".
    expect(await readingOf(store, 'bakehouse24')).toEqual({ terms: [...termsOf('bakehouse'), ...termsOf('24')], df: 1 });
    for (const word of ['bakehoose24', 'bakehouse2']) expect(await readingOf(store, word), word).toBeUndefined();
  });

  it('does not read a word as two words the note uses but never writes side by side: it may be a name', async () => {
    // "bakery" and "racks" are both the note's, never one after the other.
    expect(await readingOf(store, 'bakeryrack')).toBeUndefined();
  });

  it('does not read a word as a note term a far key away: it may be a name', async () => {
    // "r" does not touch "n" on either keyboard: "bakeny" could be a product rather than the bakery.
    expect(await readingOf(store, 'bakeny')).toBeUndefined();
  });

  it('leaves alone dictionary words, numbers, short words and a slip on the first letter', async () => {
    // "spread" and "baker" are English words: that no note uses them means what it says.
    for (const word of ['spread', 'baker', 'es2030', 'rck', 'vakery']) expect(await readingOf(store, word), word).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { coverage, mostDistinctiveTerm, rarestTerm, unseenWordWeight, weighQueryTerms, writtenAsNames, type QueryTerm } from '../../src/answers/term-weights.js';
import { analyze } from '../../src/text/analyze.js';
import { englishRarity, rarity } from '../../src/text/word-rarity.js';
import { note, noteStore } from './note-fixture.js';

const weigh = (question: string) => weighQueryTerms(noteStore, question, note.passages.length);

describe('weighQueryTerms', () => {
  it('weighs the words of the topic, not the words of the asking', async () => {
    const terms = await weigh('did anyone take notes on the bakery spreadsheets?');
    expect(terms.map((t) => t.word)).toEqual(['bakery', 'spreadsheets']);
    expect(terms.every((t) => t.idf > 0)).toBe(true);
    // Nor the words a chat message wraps it in: no note says "hey", which is no name the notes are silent on.
    for (const wrapped of ['hey, any notes on the bakery spreadsheets? lol', 'bonjour, any notes on the bakery spreadsheets svp ?']) {
      expect((await weigh(wrapped)).map((t) => t.word)).toEqual(['bakery', 'spreadsheets']);
    }
  });

  it('sets aside how a message signs off after its question, unless the notes use the words', async () => {
    expect((await weigh('any notes on the bakery spreadsheets? cheers')).map((t) => t.word)).toEqual(['bakery', 'spreadsheets']);
    // A second question without its mark, saying a word the notes use, is weighed whole.
    expect((await weigh('any notes on the bakery? croissants on racks')).map((t) => t.word)).toEqual(['bakery', 'croissants', 'racks']);
    // Without a question mark, nothing tells a sign-off from the question.
    expect((await weigh('any notes on the bakery cheers')).map((t) => t.word)).toEqual(['bakery', 'cheers']);
  });

  it('gives a word the terms of its translations, so an English question covers a French sentence', async () => {
    const [breakdown] = await weigh('breakdown');
    const french = new Set(analyze('Le pétrin tombait en panne.'));
    expect(coverage([breakdown!], french)).toBe(1);
  });

  it('counts a word no note uses as missing, weighing as much as the words the notes use weigh on average', async () => {
    const terms = await weigh('bakery croissants');
    const croissants = terms.find((t) => t.word === 'croissants')!;
    expect(croissants.idf).toBe(0);
    expect(coverage(terms, new Set(analyze('bakery')))).toBeCloseTo(0.5);
    const term = (word: string, idf: number): QueryTerm => ({ word, terms: [word], idf, df: idf > 0 ? 1 : 0, rarity: 1 });
    expect(unseenWordWeight([term('levain', 2), term('fournil', 6), term('quorvabake', 0)])).toBe(4);
    // Against a rare word and a common one, an unseen word weighs between them.
    expect(coverage([term('levain', 2), term('fournil', 6), term('quorvabake', 0)], new Set(['levain', 'fournil']))).toBeCloseTo(8 / 12);
  });

  it('sets aside a word no note uses that the question describes with, and keeps one it names', async () => {
    // No note says "crusty", "sell" or "sourdough": the first two describe, the last names.
    expect((await weigh('were the bakery loaves crusty?')).map((t) => t.word)).toEqual(['bakery', 'loaves']);
    expect((await weigh('did the bakery sell sourdough?')).map((t) => t.word)).toEqual(['bakery', 'sourdough']);
  });

  it('reads a word cut short or mistyped as the note term it stands for, and says which', async () => {
    for (const typed of ['spreadsh', 'spreadhseets']) {
      const [term] = await weigh(typed);
      expect(term!.df, typed).toBeGreaterThan(0);
      expect(term!.reading, typed).toEqual([analyze('spreadsheets')[0]]);
      expect(coverage([term!], new Set(analyze('shared spreadsheets'))), typed).toBe(1);
    }
    // A word of general English, with a number or written as a name means what it says, even when a note
    // word begins with it.
    for (const question of ['spread', '203', 'what about Spreadsh']) {
      const term = (await weigh(question)).at(-1)!;
      expect(term.df, question).toBe(0);
    }
  });

  it('weighs a mistyped function word as the word meant: not at all', async () => {
    expect((await weigh('what did they say abotu the bakery?')).map((t) => t.word)).toEqual(['bakery']);
  });

  it('rates a word general English does not use as rare, and a common one as common', async () => {
    const terms = await weigh('house qorvabake');
    const rarityOf = (word: string) => terms.find((t) => t.word === word)!.rarity;
    expect(rarityOf('house')).toBeLessThan(0.6);
    expect(rarityOf('qorvabake')).toBe(1);
  });

  it('rates a French word the glossary does not translate as common as it is in French', async () => {
    const [veut] = await weigh('veut');
    expect(veut!.rarity).toBeLessThan(0.6);
    // An English word is as rare as it is in English: "panne", its translation, is commoner in French
    // than "breakdown" is in English, and says nothing of how rare the English word is.
    const [breakdown] = await weigh('breakdown');
    expect(rarity('panne')).toBeLessThan(englishRarity('breakdown'));
    expect(breakdown!.rarity).toBe(englishRarity('breakdown'));
  });

  it('rates a word written as a name as rare, however common its spelling', async () => {
    const [lower] = await weigh('racks');
    const [written] = await weigh('what about Racks');
    expect(lower!.rarity).toBeLessThan(1);
    expect(written!.rarity).toBe(1);
  });
});

describe('writtenAsNames', () => {
  it('takes capitalised words past the first, acronyms and inner capitals, not the opening word', () => {
    expect([...writtenAsNames('What did Stripe say about AWS, iOS and k8s?')]).toEqual(['stripe', 'aws', 'ios']);
    expect(writtenAsNames('what did stripe say?').size).toBe(0);
  });

  it('takes none from a question in capitals or in title case, which capitalises its function words too', () => {
    expect(writtenAsNames('WHAT DID STRIPE SAY ABOUT AWS?').size).toBe(0);
    expect(writtenAsNames('What Did Stripe Say About Aws?').size).toBe(0);
    expect([...writtenAsNames('What about Kafka Streams?')]).toEqual(['kafka', 'streams']);
  });
});

describe('mostDistinctiveTerm', () => {
  const term = (word: string, idf: number, rarity: number): QueryTerm => ({ word, terms: [word], idf, df: idf > 0 ? 1 : 0, rarity });

  it('prefers a word rare in general English to a common one the notes happen to use less', () => {
    // "lovely" is said once in the notes, "kotlin" twice; only one of them names something.
    const asked = [term('lovely', 3.5, 0.8), term('kotlin', 3, 1), term('talk', 1, 0.3)];
    expect(rarestTerm(asked)?.word).toBe('lovely');
    expect(mostDistinctiveTerm(asked)?.word).toBe('kotlin');
  });

  it('leaves out the words no note uses', () => {
    expect(mostDistinctiveTerm([term('quorvabake', 0, 1), term('oven', 2, 0.8)])?.word).toBe('oven');
    expect(mostDistinctiveTerm([term('quorvabake', 0, 1)])).toBeUndefined();
  });
});

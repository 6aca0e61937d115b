import { describe, expect, it } from 'vitest';
import { seededRandom, slip, slippedQuestion } from '../../scripts/slipped-questions.mjs';
import { slipsOf } from '../../src/answers/unknown-words.js';

describe('slippedQuestion', () => {
  it('puts one slip past the first letter of one lower-case word of five letters or more', () => {
    const random = seededRandom();
    const question = 'What did Bakery Ltd say about sourdough starters in 2030?';
    for (let i = 0; i < 200; i++) {
      const slipped = slippedQuestion(question, random);
      const [before, after] = [question.split(' '), slipped.split(' ')];
      const changed = before.flatMap((word, at) => (word === after[at] ? [] : [[word, after[at]!] as const]));
      expect(changed, slipped).toHaveLength(1);
      const [word, typed] = changed[0]!;
      expect(['about', 'sourdough', 'starters']).toContain(word);
      expect(typed[0]).toBe(word[0]);
      // A slip undone is a slip: the word is one slip from what was typed.
      expect([...slipsOf(typed)], `${word} → ${typed}`).toContain(word);
    }
  });

  it('leaves a question with no such word as it is, and slips the same way for the same seed', () => {
    expect(slippedQuestion('Who is Ada?', seededRandom())).toBe('Who is Ada?');
    const twice = [seededRandom(), seededRandom()].map((random) => slip('spreadsheets', random));
    expect(twice[0]).toBe(twice[1]);
  });
});

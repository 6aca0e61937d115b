import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, validateQuestion } from '../../src/answers/question.js';
import { ConfnotesError } from '../../src/errors.js';

describe('validateQuestion', () => {
  it('folds whitespace', () => {
    expect(validateQuestion('  what   did\nEtsy say? ')).toBe('what did Etsy say?');
  });

  it('refuses an empty or punctuation-only question with a usage error', () => {
    for (const q of ['', '   ', '?!']) {
      expect(() => validateQuestion(q)).toThrowError(ConfnotesError);
      try {
        validateQuestion(q);
      } catch (error) {
        expect((error as ConfnotesError).code).toBe('QUESTION_EMPTY');
      }
    }
  });

  it('refuses a 10 kB question', () => {
    expect(() => validateQuestion('a'.repeat(10_000))).toThrowError(/10000 characters/);
    expect(validateQuestion('a'.repeat(MAX_QUESTION_CHARS))).toHaveLength(MAX_QUESTION_CHARS);
  });
});

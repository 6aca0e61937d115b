import { describe, expect, it } from 'vitest';
import { passageTerms } from '../../src/answers/passage-terms.js';
import { passageOf } from './note-fixture.js';

describe('passageTerms', () => {
  it('reads the text and the metadata, in both languages', () => {
    const passage = passageOf(/bakery/);
    const terms = passageTerms(passage);
    expect(terms.has('bakeri') || terms.has('bakery')).toBe(true);
    for (const speaker of passage.speakers) expect(terms.has(speaker.split(' ')[0]!.toLowerCase())).toBe(true);
  });

  it('gives a passage re-indexed under the same id the terms of its new text', () => {
    const passage = passageOf(/bakery/);
    expect(passageTerms(passage).has('volcano')).toBe(false);
    const edited = { ...passage, text: `${passage.text} A volcano erupted.` };
    expect(passageTerms(edited).has('volcano')).toBe(true);
    expect(passageTerms(passage).has('volcano')).toBe(false);
  });
});

describe('passageTerms of a re-indexed passage', () => {
  it('gives the terms of its new metadata: a talk renamed under the same text', () => {
    const passage = passageOf(/bakery/);
    expect(passageTerms(passage).has('volcano')).toBe(false);
    expect(passageTerms({ ...passage, talk: 'Volcano bread' }).has('volcano')).toBe(true);
  });
});

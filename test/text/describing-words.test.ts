import { describe, expect, it } from 'vitest';
import { describingWords } from '../../src/text/describing-words.js';

describe('describingWords', () => {
  it('takes the adjectives, adverbs and verbs of the sentence, not its nouns and names', async () => {
    const describing = await describingWords('Can the new scheduler reliably replace Airflow for nightly batches?');
    expect([...describing].sort()).toEqual(['new', 'nightly', 'reliably', 'replace']);
  });

  it('reads the same word by its place in the sentence', async () => {
    expect((await describingWords('did they test the release?')).has('test')).toBe(true);
    expect((await describingWords('which test was flaky?')).has('test')).toBe(false);
  });

  it('splits a hyphenated word the tagger keeps whole, as questions are split into words', async () => {
    expect([...(await describingWords('were there non-alcoholic drinks?'))].sort()).toEqual(['alcoholic', 'non']);
  });
});

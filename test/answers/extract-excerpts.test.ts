import { describe, expect, it } from 'vitest';
import { answerWeights } from '../../src/answers/answer-weights.js';
import {
  leadIn,
  passageQuotes,
  scoreSentences,
  selectExcerpts,
  SENTENCE_FEATURES,
  sentenceFeatures,
  talkRanks,
  type CandidatePassage,
  type ScoredExcerpt,
  type SentenceQuery,
} from '../../src/answers/extract-excerpts.js';
import type { QueryTerm } from '../../src/answers/term-weights.js';
import { parseNote } from '../../src/notes/parse-note.js';
import type { Passage } from '../../src/types.js';
import { candidateOf, noteLines, passageOf, queryTerms } from './note-fixture.js';

// Cosine plays no part here: the model is tested elsewhere; these tests are about words and places.
const candidate = (passage: Passage, rank = 0): CandidatePassage => candidateOf(passage, rank);
const noMeaning = new Float32Array(3);
/** Sentence scores with the committed fitted weights, for a passage the reranker gives even odds. */
const score = (c: CandidatePassage, terms: QueryTerm[], query: Partial<SentenceQuery> = {}): number[] =>
  scoreSentences(sentenceFeatures(c, { queryTerms: terms, queryVector: noMeaning, ...query }, 0.5), answerWeights.sentence);
const fileLines = (excerpt: { lines: [number, number] }): string => noteLines.slice(excerpt.lines[0] - 1, excerpt.lines[1]).join('\n');

describe('talkRanks', () => {
  it('gives every passage of a talk the rank of its best passage', () => {
    expect(talkRanks([{ talkId: 'a' }, { talkId: 'b' }, { talkId: 'a' }, { talkId: 'c' }, { talkId: 'b' }])).toEqual([0, 1, 0, 3, 1]);
  });
});

describe('scoreSentences', () => {
  it('scores the sentence sharing the question’s words highest, and never a heading', () => {
    const french = candidate(passageOf(/pannes/));
    const scores = score(french, queryTerms({ farine: 3 }));
    const best = scores.indexOf(Math.max(...scores));
    expect(french.sentences[best]!.text).toMatch(/farine/);
    french.sentences.forEach((s, i) => s.heading && expect(scores[i]).toBe(0));
  });


});

describe('sentenceFeatures', () => {
  it('reads how close each sentence means to what the question asks beyond the talk\'s names', () => {
    const english = candidate(passageOf(/Cooling/));
    const n = english.sentences.length;
    // One direction per sentence: the last one alone means what is asked.
    english.vectors = english.sentences.map((_, i) => Float32Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    const asked = english.vectors[n - 1]!;
    const column = SENTENCE_FEATURES.indexOf('remaining_cosine');
    const features = sentenceFeatures(english, { queryTerms: queryTerms({ rack: 3 }), queryVector: new Float32Array(n) }, 0.5, asked);
    const closeness = features.map((x) => x?.[column]);
    expect(closeness[n - 1]).toBe(1);
    expect(closeness.slice(0, n - 1).every((c) => c === undefined || c === 0)).toBe(true);
    const without = sentenceFeatures(english, { queryTerms: queryTerms({ rack: 3 }), queryVector: new Float32Array(n) }, 0.5);
    const [withScore, withoutScore] = [features, without].map((f) => scoreSentences(f, answerWeights.sentence)[n - 1]!);
    expect(withScore).toBeGreaterThan(withoutScore);
  });
});

describe('scoreSentences on links', () => {
  const links = candidate(passageOf(/Links/));
  const slides = links.sentences.findIndex((s) => s.text.startsWith('[Slides]'));
  const ovens = links.sentences.findIndex((s) => s.text.startsWith('The ovens'));

  it('quotes no sentence made of links alone', () => {
    const scores = score(links, queryTerms({ slides: 3 }));
    expect(scores[slides]).toBe(0);
    expect(scores[ovens]).toBeGreaterThan(0);
  });

  it('lets a listing quote a linked title, by the words of its text and not of its address', () => {
    const listing = { headings: true };
    const byTitle = score(links, queryTerms({ slides: 3 }), listing);
    const byAddress = score(links, queryTerms({ temperature: 3 }), listing);
    const byNothing = score(links, queryTerms({ zeppelin: 3 }), listing);
    expect(byTitle[slides]).toBeGreaterThan(byNothing[slides]!);
    expect(byAddress[slides]).toBe(byNothing[slides]);
  });
});

describe('leadIn', () => {
  const text = ['# Demo Conf 2030', '', '## Proofing dough', '', 'Ada Example told us about her bakery.', '', '### Why proof dough at all?', '']
    .concat(['It lets the yeast work. The crumb turns lighter.', '', '- What goes wrong when you rush it?', '  - The loaf collapses', '  - The crust tears', ''])
    .concat(['### Tasting', '', 'We tasted three loaves. Was the rye best?', '', 'Nobody agreed.', '', 'Her tips for the crust:', '', '- Steam the oven', ''])
    .join('\n');
  const proofing = candidate(parseNote({ file: 'proofing.md', text, encoding: 'UTF-8', hash: 'proofing' }).passages.find((p) => /Proofing/.test(p.talk))!);
  const at = (start: string): number => proofing.sentences.findIndex((s) => s.text.startsWith(start));
  const lead = (start: string): string | undefined => proofing.sentences[leadIn(proofing.sentences, at(start)) ?? -1]?.text;

  it('finds the question a sentence answers or the line announcing it: right before it, the heading over it, the line its list hangs from', () => {
    expect(lead('It lets')).toBe('Why proof dough at all?');
    expect(lead('The crumb')).toBe('Why proof dough at all?');
    expect(lead('The crust')).toBe('What goes wrong when you rush it?');
    expect(lead('Nobody agreed')).toBe('Was the rye best?');
    expect(lead('Steam the oven')).toBe('Her tips for the crust:');
  });

  it('finds none under a heading that asks and announces nothing, for a list’s own line or for a heading', () => {
    expect(lead('Ada Example')).toBeUndefined();
    expect(lead('We tasted')).toBeUndefined();
    expect(lead('What goes wrong')).toBeUndefined();
    expect(lead('Tasting')).toBeUndefined();
  });

  it('scores the answer to a question the notes ask in the question’s words above a sentence that answers nothing', () => {
    const scores = score(proofing, queryTerms({ proof: 3, dough: 1 }));
    expect(scores[at('It lets')]).toBeGreaterThan(scores[at('Ada Example')]!);
  });
});

describe('passageQuotes', () => {
  it('quotes the best runs of one passage verbatim, best first, never overlapping, with their own lines', () => {
    const english = candidate(passageOf(/Cooling/));
    const quotes = passageQuotes(english, [1, 0, 0.9].slice(0, english.sentences.length), 2);
    expect(quotes.length).toBeGreaterThan(0);
    quotes.forEach((q, i) => i > 0 && expect(quotes[i - 1]!.score).toBeGreaterThanOrEqual(q.score));
    for (const quote of quotes) expect(fileLines(quote)).toContain(quote.quote);
    const [a, b] = quotes.map((q) => q.lines);
    if (b) expect(a![1] < b[0] || b[1] < a![0]).toBe(true);
  });

  it('quotes runs that follow each other as one excerpt', () => {
    const french = candidate(passageOf(/pannes/));
    const quotes = passageQuotes(french, french.sentences.map(() => 1), french.sentences.length);
    expect(quotes).toHaveLength(1);
    const { sentences, passage } = french;
    expect(quotes[0]!.quote).toBe(passage.text.slice(sentences[0]!.start, sentences[sentences.length - 1]!.end));
  });

  it('widens a short sentence with its neighbours so that it reads on its own', () => {
    const english = candidate(passageOf(/Cooling/));
    const scores = score(english, queryTerms({ airflow: 3 }));
    const [quote] = passageQuotes(english, scores, 1);
    expect(quote!.quote).toMatch(/^Racks need airflow\. Cooling racks/);
  });

  it('takes in the neighbour that scores nearly as well as the best sentence, the one before it as the one after', () => {
    const text = ['# Demo Conf 2030', '', '## Rye loaves', '']
      .concat(['Rye holds little gluten, so the crumb is dense and moist whatever the baker does with the dough in the first hour.', ''])
      .concat(['A long proof in a cool room gives the acids time to keep the crumb from turning gummy, and the loaf slices cleanly the next day after a night under linen.', ''])
      .concat(['The oven was the one the bakery has run since it opened, fired with beech logs every morning before dawn by the owners themselves.', ''])
      .join('\n');
    const passage = parseNote({ file: 'rye.md', text, encoding: 'UTF-8', hash: 'rye' }).passages.find((p) => /Rye/.test(p.talk))!;
    const rye = candidate(passage);
    const scoresOf = (byText: Array<[RegExp, number]>): number[] => rye.sentences.map((s) => byText.find(([pattern]) => pattern.test(s.text))?.[1] ?? 0);
    const [before] = passageQuotes(rye, scoresOf([[/gluten/, 0.9], [/long proof/, 1], [/oven/, 0.2]]), 1);
    expect(before!.quote).toMatch(/^Rye holds little gluten[\s\S]*under linen\.$/);
    const [after] = passageQuotes(rye, scoresOf([[/gluten/, 0.2], [/long proof/, 1], [/oven/, 0.9]]), 1);
    expect(after!.quote).toMatch(/^A long proof[\s\S]*the owners themselves\.$/);
    const [alone] = passageQuotes(rye, scoresOf([[/gluten/, 0.2], [/long proof/, 1], [/oven/, 0.2]]), 1);
    expect(alone!.quote).toMatch(/^A long proof[\s\S]*under linen\.$/);
  });

  it('quotes the whole list a sentence announces, and nothing after it', () => {
    const text = ['# Demo Conf 2030', '', '## Proofing dough', '', 'Ada opened with her own story. Her tips for proofing:', '']
      .concat(['- Keep the dough warm', '- Cover it with a damp cloth', '- Let it double', '- Knock it back once', '- Bake it right away', ''])
      .concat(['Then we all had lunch together.', ''])
      .join('\n');
    const passage = parseNote({ file: 'proofing.md', text, encoding: 'UTF-8', hash: 'proofing' }).passages.find((p) => /Proofing/.test(p.talk))!;
    const proofing = candidate(passage);
    const [quote] = passageQuotes(proofing, proofing.sentences.map((s) => (/tips for proofing/.test(s.text) ? 1 : 0.1)), 1);
    expect(quote!.quote).toMatch(/^Her tips for proofing:[\s\S]*- Bake it right away$/);
    expect(quote!.lines).toEqual([5, 11]);
  });

  it('takes in the title and header lines above a run near the opening of the talk\'s notes, for a listing', () => {
    const text = ['# Demo Conf 2030', '', '## Proofing baskets', '', 'Jeanne Levain, Fournil', '', 'Cane baskets give the loaf its rings.', '']
      .concat(['Linen keeps the dough from sticking to them, and a light dusting of rice flour on the linen keeps it dry enough that even a wet rye dough comes away cleanly when the basket is turned over onto the peel.', ''])
      .concat(['Wash the linen rarely.', '', 'Dry the baskets in the sun.', '', 'Oval baskets suit a batard, round ones a boule, and a long narrow one shapes a loaf of rye that bakes evenly from end to end, so most bakers keep one of each shape on the shelf.', ''])
      .join('\n');
    const passage = parseNote({ file: 'baskets.md', text, encoding: 'UTF-8', hash: 'baskets' }).passages.find((p) => /Proofing/.test(p.talk))!;
    const baskets = candidate(passage);
    const scores = baskets.sentences.map((s) => (/Cane baskets/.test(s.text) ? 1 : /Linen/.test(s.text) ? 0.5 : 0));
    expect(passageQuotes(baskets, scores, 1)[0]!.lines[0]).toBe(7);
    const [titled] = passageQuotes(baskets, scores, 1, true);
    expect(titled!.quote).toMatch(/^Proofing baskets\n\nJeanne Levain, Fournil\n\nCane baskets/);
    expect(titled!.lines[0]).toBe(3);
    // Lines of context between the title and the run are read with it, up to a quote's length of them.
    const [near] = passageQuotes(baskets, baskets.sentences.map((s) => (/^Linen/.test(s.text) ? 1 : 0)), 1, true);
    expect(near!.quote).toMatch(/^Proofing baskets\n\nJeanne Levain, Fournil\n\nCane baskets[\s\S]*onto the peel\.$/);
    // A run further down the talk's notes is quoted as it is.
    const [further] = passageQuotes(baskets, baskets.sentences.map((s) => (/^Oval/.test(s.text) ? 1 : 0)), 1, true);
    expect(further!.quote).toMatch(/^Oval/);
  });

  it('quotes nothing from a passage none of whose sentences score', () => {
    const english = candidate(passageOf(/Cooling/));
    expect(passageQuotes(english, english.sentences.map(() => 0), 2)).toEqual([]);
  });
});

describe('selectExcerpts', () => {
  const excerpt = (talkId: string, score: number, quote = `${talkId} ${score}`, lines: [number, number] = [score * 100, score * 100]): ScoredExcerpt => ({
    quote, score, talkId, passageId: `${talkId}:${score}`, conference: 'c', talk: talkId, speakers: [], companies: [], file: 'f.md', lines,
  });

  it('takes at most perTalk quotes of a talk, drops quotes far below the best, and never repeats a quote', () => {
    const chosen = selectExcerpts(
      [excerpt('a', 1), excerpt('a', 0.95), excerpt('a', 0.9), excerpt('b', 0.8), excerpt('c', 0.8, 'a 1'), excerpt('d', 0.2)],
      5,
      2,
    );
    expect(chosen.map((e) => `${e.talkId}:${e.score}`)).toEqual(['a:1', 'a:0.95', 'b:0.8']);
  });

  it('never quotes lines already quoted, as overlapping passages would', () => {
    const chosen = selectExcerpts([excerpt('a', 1, 'first', [10, 12]), excerpt('a', 0.9, 'second', [12, 13]), excerpt('a', 0.8, 'third', [14, 15])], 3, 3);
    expect(chosen.map((e) => e.quote)).toEqual(['first', 'third']);
  });
});

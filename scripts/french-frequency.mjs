#!/usr/bin/env node
// Writes src/text/french-frequency.json: the most frequent French words, most frequent first, as
// @zxcvbn-ts/language-fr (MIT) ships them, counted in the OpenSubtitles 2024 corpus via OPUS (ODC-BY,
// whose attribution the file keeps). English's list ranks the words of an English question; a French
// question's words past it ("sert", "jetable") are common French more often than names, and a word the
// glossary does not translate otherwise read as rare as a name the notes never mention.
//
// Usage: npm install --no-save @zxcvbn-ts/language-fr@4.1.2 && node scripts/french-frequency.mjs
// Subtitles rather than the package's Wikipedia list: questions are asked as people speak, and the
// Wikipedia list lacks most conjugated forms ("veut", "disait").
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFrequencyList } from './frequency-list.mjs';

const require = createRequire(import.meta.url);
const { dictionary } = require('@zxcvbn-ts/language-fr');
const { version } = require('@zxcvbn-ts/language-fr/package.json');
const foldAccents = (word) => word.normalize('NFD').replace(/\p{M}+/gu, '');
// One word of letters, folded as word-rarity.ts folds what it looks up; the first (the commonest) of the
// forms that fold alike ("été", "ete") keeps its rank. Elisions ("l'", "aujourd'hui") are cut apart by the
// tokenizer, and their pieces are stop words or listed on their own.
const kept = [...new Set(dictionary['commonWords-fr'].map((word) => foldAccents(word.toLowerCase())).filter((word) => /^[a-z]+$/.test(word)))];
const out = join(dirname(fileURLToPath(import.meta.url)), '../src/text/french-frequency.json');
const source =
  `commonWords-fr of @zxcvbn-ts/language-fr@${version} (MIT), derived from OpenSubtitles 2024 via OPUS ` +
  '(https://opus.nlpl.eu/, Helsinki-NLP), ODC-BY: original data attributed to the subtitle contributors and rights holders';
writeFrequencyList(out, kept, { source, command: 'node scripts/french-frequency.mjs' });

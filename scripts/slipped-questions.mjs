#!/usr/bin/env node
// Writes questions files (JSON Lines, as `confnotes eval` reads them) with one typing slip in each
// question, to measure how answers hold when people mistype:
//
//   node scripts/slipped-questions.mjs OUT_DIR FILE...
//
// In one word of five letters or more, not written as a name, a letter past the first is dropped, added,
// replaced, or swapped with the next one: Damerau's (1964) four kinds of single slip, as a finger makes
// them on a keyboard: the letter added or put in another's place is on a key touching its neighbour's or
// the replaced one's, or a letter doubled (src/text/keyboards.ts, built by `npm install`). The word, the
// kind and the letters come from a generator with a fixed seed, so the files are the same on every run;
// the gold citations are kept.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { keysTouching } from '../dist/src/text/keyboards.js';

const SEED = 20261205;

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed = SEED) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The word with one slip past its first letter and before its last. */
export function slip(word, random) {
  const pick = (n) => Math.floor(random() * n);
  const at = 1 + pick(word.length - 2);
  const oneOf = (letters) => letters[pick(letters.length)];
  switch (pick(4)) {
    case 0:
      return word.slice(0, at) + word.slice(at + 1);
    case 1: {
      // An extra key: one of the two letters around it pressed twice, or a key touching one of them.
      const beside = [word[at - 1], word[at]];
      return word.slice(0, at) + oneOf([...new Set([...beside, ...beside.flatMap((letter) => [...keysTouching(letter)])])]) + word.slice(at);
    }
    case 2: {
      // A key touching the right one; a letter on no key of the two keyboards (an accented one) is dropped instead.
      const touching = [...keysTouching(word[at])];
      return word.slice(0, at) + (touching.length > 0 ? oneOf(touching) : '') + word.slice(at + 1);
    }
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

/** The question with a slip in one of its lower-case words of five letters or more; unchanged without one. */
export function slippedQuestion(question, random) {
  const candidates = [...question.matchAll(/\p{Ll}{5,}/gu)].filter((m) => m.index === 0 || !/\p{L}/u.test(question[m.index - 1]));
  if (candidates.length === 0) return question;
  const chosen = candidates[Math.floor(random() * candidates.length)];
  return question.slice(0, chosen.index) + slip(chosen[0], random) + question.slice(chosen.index + chosen[0].length);
}

function main([out, ...files]) {
  if (!out || files.length === 0) {
    console.error('usage: node scripts/slipped-questions.mjs OUT_DIR FILE...');
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const random = seededRandom();
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const slipped = lines.map((line) => {
      const question = JSON.parse(line);
      return JSON.stringify({ ...question, question: slippedQuestion(question.question, random) });
    });
    writeFileSync(join(out, basename(file)), `${slipped.join('\n')}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));

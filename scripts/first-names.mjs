#!/usr/bin/env node
// Writes src/notes/first-names.json: given names as people are named in the Latin script, from the name
// lists of every @faker-js/faker locale (MIT; its licence text is kept in the file written), lower-cased,
// accents folded, once each, sorted. The note reader takes two capitalised words for a person only where
// the way they are written says so ("Name, Company", a handle, a speaker label); a given name first is
// that evidence too, where a line holds nothing else ("Jeanne Levain" under a talk's heading, where the
// "(Part Two)" of a title is no one). Locales in other scripts are left out: notes write those names in
// Latin letters.
//
// Usage: npm install --no-save @faker-js/faker@10.6.0 && node scripts/first-names.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// One word: the reader looks up a name's first word, and the first word of "Ai Linh" alone names no one.
const LATIN_WORD = /^[\p{Script=Latin}'’-]+$/u;
const fold = (name) => name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** Every locale's first names (a list, or lists by sex), one Latin-script word each, folded, once each, sorted. */
export function firstNamesOf(locales) {
  const names = new Set();
  for (const locale of Object.values(locales)) {
    const given = locale.person?.first_name;
    if (!given) continue;
    for (const name of (Array.isArray(given) ? given : Object.values(given)).flat()) {
      if (typeof name === 'string' && LATIN_WORD.test(name)) names.add(fold(name));
    }
  }
  return [...names].sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('@faker-js/faker/package.json'));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const { allLocales } = await import('@faker-js/faker');
  const names = firstNamesOf(allLocales);
  const out = join(dirname(fileURLToPath(import.meta.url)), '../src/notes/first-names.json');
  const source = `person.first_name of every locale of @faker-js/faker ${version} (MIT)`;
  const licence = readFileSync(join(packageDir, 'LICENSE'), 'utf8');
  writeFileSync(out, `${JSON.stringify({ source, licence, command: 'node scripts/first-names.mjs', names: names.join('\n') }, null, 1)}\n`);
  console.log(`${names.length} first names → ${out}`);
}

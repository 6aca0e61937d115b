#!/usr/bin/env node
// Writes src/text/english-irregular-forms.json: English verb forms whose inflection Snowball cannot undo
// ("dealt", "built", "taught"), each with its base form, so that a question asking which talks "dealt
// with" a topic meets notes saying "deal", and "built" meets "build". Taken from WordNet 3.0's verb
// exception list (Debian package wordnet-base: /usr/share/wordnet/verb.exc; WordNet 3.0 licence, its
// notice kept in the file written). A form that WordNet's sense-tagged corpus uses as a noun or a verb
// of its own ("found", "left", "saw", "ground") is left as it is: it is a word as often as an inflection.
// The noun exceptions are left out for the same reason, more often than not ("media", "leaves").
// A form that is also a French word ("met", "sent", "lit", "rang") is left as it is too: French notes
// write them everywhere ("met en place"), and every analyser reads both languages. French words are
// those Apertium's French analyser knows (apertium-fr-es, GPL-2.0, only run, nothing of it copied).
// Only forms among the English frequency list's words are kept: rarer ones are seldom written in notes.
//
// Usage: apt-get install wordnet-base apertium-fr-es lttoolbox && node scripts/english-irregular-forms.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer } from '@orama/stemmers/english';

const wordnet = '/usr/share/wordnet';
const here = dirname(fileURLToPath(import.meta.url));
const lines = (file) => readFileSync(join(wordnet, file), 'latin1').split('\n').filter((l) => l && !l.startsWith(' '));
// A noun or verb lemma that WordNet's sense-tagged corpus (SemCor) uses as such: "found", "left",
// "saw", "ground". Fields of an index line: lemma pos synset_cnt p_cnt ptr_symbol… sense_cnt tagsense_cnt.
const taggedLemma = (line) => {
  const fields = line.split(' ');
  return Number(fields[5 + Number(fields[3])]) > 0 ? [fields[0]] : [];
};
const lemmas = new Set(['noun', 'verb'].flatMap((pos) => lines(`index.${pos}`).flatMap(taggedLemma)));
const frequent = new Set(JSON.parse(readFileSync(join(here, '../src/text/english-frequency.json'), 'utf8')).words.split('\n'));
const candidates = lines('verb.exc')
  .map((line) => line.trim().split(/\s+/))
  .filter(([form, base]) => /^[a-z]+$/.test(form) && /^[a-z]+$/.test(base) && !lemmas.has(form) && frequent.has(form))
  .filter(([form, base]) => stemmer(form) !== stemmer(base));
// The analyser marks a word it does not know with "*": "^dealt/*dealt$", against "^met/mettre<vblex>…$".
const analysed = execFileSync('lt-proc', ['/usr/share/apertium/apertium-fr-es/fr-es.automorf.bin'], {
  input: candidates.map(([form]) => form).join('\n'),
  encoding: 'utf8',
});
const french = new Set([...analysed.matchAll(/\^([^/$]+)\/(?!\*)/g)].map((m) => m[1]));
const forms = {};
for (const [form, base] of candidates) if (!french.has(form) && !(form in forms)) forms[form] = base;
// The licence asks that its notice, statements and disclaimer appear on every copy: the whole of it is
// written into the file, as Debian's package gives it.
const notice = readFileSync('/usr/share/doc/wordnet-base/copyright', 'utf8')
  .split(/^License: WordNet3\.0\n/m)[1]
  .split(/^\S/m)[0]
  .replace(/^ \.?/gm, '')
  .trim();
const out = join(here, '../src/text/english-irregular-forms.json');
writeFileSync(out, `${JSON.stringify({ source: 'WordNet 3.0 verb.exc (Debian wordnet-base)', licence: notice, command: 'node scripts/english-irregular-forms.mjs', forms }, null, 1)}\n`);
console.log(`${Object.keys(forms).length} forms → ${out}`);

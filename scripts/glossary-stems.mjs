#!/usr/bin/env node
// Writes src/text/glossary-data/stems.json: the glossary keyed by stems, as query expansion looks it up
// (src/text/glossary-stems.ts), so that no `confnotes ask` stems the ~11,000 glossary words again.
// Run it after changing the glossary or the stemming: test/text/glossary-stems.test.ts fails until then.
//
// Usage: npm run build && node scripts/glossary-stems.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { computeStems } = await import(join(root, 'dist/src/text/glossary-stems.js'));
const stems = computeStems();
const out = join(root, 'src/text/glossary-data/stems.json');
writeFileSync(out, `${JSON.stringify(stems)}\n`);
console.log(`${stems.toEnglish.length} French and ${stems.toFrench.length} English stems → ${out}`);

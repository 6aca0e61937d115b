#!/usr/bin/env node
// Writes src/notes/document-sections.json: the names of the sections a publication has around its body
// (introduction, conclusion, acknowledgments, bibliography, index…), so that a note's "## Conclusion" is
// read as a section about the notes, not as a talk. Taken from the W3C's Digital Publishing WAI-ARIA
// module (DPUB-ARIA 1.0), as the aria-query package ships it (Apache-2.0; the role names are the W3C's
// vocabulary). Its roles that are landmarks, the sections a reader navigates between, are kept, less
// `doc-chapter` and `doc-part`: they divide the body itself, which in notes is the talks.
//
// Usage: npm install --no-save aria-query@5.3.2 && node scripts/document-sections.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BODY = new Set(['doc-chapter', 'doc-part']);

/** The section names among aria-query's roles (name → definition): DPUB-ARIA landmarks around the body. */
export function sectionNames(roles) {
  return [...roles.entries()]
    .filter(([name, role]) => name.startsWith('doc-') && !BODY.has(name) && role.superClass.some((chain) => chain.includes('landmark')))
    .map(([name]) => name.slice('doc-'.length))
    .sort();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const require = createRequire(import.meta.url);
  const { roles } = require('aria-query');
  const { version } = require('aria-query/package.json');
  const sections = sectionNames(roles);
  const out = join(dirname(fileURLToPath(import.meta.url)), '../src/notes/document-sections.json');
  const source = `DPUB-ARIA 1.0 landmark roles, from aria-query ${version} (Apache-2.0)`;
  writeFileSync(out, `${JSON.stringify({ source, command: 'node scripts/document-sections.mjs', sections }, null, 1)}\n`);
  console.log(`${sections.length} sections → ${out}`);
}

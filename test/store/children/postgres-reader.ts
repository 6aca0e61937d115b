// Queries a PostgreSQL store for a while and checks that no result mixes two versions of the file being
// re-applied: each result must hold all passages of exactly one version. Usage: postgres-reader <url> <ms>.
import { openPostgresStore } from '../../../src/index/postgres-store.js';
import { CHANGING_FILE, writerVariant } from '../fixtures.js';

const [url, duration] = process.argv.slice(2);
const store = await openPostgresStore(url!);
const versions = [0, 1].map((v) => writerVariant(1, v).find((f) => f.file === CHANGING_FILE)!);
const idSets = versions.map((f) => f.passages.map((p) => p.id).sort().join(' '));
const seen = [0, 0];
const mixed: string[] = [];

function check(kind: string, ids: string[]): void {
  const key = ids.filter((id) => id.startsWith(CHANGING_FILE)).sort().join(' ');
  const version = idSets.indexOf(key);
  if (version === -1) mixed.push(`${kind}: ${key}`);
  else seen[version]!++;
}

const until = Date.now() + Number(duration);
while (Date.now() < until) {
  // Every passage of the file carries its conference name, and 1,000 covers every passage of the store.
  check('lexical', (await store.lexicalSearch('Scaleconf', 1000)).map((h) => h.id));
  check('vector', (await store.vectorSearch(versions[0]!.vectors[0]!, 1000)).map((h) => h.id));
}
await store.close();
process.stdout.write(JSON.stringify({ seen, mixed: mixed.slice(0, 3), mixedCount: mixed.length }));

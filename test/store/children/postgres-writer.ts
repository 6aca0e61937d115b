// Re-applies one file of a PostgreSQL store, alternating two versions whose passages all differ, for a
// while. Usage: postgres-writer <url> <milliseconds>. Prints how many applies it made.
import { openPostgresStore } from '../../../src/index/postgres-store.js';
import { CHANGING_FILE, TEST_EMBEDDER, writerVariant } from '../fixtures.js';

const [url, duration] = process.argv.slice(2);
const store = await openPostgresStore(url!);
const versions = [0, 1].map((v) => writerVariant(1, v).find((f) => f.file === CHANGING_FILE)!);
const until = Date.now() + Number(duration);
let applies = 0;
while (Date.now() < until) {
  await store.apply({ embedder: TEST_EMBEDDER, upsert: [versions[applies % 2]!], remove: [] });
  applies++;
}
await store.close();
process.stdout.write(JSON.stringify({ applies }));

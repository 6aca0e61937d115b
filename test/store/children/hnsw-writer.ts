// Applies a big change to an embedded store forever, alternating between three variants of the same
// files, until it is killed. Usage: hnsw-writer <dir> <copies>
import { openHnswStore } from '../../../src/index/hnsw-store.js';
import { TEST_EMBEDDER, writerVariant } from '../fixtures.js';

const [dir, copies] = process.argv.slice(2);
const store = await openHnswStore(dir!);
const variants = [0, 1, 2].map((v) => writerVariant(Number(copies), v));
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await store.apply({ embedder: TEST_EMBEDDER, upsert: variants[i % 3]!, remove: [] });
  process.stdout.write(`applied ${i % 3}\n`);
}

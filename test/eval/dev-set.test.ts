// Regression floor on the shared development questions: figures well below today's, so that a change
// that breaks retrieval or citations fails here, while tuning is judged with `confnotes eval` itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli, SHARED } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';

describe.skipIf(!existsSync(join(SHARED, 'eval')))('the shared dev questions over the shared corpus (needs ../shared)', () => {
  it('keeps recall, hybrid ahead of both baselines, and every citation verbatim', async () => {
    const result = await runCli(
      ['eval', '--json', '--questions', join(SHARED, 'eval/dev-corpus.jsonl'), '--notes', join(SHARED, 'corpus')],
      cliEnv(testModelsDir()),
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.citations_valid).toBe(1);
    expect(report.recall_at_k).toBeGreaterThanOrEqual(0.85);
    expect(report.recall_at_k).toBeGreaterThanOrEqual(report.baselines.vector.recall_at_k);
    expect(report.recall_at_k).toBeGreaterThan(report.baselines.bm25.recall_at_k);
    expect(report.mrr_at_10).toBeGreaterThan(report.baselines.bm25.mrr_at_10);
    expect(report.false_abstain).toBeLessThanOrEqual(0.15);
    expect(report.abstain_negatives).toBeGreaterThanOrEqual(0.6);
  });
});

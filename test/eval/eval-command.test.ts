// `confnotes eval` as other tools use it: JSON with a fixed shape, scores that can be re-derived.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli, tempDir } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';

const QUESTIONS = 'test/fixtures/questions-seeds.jsonl';

describe('confnotes eval', () => {
  it('prints the report as JSON with every field, and the Etsy question hits', async () => {
    const result = await runCli(['eval', '--json', '--questions', QUESTIONS, '--notes', 'data/notes', '--k', '5'], cliEnv(testModelsDir()));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    for (const key of ['questions', 'recall_at_k', 'k', 'mrr_at_10', 'expect_hit', 'false_abstain', 'abstain_negatives', 'citations_valid', 'by_kind', 'baselines', 'results']) {
      expect(report).toHaveProperty(key);
    }
    expect(report.questions).toBe(2);
    expect(report.k).toBe(5);
    expect(report.recall_at_k).toBe(1);
    expect(report.citations_valid).toBe(1);
    expect(report.abstain_negatives).toBe(1);
    expect(Object.keys(report.baselines)).toEqual(['bm25', 'vector']);
    expect(report.baselines.bm25).toHaveProperty('recall_at_k');
    expect(report.by_kind.company.recall_at_k).toBe(1);
    const etsy = report.results.find((r: { id: string }) => r.id === 'etsy-post-mortems');
    expect(etsy.abstained).toBe(false);
    expect(etsy.passages.length).toBeLessThanOrEqual(10);
    expect(etsy.passages[0]).toEqual({ file: expect.any(String), lines: [expect.any(Number), expect.any(Number)] });
    expect(etsy.excerpts[0]).toMatchObject({ quote: expect.any(String), file: '001_34568cbb42ee90fe.txt' });
  });

  it('explains each answer by its features, reports confidence buckets, and refits leaving notes files out with --folds', async () => {
    const result = await runCli(['eval', '--json', '--folds', '2', '--questions', QUESTIONS, '--notes', 'data/notes'], cliEnv(testModelsDir()));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const etsy = report.results.find((r: { id: string }) => r.id === 'etsy-post-mortems');
    expect(etsy.explain.confidence).toBeGreaterThanOrEqual(0.5);
    expect(Object.keys(etsy.explain.decision)).toContain('unseen_share');
    expect(etsy.explain.passages[0].features).toHaveProperty('talk_coverage');
    expect(etsy.explain.sentences[0]).toMatchObject({ file: '001_34568cbb42ee90fe.txt', score: expect.any(Number) });
    expect(report.reliability.reduce((n: number, b: { questions: number }) => n + b.questions, 0)).toBe(2);
    // One file's question and one negative: each fold holds one, scored with weights fitted on the other.
    expect(report.folds.n).toBe(2);
    expect(report.folds.per_fold.map((f: { questions: number }) => f.questions)).toEqual([1, 1]);
    expect(report.folds.pooled.questions).toBe(2);
    // Each question's held-out answer, explained as in the plain run.
    expect(report.folds.results.map((r: { id: string }) => r.id).sort()).toEqual(report.results.map((r: { id: string }) => r.id).sort());
    expect(report.folds.results.find((r: { id: string }) => r.id === 'etsy-post-mortems').explain.decision).toHaveProperty('unseen_share');
  });

  it('scores only --questions when the folds also fit on --train questions, leaves --without features out of their fits, deals files by --fold-seed, and wants --folds with each', async () => {
    const training = join(tempDir('eval'), 'training.jsonl');
    writeFileSync(training, `${JSON.stringify({ id: 't-scaleconf', question: 'where were the scaleconf 2017 notes fleshed out from?', kind: 'conference', gold: [{ file: '002_229ae74f5be487c1.txt', lines: [3, 5] }], expect: ['chicken scribbles'] })}\n`);
    const result = await runCli(
      ['eval', '--json', '--folds', '2', '--questions', QUESTIONS, '--train', training, '--without', 'kind_unstated', 'sentence:passage_score', '--fold-seed', 'second', '--notes', 'data/notes'],
      cliEnv(testModelsDir()),
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.questions).toBe(2);
    expect(report.folds.results.map((r: { id: string }) => r.id).sort()).toEqual(['chocolate-cake', 'etsy-post-mortems']);
    expect(report.folds.without).toEqual(['sentence:passage_score', 'answer:kind_unstated']);
    expect(report.folds.seed).toBe('second');
    for (const flag of [['--train', training], ['--without', 'kind_unstated'], ['--fold-seed', 'second']]) {
      const noFolds = await runCli(['eval', '--questions', QUESTIONS, ...flag, '--notes', 'data/notes'], cliEnv(testModelsDir()));
      expect(noFolds.code, flag[0]).toBe(2);
      expect(noFolds.stderr).toMatch(/--folds N/);
    }
  });

  it('names the fitted features when --without names none of them, or one that two stages share', async () => {
    const unknown = await runCli(['eval', '--folds', '2', '--questions', QUESTIONS, '--without', 'vibes', '--notes', 'data/notes'], cliEnv(testModelsDir()));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no fitted feature "vibes".*answer:unseen_share/);
    const shared = await runCli(['eval', '--folds', '2', '--questions', QUESTIONS, '--without', 'passage_score', '--notes', 'data/notes'], cliEnv(testModelsDir()));
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(/sentence:passage_score or answer:passage_score/);
  });

  it('prints a readable table without --json', async () => {
    const result = await runCli(['eval', '--questions', QUESTIONS, '--notes', 'data/notes'], cliEnv(testModelsDir()));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/recall@5/);
    expect(result.stdout).toMatch(/baseline bm25/);
  });

  it('names the malformed line of a questions file', async () => {
    const file = join(tempDir('eval'), 'bad.jsonl');
    writeFileSync(file, `${'{"id":"a","question":"q","kind":"topic","gold":[]}'}\n{"id": "b", "question": }\n`);
    const result = await runCli(['eval', '--questions', file, '--notes', 'data/notes'], cliEnv(testModelsDir()));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.jsonl:2: not JSON/);
    const missing = await runCli(['eval', '--questions', 'no-such.jsonl', '--notes', 'data/notes'], cliEnv(testModelsDir()));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such\.jsonl does not exist/);
  });
});

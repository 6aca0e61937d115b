// Refits the answer layer on a small notes folder and questions of our own, through the real model and a
// real index, and checks that the refitted weights behave as the committed ones do on the same questions.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/app.js';
import type { AnswerWeights } from '../../src/answers/answer-weights.js';
import { loadConfig } from '../../src/config.js';
import type { EvalQuestion } from '../../src/eval/questions.js';
import { fitSourceOf, fitWeights } from '../../src/fit/fit-weights.js';
import { leftOut } from '../../src/fit/leave-out.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { testModelsDir } from '../helpers/model.js';

const NOTE = [
  '# Harbour Conf 2031',
  '',
  '## Baking bread at scale',
  '',
  '### Ada Example (Loafworks)',
  '',
  'Ada introduced Loafworks, a bakery chain with forty shops.',
  'Their ovens report temperatures every minute to a central dashboard.',
  'When an oven drifts, the shop gets an alert before the bread burns.',
  '',
  '## Sailing schedules with spreadsheets',
  '',
  '### Grace Example (Tidewise)',
  '',
  'Grace works at Tidewise, which plans ferry crossings.',
  'The whole timetable lived in one shared spreadsheet for ten years.',
  'They moved it to a database after two crossings were booked twice.',
  '',
  '## Lighthouses and solar power',
  '',
  '### Linus Example (Beaconry)',
  '',
  'Linus keeps lighthouses running on solar panels and batteries.',
  'In winter the batteries last three days without sun.',
  'Maintenance crews visit each lighthouse twice a year by boat.',
  '',
].join('\n');

const q = (id: string, question: string, lines: [number, number], expect: string[]): EvalQuestion => ({
  id, question, kind: 'topic', gold: [{ file: 'harbour-2031.md', lines }], expect,
});
const questions: EvalQuestion[] = [
  q('ovens', 'how does loafworks know an oven drifts?', [3, 10], ['report temperatures']),
  q('alert', 'what happens before the bread burns?', [3, 10], ['gets an alert']),
  q('timetable', 'where did tidewise keep its timetable?', [11, 18], ['one shared spreadsheet']),
  q('double', 'why did tidewise move to a database?', [11, 18], ['booked twice']),
  q('winter', 'how long do the lighthouse batteries last in winter?', [19, 26], ['three days']),
  q('crews', 'how often do crews visit a lighthouse?', [19, 26], ['twice a year']),
];

describe('fitWeights on a small fixture', () => {
  let root: string;
  let kb: KnowledgeBase;
  let refitted: AnswerWeights;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'confnotes-fit-'));
    await writeFile(join(root, 'harbour-2031.md'), NOTE);
    kb = await openKnowledgeBase(
      loadConfig({ CONFNOTES_NOTES_DIR: root, CONFNOTES_INDEX_DIR: join(root, '.index'), CONFNOTES_MODELS_DIR: testModelsDir() }, {}),
    );
    refitted = await fitWeights(fitSourceOf(kb), questions);
  });
  afterAll(async () => {
    await kb?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('answers each question from its talk with the answering sentence, in the talk the committed weights quote', async () => {
    for (const question of questions) {
      const [committed, refit] = await Promise.all([kb.ask(question.question), kb.ask(question.question, { weights: refitted })]);
      expect(refit.answer.abstained, question.id).toBe(false);
      expect(refit.answer.excerpts.map((e) => e.quote).join(' '), question.id).toContain(question.expect[0]);
      // Abstaining or not, the committed weights would quote the same talk first.
      expect(refit.trace.quoted[0], question.id).toEqual(committed.trace.quoted[0]);
    }
  });

  it('abstains, as the committed weights do, when the question asks a talk about a product no note mentions', async () => {
    const unknown = 'how does loafworks know its quorvabake drifts?';
    const [committed, refit] = await Promise.all([kb.ask(unknown), kb.ask(unknown, { weights: refitted })]);
    expect(committed.answer.abstained).toBe(true);
    expect(refit.answer.abstained).toBe(true);
  });

  it('makes unanswerable counterparts by swapping what is asked of the talk found, not the name that finds it', async () => {
    const { trace } = await kb.ask('how does loafworks know an oven drifts?');
    // "loafworks" is as rare as "oven" and "drifts" here, but it is the talk's company.
    expect(['oven', 'drifts']).toContain(trace.askedOfTalk);
  });

  it('weighs what the committed weights weigh the same way', () => {
    const sign = (weights: AnswerWeights, model: Exclude<keyof AnswerWeights, 'fusion'>, feature: string): number =>
      Math.sign(weights[model].weights[weights[model].features.indexOf(feature)]!);
    for (const [model, feature] of [['passage', 'talk_coverage'], ['sentence', 'coverage'], ['answer', 'unseen_share']] as const) {
      expect(sign(refitted, model, feature), `${model}.${feature}`).not.toBe(0);
    }
    expect(sign(refitted, 'passage', 'talk_coverage')).toBe(1);
    expect(sign(refitted, 'answer', 'unseen_share')).toBe(-1);
  });

  it('fits the features it is told to leave out at 0, and the others as before', async () => {
    const without = await fitWeights(fitSourceOf(kb), questions, undefined, leftOut(['talk_coverage', 'sentence:coverage', 'unseen_share']));
    const weight = (weights: AnswerWeights, model: Exclude<keyof AnswerWeights, 'fusion'>, feature: string): number =>
      weights[model].weights[weights[model].features.indexOf(feature)]!;
    expect([weight(without, 'passage', 'talk_coverage'), weight(without, 'sentence', 'coverage'), weight(without, 'answer', 'unseen_share')]).toEqual([0, 0, 0]);
    expect(weight(without, 'sentence', 'cosine')).not.toBe(0);
    expect(without.fusion).toEqual(refitted.fusion);
  });
});

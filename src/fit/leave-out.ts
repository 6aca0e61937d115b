// Features left out of a fit, for ablation (`confnotes eval --folds N --without F…`): the brief keeps a
// mechanism only when removing it hurts the fold figures, and removing a feature is measured by fitting
// every stage as if it were always 0. Its weight then comes out 0 (a constant carries nothing), so the
// answer layer runs unchanged and the held folds see exactly the model that lacks it.
import { ANSWER_FEATURES } from '../answers/decide.js';
import { SENTENCE_FEATURES } from '../answers/extract-excerpts.js';
import { PASSAGE_FEATURES } from '../answers/rerank.js';
import { ConfnotesError } from '../errors.js';
import type { Sample } from './logistic.js';

const STAGES = { passage: PASSAGE_FEATURES, sentence: SENTENCE_FEATURES, answer: ANSWER_FEATURES } as const;
export type Stage = keyof typeof STAGES;

/** Per fitted stage, the features fitted as if they were always 0. */
export type LeftOut = Readonly<Record<Stage, ReadonlySet<string>>>;

export const NOTHING_LEFT_OUT: LeftOut = { passage: new Set(), sentence: new Set(), answer: new Set() };

/**
 * The features named, each as `feature` when one stage has it or `stage:feature` ("answer:passage_score":
 * the sentence scorer has a feature of that name too).
 */
export function leftOut(names: readonly string[]): LeftOut {
  const stages = Object.keys(STAGES) as Stage[];
  const out = { passage: new Set<string>(), sentence: new Set<string>(), answer: new Set<string>() };
  for (const name of names) {
    const [stage, feature] = name.includes(':') ? (name.split(':', 2) as [string, string]) : [undefined, name];
    const having = stages.filter((s) => (stage === undefined || s === stage) && (STAGES[s] as readonly string[]).includes(feature));
    if (having.length !== 1) {
      const known = stages.flatMap((s) => STAGES[s].map((f) => `${s}:${f}`)).join(', ');
      const detail =
        having.length === 0
          ? `no fitted feature "${name}" (known: ${known})`
          : `"${name}" names a feature of ${having.join(' and ')}: write ${having.map((s) => `${s}:${feature}`).join(' or ')}`;
      throw new ConfnotesError('EVAL_FEATURE_UNKNOWN', detail);
    }
    out[having[0]!].add(feature);
  }
  return out;
}

/** The features left out, as `stage:feature`, for the report. */
export const namesLeftOut = (left: LeftOut): string[] => (Object.keys(left) as Stage[]).flatMap((stage) => [...left[stage]].map((f) => `${stage}:${f}`));

/** The samples with the left-out features' values set to 0. */
export function withoutFeatures<S extends Sample>(features: readonly string[], samples: readonly S[], left: ReadonlySet<string>): S[] {
  if (!features.some((f) => left.has(f))) return [...samples];
  return samples.map((sample) => ({ ...sample, x: sample.x.map((v, j) => (left.has(features[j]!) ? 0 : v)) }));
}

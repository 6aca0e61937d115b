// A question naming a technology that no note mentions ("state management with Elm?") is not answered by
// notes on state management: the notes are silent on what was asked. Names come from Devicon's list of
// programming technologies (src/text/technology-names.ts). A technology counts as mentioned when any of
// its names is, or the name without a suffix such as "js" ("nodejs" is mentioned by "Node.js").
import type { Store } from '../index/store.js';
import { analyze, termsOf } from '../text/analyze.js';
import { technologyFamilies } from '../text/technology-names.js';
import type { QueryTerm } from './term-weights.js';

const familyOf = new Map(technologyFamilies.flatMap((family) => family.map((name) => [name, family] as const)));
const SUFFIX = /(?:js|lang|db|sql|io)$/u;

/** The ways notes may name the technology a word names; none when the word names no technology. */
export function technologyNames(word: string): string[] {
  const family = familyOf.get(word.toLowerCase());
  if (!family) return [];
  // "mysql" less its suffix is "my", a stop word that every note uses.
  const cut = family.map((name) => name.replace(SUFFIX, '')).filter((name) => name.length >= 2 && termsOf(name).length > 0);
  return [...new Set([...family, ...cut])];
}

/** The question's words naming a technology that no note mentions under any of its names. */
export async function absentTechnologies(store: Pick<Store, 'documentFrequency'>, topicTerms: QueryTerm[]): Promise<string[]> {
  const unseen = topicTerms.filter((t) => t.df === 0 && technologyNames(t.word).length > 0);
  const absent = await Promise.all(
    unseen.map(async ({ word }) => {
      const mentioned = await Promise.all(technologyNames(word).map(async (name) => (await store.documentFrequency(analyze(name))) > 0));
      return mentioned.some(Boolean) ? undefined : word;
    }),
  );
  return absent.filter((word): word is string => word !== undefined);
}

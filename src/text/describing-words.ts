// Which words a question uses to describe rather than to name: adjectives, adverbs and verbs, as
// wink-nlp's English model tags them in the sentence ("was the keynote dull?", "can it reliably
// replace…"). A word no note uses leaves the notes silent when it names what they never mention (a
// product, a company, a place); one that describes is more often one they say otherwise. A tagger, not a
// word list: the same word names or describes by its place in the sentence, and the words at stake are
// the ones no list of ours would hold.
//
// The model is English, and tags a French question less reliably, by what its words look like ("jetable"
// as an adjective). Only words of general English or French are ever set aside (term-weights.ts): a name
// past both lists stays, whatever its tag.
//
// The model takes ~130 ms to load: it is loaded on first use, and only questions with a word no note
// uses need it.
import type { WinkMethods } from 'wink-nlp';
import { words } from './analyze.js';

const DESCRIBING = new Set(['ADJ', 'ADV', 'VERB']);

let tagger: Promise<WinkMethods> | undefined;

async function loadTagger(): Promise<WinkMethods> {
  const [{ default: winkNLP }, { default: model }] = await Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]);
  // Tagging needs the sentence boundaries and the parts of speech only.
  return winkNLP(model, ['sbd', 'pos']);
}

/** The question's words (as `words` splits them) that its sentences use as adjectives, adverbs or verbs. */
export async function describingWords(question: string): Promise<Set<string>> {
  const nlp = await (tagger ??= loadTagger());
  const tokens = nlp.readDoc(question).tokens();
  const tags = tokens.out(nlp.its.pos);
  // The tagger keeps "non-alcoholic" one token; `words` splits it.
  return new Set(tokens.out().flatMap((token, i) => (DESCRIBING.has(tags[i]!) ? words(token) : [])));
}

import { opensOnGivenName } from '../notes/names.js';
import { plainText } from '../notes/prose.js';
import { analyze, foldAccents, snowballStopwords, words } from '../text/analyze.js';
import { namesUnitOf, type Measure } from '../text/units.js';
import { unsaidIn, type QueryTerm } from './term-weights.js';
import { yearsAsked } from '../retrieval/conference-match.js';
import { questionLanguage } from '../retrieval/expand-query.js';
import type { Language } from '../types.js';

// Questions that ask for a list of talks ("which talks at Velocity covered serverless?", "quels talks
// à dotScale ?", "any GraphQL sessions?") want one quote from each of several talks rather than the
// best few sentences. A question about one talk names a talk too ("what was the Shopify talk about?"):
// there the asking word is a pronoun, followed by a verb and an article, where in a listing it is the
// talk noun's determiner, followed by nothing or by the topic's words.
const talkNoun = /^(?:talk|session|keynote|presentation|speaker|orateur|conference|intervention)s?$/u;
const askingWord = /^(?:which|what|any|quel(?:le)?s?)$/u;
// A verb asking for a list is no pronoun: "list the sourdough sessions", "liste les talks sur le levain".
const listingVerb = /^(?:list|liste[rz]?)$/u;
const whichOnes = /^(?:which|lesquel(?:le)?s)$/u;
const aboutWord = /^(?:about|on|covering|sur)$/u;
/** Topic words a listing's determiner may stand away from its noun ("which QCon New York 2015 talks"). */
const DETERMINER_REACH = 5;

export function asksForTalks(question: string): boolean {
  const tokens = words(foldAccents(question));
  return tokens.some((token, i) => {
    if (!talkNoun.test(token)) return false;
    const before = Math.max(0, i - 1 - DETERMINER_REACH);
    if (tokens.slice(before, i).some((t) => listingVerb.test(t))) return true;
    // Any function word between the asking word and the noun makes the asking word a pronoun.
    for (let j = i - 1; j >= before; j--) {
      if (askingWord.test(tokens[j]!)) return true;
      if (snowballStopwords.has(tokens[j]!)) break;
    }
    // "talks on serverless", "lightning talks: which ones…": a plural noun followed by its topic or by the asking.
    const plural = token.endsWith('s');
    return plural && (aboutWord.test(tokens[i + 1] ?? '') || tokens.slice(i + 1, i + 4).some((t) => whichOnes.test(t)));
  });
}

// The asking that says what an amount measures: "how long" a time, "how big" a size. Its answer may
// count nothing the question names ("took 2 years", "seulement 53 Mo"): the unit says what it is.
const measureAskings: ReadonlyArray<[Measure, RegExp]> = [
  ['duration', /\b(?:how (?:long|fast|often|old)|combien de temps|quelle (?:durée|fréquence))\b/iu],
  ['size', /\b(?:how (?:big|small|large|heavy)|what size|quelle taille)\b/iu],
  ['share', /\b(?:what (?:percentage|share|proportion|fraction)|how much of|quel(?:le)? (?:pourcentage|proportion|part)|en proportion)\b/iu],
];

// Questions that ask for an amount ("how many servers…", "etsy deploys per day?", "combien de requêtes…")
// are answered by a sentence holding a number, whatever else it shares with the question. Every asking
// of a measure asks for an amount: the pattern is built from them, so that the two never disagree.
const quantityPattern = new RegExp(
  [
    /\b(?:how (?:many|much)|combien|per (?:day|week|month|year|hour|minute|second)|par (?:jour|semaine|mois|an|heure|minute|seconde))\b/u,
    ...measureAskings.map(([, asking]) => asking),
  ]
    .map((pattern) => pattern.source)
    .join('|'),
  'iu',
);

// A question that names a price asks one, when it asks an amount ("how much did the oven cost?",
// "combien coûtait la formation ?"); elsewhere the word is a topic ("what about flour prices?").
const priceWord = /\b(?:cost(?:s|ed|ing)?|pric(?:e|es|ed|ing)|charge[sd]?|co[uû]t(?:e|es|ent|ait|aient|é|ée|s)?|prix|tarifs?)(?![\p{L}\p{N}])/iu;

/** What an amount question measures, when its asking says: a time, a size, a share, or a price. */
export const measureOf = (question: string): Measure | undefined =>
  measureAskings.find(([, asking]) => asking.test(question))?.[0] ?? (priceWord.test(question) ? 'price' : undefined);

// "Who gave the keynote?", "c'est qui qui…", "par qui ?": the asking word opens the question or a clause
// of it. After a noun it is a relative pronoun ("a baker who can't stand rye", "un boulanger qui…").
const personPattern = /(?:^|[,;:?!(]\s*|\s[-–]\s+|\b(?:and|et|c'?est|by|par)\s+)(?:who(?:'s|se)?|whom|qui)\b/iu;

/** The words a question writes, folded: what it asks about is not its answer. */
export const givenWords = (question: string): ReadonlySet<string> => new Set(words(foldAccents(question)));
const NOTHING_GIVEN: ReadonlySet<string> = new Set();

// Two capitalised words in a row ("Martin Kleppmann", "Mitchell Hashimoto"), particles allowed between.
const personName = /\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?\s+(?:(?:de|van|von|der|da|del|le|la)\s+)?\p{Lu}\p{Ll}+/gu;

/**
 * A text that names someone as notes write people: a given name and a surname, other than in words the
 * question wrote itself. "Who gave the Sourdough Basics keynote?" is not answered by the title it names,
 * nor by "Proof Time" or "Pattern Matching", capitalised as notes write what a talk showed.
 */
export const namesPerson = (text: string, given: ReadonlySet<string> = NOTHING_GIVEN): boolean =>
  [...text.matchAll(personName)].some(([name]) => opensOnGivenName(name) && !words(foldAccents(name)).every((word) => given.has(word)));

const numberWord =
  /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|deux|trois|quatre|cinq|sept|huit|neuf|dix|quinze|vingt|trente|quarante|cinquante|cent|mille|milliers?|milliards?|dizaines?|douzaines?|quinzaine|vingtaine|trentaine|cinquantaine|centaines?)$/u;
// A list item's own number ("3) Secrets…") is numbering, not an amount.
const numbering = /^\s*(?:[-*+]\s+)?\d{1,3}[.)]\s/gmu;
// A year dates a sentence; it is seldom the amount asked for.
const year = /^(?:19|20)\d\d$/u;
// A number opens the word ("50", "53mo", "2k"): a name holding digits is no amount ("k8s", "ec2"). A
// number the question writes is what it asks about, not its answer: the "2" of "HTTP/2", a version.
const isAmount = (word: string, given: ReadonlySet<string>): boolean =>
  ((/^\d/u.test(word) && !year.test(word)) || numberWord.test(word)) && !given.has(word);

/**
 * How far, in words, an amount stands from what it counts: one phrase ("over 8000 people", "perdez 40%
 * des utilisateurs", "50 deploys a day"). Further, it counts something else: "two weeks ago … at Paris
 * Web, the participants" does not say how many took part.
 */
const PHRASE_REACH = 4;

/**
 * A Markdown text that states an amount of something `counts` accepts: a digit outside list numbering
 * and years, or a number word, within a phrase of it. Read as a reader sees it: an image's file name
 * ("20181127_173421.jpg") or a reference link's label ("[Portland][9]") states nothing.
 */
export function statesAmountOf(markdown: string, counts: (word: string) => boolean, given = NOTHING_GIVEN): boolean {
  const tokens = words(readAmounts(markdown));
  return tokens.some((token, i) => isAmount(token, given) && tokens.slice(Math.max(0, i - PHRASE_REACH), i + PHRASE_REACH + 1).some(counts));
}

// The signs of a measure, beside a number, that words cannot read: a currency's ("99€", "$45", "2k€",
// "€ 5"), and percent's, CLDR's short name for it ("5%", "5 %").
const signed: Partial<Record<Measure, RegExp>> = {
  price: /\p{Sc}\s?\d|\d(?:[\d.,\s]*\d)?\s?[kKMBT]?\s?\p{Sc}/u,
  share: /\d\s?%/u,
};

/** A Markdown text that states an amount in a unit of the measure: "2 years", "53Mo", "dix-huit minutes", "99 €", "5%". */
export function statesMeasureOf(markdown: string, measure: Measure, given = NOTHING_GIVEN): boolean {
  const text = readAmounts(markdown);
  if (signed[measure]?.test(text)) return true;
  const tokens = words(text).map(foldAccents);
  return tokens.some((token, i) => {
    if (!isAmount(token, given)) return false;
    const glued = /^\d+(\p{L}+)$/u.exec(token)?.[1];
    return namesUnitOf(measure, glued ?? tokens[i + 1] ?? '');
  });
}

/** The text a reader reads amounts in: plain, list numbering left out. */
const readAmounts = (markdown: string): string => plainText(markdown.replace(numbering, ''));

/** What a question asks for, as the answer layer reads it. */
export interface Intent {
  /** Conferences the question names. */
  named: string[];
  /** The question's words less a year that names the edition of a named conference: passages are ranked on these. */
  rankingTerms: QueryTerm[];
  /** The ranking terms less the conference's own words: they say where to look, not what is asked. */
  topicTerms: QueryTerm[];
  /** Nothing asked but the conference ("quels talks à dotScale ?"): the answer lists its talks. */
  conferenceOnly: boolean;
  /** One quote from each of several talks, their titles allowed. */
  listing: boolean;
  /** What each asking of the question asks for: an amount ("how many…"), a person ("who…"), or anything. */
  answerKinds: AnswerKind[];
  /** For an amount, what it measures when the asking says ("how long…"). */
  measure?: Measure;
  /** The question's own words: a name or a number it writes does not answer it. */
  given: ReadonlySet<string>;
  /** The question's language, when its words tell ("etsy deploys per day?" does not). */
  language?: Language;
}

export type AnswerKind = 'amount' | 'person' | 'any';

// The verbs a question opens on when it has no asking word ("is it free?", "did anyone bake rye?").
const auxiliary = '(?:is|was|are|were|do|does|did|will|would|can|could|has|have|had)';
const opensOnVerb = new RegExp(`^${auxiliary}\\b`, 'iu');

// Any other asking word: the question asks for a thing, a reason or a way; or for a time or a place,
// where the asking word comes with its verb ("when was it", "c'était où", "où est"). Without it, it opens a
// clause of the question ("when they deleted the clusters, how long…", "la salle où…").
const otherAsking = new RegExp(
  `\\b(?:which|what|why|how|quel(?:le)?s?|lesquel(?:le)?s?|pourquoi|comment)\\b|\\b(?:when|where)\\s+${auxiliary}\\b|\\bc'?(?:est|était)\\s+(?:quand|où)|\\b(?:quand|où)\\s+(?:est|était|sont|étaient|a|avait|aura|se)\\b`,
  'iu',
);

/**
 * The kind of a clause's first asking: "which tools did she recommend to measure how much debt…" asks for
 * tools, "when they deleted the clusters, how long were users affected?" for an amount. At one place an
 * amount wins ("what percentage", "how many"). A clause opening on a verb asks yes or no: anything. A
 * clause with neither asks nothing ("demo conf 2031 - …", "for a small bakery, …").
 */
function askingOf(clause: string): AnswerKind | undefined {
  const text = clause.trim();
  const at = (pattern: RegExp): number => pattern.exec(text)?.index ?? Number.POSITIVE_INFINITY;
  const kinds: Array<[AnswerKind, number]> = [['amount', at(quantityPattern)], ['person', at(personPattern)], ['any', at(otherAsking)]];
  const first = kinds.reduce((best, kind) => (kind[1] < best[1] ? kind : best));
  if (first[1] !== Number.POSITIVE_INFINITY) return first[0];
  return opensOnVerb.test(text) ? 'any' : undefined;
}

// Where a question's clauses part: punctuation, a dash between spaces, "and", "et".
const clauseBreak = /[,;:?!]|\s[-–—]\s|\b(?:and|et)\b/giu;

/**
 * What the question asks for, one kind per clause that asks: a question may ask two things ("how many
 * loaves a day, and what flour do they use?", "how long does the dough rest, and can it rest overnight?"),
 * and the notes may answer one of them. A question whose clauses ask nothing asks for anything.
 */
export function askedKinds(question: string): AnswerKind[] {
  const kinds = question.split(clauseBreak).flatMap((clause) => askingOf(clause) ?? []);
  return kinds.length > 0 ? kinds : ['any'];
}

// "When and where was X?" asks about the event, not for its talks, though it has no word but the name.
const asksAboutTheEvent = /\b(?:when|where|how|why|quand|comment|pourquoi)\b|(?<![\p{L}])où(?![\p{L}])/iu;

export function intentOf(question: string, queryTerms: QueryTerm[], named: string[]): Intent {
  // A year beside a named conference says which edition ("dotscale 2014", "kubecon 18"), even when the
  // name has none: another conference's passages of that year do not cover it.
  const years = new Set(yearsAsked(question, named));
  const rankingTerms = queryTerms.filter((t) => !(named.length > 0 && (/^(?:19|20)\d{2}$/.test(t.word) || years.has(`20${t.word}`))));
  const conferenceTerms = new Set(analyze(named.join(' ')));
  const topicTerms = unsaidIn(conferenceTerms, rankingTerms);
  const conferenceOnly = named.length > 0 && topicTerms.length === 0 && !asksAboutTheEvent.test(question);
  const listing = conferenceOnly || asksForTalks(question);
  const answerKinds = askedKinds(question);
  const measure = answerKinds.includes('amount') ? measureOf(question) : undefined;
  const language = questionLanguage(question);
  return { named, rankingTerms, topicTerms, conferenceOnly, listing, answerKinds, ...(measure && { measure }), given: givenWords(question), ...(language && { language }) };
}

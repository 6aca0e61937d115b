// Questions that ask for a list of talks ("which talks at Velocity covered serverless?", "quels talks
// à dotScale ?") want one quote from each of several talks rather than the best few sentences.
const talkWords = '(?:talks?|sessions?|keynotes?|conf[ée]rences?|pr[ée]sentations?|interventions?|speakers?|orateurs?)';
const listingPattern = new RegExp(
  `\\b(?:which|what|any|list|quel(?:le)?s?|liste)\\b[^?]{0,40}\\b${talkWords}\\b|\\b${talkWords}\\b[^?]{0,30}\\b(?:were|did|covered|about|on|sur|parlaient)\\b`,
  'iu',
);

export const asksForTalks = (question: string): boolean => listingPattern.test(question);

// A reply in a thread the bot answered is a follow-up: "and what did Pinterest say?" after "what did Etsy
// say about post-mortems?" asks about post-mortems at Pinterest. This turns the earlier question and the
// reply into one question the service can answer alone. Pure and platform-free: Slack threads and any
// other conversational surface use the same rule.
import { analyze, foldAccents, stopwords } from '../text/analyze.js';

/** Runs of capitalised words that are not question or function words: "Etsy", "John Allspaw", "QCon London". */
function names(text: string): string[] {
  const found: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) found.push(run.join(' '));
    run = [];
  };
  // Apostrophes split words, so that French elisions ("d’Etsy", "Qu’a") leave the name on its own.
  for (const token of text.split(/[^\p{L}\p{N}-]+/u)) {
    const word = token.replace(/^-+|-+$/g, '');
    const isName = /^\p{Lu}/u.test(word) && !stopwords.has(foldAccents(word.toLowerCase()));
    if (isName) run.push(word);
    else flush();
  }
  flush();
  return found;
}

/** The reply's topic words: its search terms once the names are taken out. */
const topicTerms = (text: string, named: string[]): string[] =>
  analyze(named.reduce((rest, name) => rest.split(name).join(' '), text));

const withoutEnd = (question: string): string => question.trim().replace(/[\s?？!.]+$/u, '');

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes a name with the little word that attached it: "of Etsy", "at Etsy", "d’Etsy", "chez Etsy". */
const dropName = (text: string, name: string): string =>
  text.replace(new RegExp(`(?:\\b(?:of|from|at|de|chez|d)\\s*['’]?\\s*)?${escapeRegExp(name)}`, 'u'), ' ');

/**
 * The question a follow-up asks, given the thread's earlier question:
 * - a reply with neither names nor topic words ("more?", "et alors ?") repeats the earlier question;
 * - a reply naming someone else but no new topic swaps the names in the earlier question
 *   ("and Pinterest?" → "what did Pinterest say about post-mortems?");
 * - a reply with a topic of its own but no name keeps the earlier question's names beside it
 *   ("and about testing?" → "and about testing? (Etsy)");
 * - a reply naming someone and saying something more (another name, a topic word) stands alone:
 *   capitalised technologies ("Python") read as names, so a name plus anything else is a whole question.
 */
export function composeFollowUp(earlier: string, reply: string): string {
  const replyNames = names(reply);
  const replyTopics = topicTerms(reply, replyNames);
  const earlierNames = names(earlier);
  if (replyNames.length === 0 && replyTopics.length === 0) return earlier.trim();
  if (replyNames.length > 0 && replyNames.length + replyTopics.length >= 2) return reply.trim();
  if (replyNames.length > 0) {
    if (earlierNames.length === 0) return `${withoutEnd(earlier)} (${replyNames[0]})?`;
    // The first name becomes the reply's name; the earlier question's other names go.
    const [first, ...others] = earlierNames;
    let swapped = earlier.replace(first!, replyNames[0]!);
    for (const other of others) swapped = dropName(swapped, other);
    return swapped.replace(/\s{2,}/g, ' ').replace(/\s+([?？!.])$/u, ' $1').trim();
  }
  return earlierNames.length > 0 ? `${withoutEnd(reply)} (${earlierNames.join(', ')})?` : reply.trim();
}

// What a reader sees of a Markdown/HTML fragment, to measure how much prose it holds. Link lists,
// images, HTML scaffolding and template tags (Liquid, Hugo shortcodes) are noise for retrieval.
import { fromMarkdown } from 'mdast-util-from-markdown';

const IMAGE = /!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]/g;
const INLINE_LINK = /\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g;
const REFERENCE_LINK = /\[([^\]]*)\]\[[^\]]*\]/g;
const LINK_DEFINITION = /^\s*\[[^\]]+\]:\s*\S+.*$/gm;
/** Liquid and Hugo tags: `{{ site.url }}`, `{% include x %}`. */
export const TEMPLATE_TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const ATTRIBUTES = /\{[^{}\n]*\}/g;
const HTML_TAG = /<\/?[A-Za-z][^>]*>|<!--[\s\S]*?-->/g;
const AUTOLINK = /<(?:https?:|mailto:)[^>]*>/g;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
// A character reference as CommonMark reads one: named (`&rsquo;`), decimal (`&#8217;`) or hexadecimal.
const REFERENCE = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Text with markup removed and link texts kept: "See [the slides](u)" → "See the slides". */
export function plainText(markdown: string): string {
  return markdown
    .replace(LINK_DEFINITION, ' ')
    .replace(IMAGE, ' ')
    .replace(TEMPLATE_TAG, ' ')
    .replace(AUTOLINK, ' ')
    .replace(INLINE_LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(HTML_TAG, ' ')
    .replace(ATTRIBUTES, ' ')
    .replace(URL, ' ')
    .replace(REFERENCE, decodeReference)
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// WordPress writes a note's apostrophes and accents as references ("l&rsquo;article", "d&eacute;ploiement"):
// read as blanks, they would cut its words in two. The parser knows the HTML names; one reference is
// read once (a note repeats the same few).
const decoded = new Map<string, string>();
function decodeReference(reference: string): string {
  let text = decoded.get(reference);
  if (text === undefined) {
    const [paragraph] = fromMarkdown(reference).children;
    const [node] = paragraph?.type === 'paragraph' ? paragraph.children : [];
    text = node?.type === 'text' ? node.value : reference;
    decoded.set(reference, text);
  }
  return text;
}

/** Text the parser never reads (front matter) with its character references decoded as the parser decodes them. */
export const decodeReferences = (text: string): string => text.replace(REFERENCE, decodeReference);

/** Text that ends on a question mark asks something the text after it may answer: "Why proof dough?". */
export const asksWhatFollows = (text: string): boolean => /[?？]\s*$/.test(text);

/** Text that ends on a colon announces what follows it: "Pro tips include:", "Parmi les solutions :". */
export const announcesWhatFollows = (text: string): boolean => /[:：]\s*$/.test(text);

/** Words with at least one letter ("2018" alone is not a word of prose). */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((w) => /\p{L}/u.test(w));
}

/** Number of words a reader sees, link texts included: the size measure of a passage. */
export const wordCount = (markdown: string): number => wordsOf(plainText(markdown)).length;

/** Words outside links, images and tags: a list of links or a sketchnote gallery has none. */
export const proseWordCount = (markdown: string): number =>
  wordsOf(plainText(markdown.replace(IMAGE, ' ').replace(INLINE_LINK, ' ').replace(REFERENCE_LINK, ' '))).length;

// Everything quoted from the notes or echoed from a question passes through here before it reaches
// Slack mrkdwn: notes are written by many people and must never ping a channel or format as a link.

export const CUT_MARKER = '…(cut)';

// A zero-width joiner after "@" is invisible, and Slack no longer sees "@here" or "@U123" as a mention.
const JOINER = '\u200D';

/** Escapes Slack's three control characters and defuses every kind of mention. */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=(?:channel|here|everyone)\b)/gi, `@${JOINER}`)
    .replace(/@(?=[UW][A-Z0-9]{2,}\b)/g, `@${JOINER}`);
}

/** Cuts `text` to at most `max` characters, ending with the cut marker, without splitting an entity or a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = text.slice(0, Math.max(0, max - CUT_MARKER.length));
  head = head.replace(/&[a-z]{0,4}$/, '').replace(/[\uD800-\uDBFF]$/, '');
  return head + CUT_MARKER;
}

// Block Kit building blocks and limits shared by the formatters. Slack rejects a whole message that
// breaks a limit, so every formatter cuts its content to fit instead.
import type { types } from '@slack/bolt';
import { citationUrl } from '../../src/links/citation-url.js';
import type { LineRange } from '../../src/types.js';
import { escapeMrkdwn, truncate } from './escape.js';

export type Block = types.KnownBlock;

/** A message as chat.postMessage and respond() take it: blocks, plus `text` for notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const LIMITS = { blocks: 50, sectionText: 3000, contextText: 3000, messageText: 40_000 } as const;

export function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.sectionText) } };
}

export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, LIMITS.contextText) }] };
}

/** A plain message: one section with the fallback text. */
export function textMessage(mrkdwn: string): SlackMessage {
  return { text: truncate(mrkdwn, LIMITS.messageText), blocks: [section(mrkdwn)] };
}

/** `file:12-15` — also the excerpt id recorded with feedback. */
export function citation(file: string, lines: LineRange): string {
  return `${file}:${lines[0]}-${lines[1]}`;
}

/** The file and lines of an excerpt id written by `citation`. */
export function parseCitation(id: string): { file: string; lines: LineRange } | undefined {
  const match = /^(.+):(\d+)-(\d+)$/.exec(id);
  return match ? { file: match[1]!, lines: [Number(match[2]), Number(match[3])] } : undefined;
}

/**
 * The citation as mrkdwn: a link to the lines when the notes URL is set, code-formatted text otherwise.
 * `|`, `<` and `>` would end Slack's `<url|label>` early, so they are percent-encoded in the address.
 */
export function citationMrkdwn(file: string, lines: LineRange, notesUrl: string | undefined): string {
  const label = escapeMrkdwn(citation(file, lines));
  const url = citationUrl(file, lines, notesUrl);
  if (!url) return `\`${label}\``;
  return `<${url.replace(/[|<>]/g, (c) => encodeURIComponent(c))}|${label}>`;
}

/** A mrkdwn blockquote of verbatim note text, escaped, cut to fit a section. */
export function quoteBlock(text: string, max: number = LIMITS.sectionText): string {
  const quoted = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => `>${escapeMrkdwn(line)}`)
    .join('\n');
  return truncate(quoted, max);
}

/** "Speaker A, Speaker B (Company)" — empty when the note names neither. */
export function people(speakers: string[], companies: string[]): string {
  const who = speakers.join(', ');
  const where = companies.join(', ');
  if (who && where) return `${who} (${where})`;
  return who || where;
}

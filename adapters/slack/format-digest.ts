// Digest → a parent message (the conference at a glance) and thread replies (the talks), so a long
// conference does not flood the channel. Pure, like format-answer.
import type { Digest, DigestTalk } from '../../src/types.js';
import { escapeMrkdwn, truncate } from './escape.js';
import { type Block, type SlackMessage, LIMITS, citationMrkdwn, context, people, quoteBlock, section } from './blocks.js';

// Few enough talks per reply to stay readable; each talk takes two blocks, far below the 50-block cap.
const TALKS_PER_REPLY = 8;
// Highlights share one section with the talk title, so each highlight gets a fair part of its 3000 characters.
const HIGHLIGHT_CHARS = 900;

export interface DigestMessages {
  parent: SlackMessage;
  thread: SlackMessage[];
}

function talkBlocks(t: DigestTalk, notesUrl: string | undefined): { blocks: Block[]; text: string } {
  const title = `*${escapeMrkdwn(t.talk)}*`;
  const who = people(t.speakers, t.companies);
  const body = t.empty || t.highlights.length === 0
    ? '_(no notes)_'
    : t.highlights.map((h) => quoteBlock(h.quote, HIGHLIGHT_CHARS)).join('\n\n');
  const head = who ? `${title} — ${escapeMrkdwn(who)}` : title;
  const text = `${head}\n${body}`;
  return { blocks: [section(text), context(citationMrkdwn(t.file, t.lines, notesUrl))], text };
}

/** `notesUrl` (CONFNOTES_NOTES_URL) turns each talk's citation into a link to its lines. */
export function formatDigest(digest: Digest, notesUrl?: string): DigestMessages {
  const n = digest.talks.length;
  const title = `*Digest of ${escapeMrkdwn(digest.conference)}*${digest.date ? ` (${escapeMrkdwn(digest.date)})` : ''}`;
  const summary = n === 0 ? 'No talks found in the notes.' : `${n} talk${n === 1 ? '' : 's'}, with highlights in the thread 🧵`;
  const files = digest.files.map((f) => `\`${escapeMrkdwn(f)}\``).join(', ');
  const parentBlocks: Block[] = [section(`${title}\n${summary}`)];
  if (files) parentBlocks.push(context(`From ${files}`));
  const parent = { text: truncate(`${title}\n${summary}`, LIMITS.messageText), blocks: parentBlocks };

  const thread: SlackMessage[] = [];
  for (let i = 0; i < n; i += TALKS_PER_REPLY) {
    const talks = digest.talks.slice(i, i + TALKS_PER_REPLY).map((t) => talkBlocks(t, notesUrl));
    thread.push({
      text: truncate(talks.map((t) => t.text).join('\n\n'), LIMITS.messageText),
      blocks: talks.flatMap((t) => t.blocks),
    });
  }
  return { parent, thread };
}

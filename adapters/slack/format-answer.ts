// Answer → Slack message, whole (slash commands, and wherever streaming is refused) or as a stream (the
// quotes as they are written, then the citations and the feedback buttons). Pure: the same Answer always
// gives the same output, which keeps the layout testable without Slack. Every string from the notes or the
// question is escaped here.
import type { Answer, Excerpt } from '../../src/types.js';
import { CUT_MARKER, escapeMrkdwn, truncate } from './escape.js';
import { type Block, type SlackMessage, LIMITS, citation, citationMrkdwn, context, people, quoteBlock, section } from './blocks.js';
import { FEEDBACK_ACTION, encodeFeedbackValue } from './feedback-ref.js';
import type { Vote } from '../../src/gaps/feedback-log.js';

const FEEDBACK_BLOCK_ID = 'confnotes_feedback';
const MAX_ECHOED_QUESTION = 300;
// Header, feedback buttons and a possible "more excerpts" note leave 47 blocks: two per excerpt.
const MAX_EXCERPTS = Math.floor((LIMITS.blocks - 3) / 2);

export interface AnswerFormat {
  /** CONFNOTES_NOTES_URL: citations link to the notes' lines when set. */
  notesUrl?: string;
}

type Source = Pick<Excerpt, 'conference' | 'talk' | 'speakers' | 'companies' | 'file' | 'lines'>;

function excerptSource(e: Source, notesUrl: string | undefined): string {
  const parts = [e.conference, e.talk, people(e.speakers, e.companies)].filter(Boolean).map(escapeMrkdwn);
  return [...parts, citationMrkdwn(e.file, e.lines, notesUrl)].join(' · ');
}

function echo(question: string): string {
  return `“${escapeMrkdwn(truncate(question.replace(/\s+/g, ' '), MAX_ECHOED_QUESTION))}”`;
}

function headline(answer: Answer, notesUrl: string | undefined): string {
  if (!answer.abstained) {
    const n = answer.excerpts.length;
    return `Found ${n} excerpt${n === 1 ? '' : 's'} in the notes for ${echo(answer.question)}:`;
  }
  const closest = answer.closest ?? [];
  if (closest.length === 0) return `The notes are silent on ${echo(answer.question)}.`;
  const talks = closest.map((t) => `• ${escapeMrkdwn(t.conference)} · ${escapeMrkdwn(t.talk)} · ${citationMrkdwn(t.file, t.lines, notesUrl)}`);
  return [`The notes are silent on ${echo(answer.question)}. The closest talks:`, ...talks].join('\n');
}

/** Slack's native 👍/👎 (`feedback_buttons` in a `context_actions` block); each button's value says what it votes on. */
function feedbackBlock(answer: Answer, excerpts: Excerpt[]): Block {
  const ref = { question: answer.question, excerpts: excerpts.map((e) => citation(e.file, e.lines)) };
  return {
    type: 'context_actions',
    block_id: FEEDBACK_BLOCK_ID,
    elements: [
      {
        type: 'feedback_buttons',
        action_id: FEEDBACK_ACTION,
        positive_button: { text: { type: 'plain_text', text: '👍' }, accessibility_label: 'This answer helped', value: encodeFeedbackValue('up', ref) },
        negative_button: { text: { type: 'plain_text', text: '👎' }, accessibility_label: 'This answer did not help', value: encodeFeedbackValue('down', ref) },
      },
    ],
  };
}

const shownExcerpts = (answer: Answer): { shown: Excerpt[]; more?: string } => {
  const excerpts = answer.abstained ? [] : answer.excerpts;
  const shown = excerpts.slice(0, MAX_EXCERPTS);
  const hidden = excerpts.length - shown.length;
  return { shown, ...(hidden > 0 && { more: `${CUT_MARKER} ${hidden} more excerpt(s) not shown.` }) };
};

export function formatAnswer(answer: Answer, format: AnswerFormat = {}): SlackMessage {
  const { shown, more } = shownExcerpts(answer);
  const head = headline(answer, format.notesUrl);
  const blocks: Block[] = [section(head)];
  const text: string[] = [head];
  for (const e of shown) {
    const quote = quoteBlock(e.quote);
    const source = excerptSource(e, format.notesUrl);
    blocks.push(section(quote), context(source));
    text.push(`${quote}\n${source}`);
  }
  if (more) {
    blocks.push(context(more));
    text.push(more);
  }
  blocks.push(feedbackBlock(answer, shown));
  return { text: truncate(text.join('\n\n'), LIMITS.messageText), blocks };
}

/** What a streamed answer sends: `parts` appended one by one (the headline, then each quote), `closing` at stop. */
export interface StreamedAnswer {
  parts: string[];
  closing: Block[];
}

/** A quote as a Markdown block quote, escaped like mrkdwn so that nothing in it pings or turns into a link. */
function markdownQuote(text: string): string {
  return truncate(text.replace(/\r\n?/g, '\n').trim(), LIMITS.sectionText)
    .split('\n')
    .map((line) => `> ${escapeMrkdwn(line)}`)
    .join('\n');
}

/**
 * The streamed form of an answer with excerpts: each quote numbered and titled by its talk as it is written,
 * then, when the stream stops, the numbered citations (links when the notes URL is set) and the feedback
 * buttons. Undefined when there is nothing to stream (the notes are silent): that reply is sent whole.
 */
export function streamedAnswer(answer: Answer, format: AnswerFormat = {}): StreamedAnswer | undefined {
  const { shown, more } = shownExcerpts(answer);
  if (shown.length === 0) return undefined;
  const parts = [
    `${headline(answer, format.notesUrl)}\n`,
    ...shown.map((e, i) => `\n**${i + 1}.** ${escapeMrkdwn(e.talk)}\n${markdownQuote(e.quote)}\n`),
  ];
  const closing = [
    ...shown.map((e, i) => context(`*${i + 1}.* ${excerptSource(e, format.notesUrl)}`)),
    ...(more ? [context(more)] : []),
    feedbackBlock(answer, shown),
  ];
  return { parts, closing };
}

/** The same message with the feedback buttons replaced by a thank-you, so each message is voted on once. */
export function withVoteCounted(blocks: Block[], vote: Vote): Block[] {
  const thanks = context(`${vote === 'up' ? '👍' : '👎'} Thanks, your vote was counted.`);
  const kept = blocks.filter((b) => b.block_id !== FEEDBACK_BLOCK_ID);
  return [...kept, thanks];
}

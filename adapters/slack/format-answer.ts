// Answer → Slack message. Pure: the same Answer always gives the same blocks, which keeps the layout
// testable without Slack. Every string from the notes or the question is escaped here.
import type { Answer, Excerpt } from '../../src/types.js';
import { CUT_MARKER, escapeMrkdwn, truncate } from './escape.js';
import { type Block, type SlackMessage, LIMITS, citation, citationMrkdwn, context, people, quoteBlock, section } from './blocks.js';
import { VOTE_ACTION, encodeFeedbackRef } from './feedback-ref.js';
import type { Vote } from './feedback-store.js';

const FEEDBACK_BLOCK_ID = 'confnotes_feedback';
const MAX_ECHOED_QUESTION = 300;
// Header, feedback buttons and a possible "more excerpts" note leave 47 blocks: two per excerpt.
const MAX_EXCERPTS = Math.floor((LIMITS.blocks - 3) / 2);

export interface AnswerFormat {
  /** CONFNOTES_NOTES_URL: citations link to the notes' lines when set. */
  notesUrl?: string;
}

function excerptSource(e: Pick<Excerpt, 'conference' | 'talk' | 'speakers' | 'companies' | 'file' | 'lines'>, notesUrl: string | undefined): string {
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

function feedbackButtons(answer: Answer, excerpts: Excerpt[]): Block {
  const value = encodeFeedbackRef({ question: answer.question, excerpts: excerpts.map((e) => citation(e.file, e.lines)) });
  return {
    type: 'actions',
    block_id: FEEDBACK_BLOCK_ID,
    elements: [
      { type: 'button', action_id: VOTE_ACTION.up, text: { type: 'plain_text', text: '👍 Helpful', emoji: true }, value },
      { type: 'button', action_id: VOTE_ACTION.down, text: { type: 'plain_text', text: '👎 Not helpful', emoji: true }, value },
    ],
  };
}

export function formatAnswer(answer: Answer, format: AnswerFormat = {}): SlackMessage {
  const excerpts = answer.abstained ? [] : answer.excerpts;
  const shown = excerpts.slice(0, MAX_EXCERPTS);
  const head = headline(answer, format.notesUrl);
  const blocks: Block[] = [section(head)];
  const text: string[] = [head];
  for (const e of shown) {
    const quote = quoteBlock(e.quote);
    const source = excerptSource(e, format.notesUrl);
    blocks.push(section(quote), context(source));
    text.push(`${quote}\n${source}`);
  }
  if (excerpts.length > shown.length) {
    const more = `${CUT_MARKER} ${excerpts.length - shown.length} more excerpt(s) not shown.`;
    blocks.push(context(more));
    text.push(more);
  }
  blocks.push(feedbackButtons(answer, shown));
  return { text: truncate(text.join('\n\n'), LIMITS.messageText), blocks };
}

/** The same message with the vote buttons replaced by a thank-you, so each message is voted on once. */
export function withVoteCounted(blocks: Block[], vote: Vote): Block[] {
  const thanks = context(`${vote === 'up' ? '👍' : '👎'} Thanks, your vote was counted.`);
  const kept = blocks.filter((b) => b.block_id !== FEEDBACK_BLOCK_ID);
  return [...kept, thanks];
}

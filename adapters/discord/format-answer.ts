// An Answer as Discord Components V2 (built with discord.js's builders, which validate what they build):
// a line saying what was found, then one container per excerpt holding the talk, the verbatim quote and
// its source; with CONFNOTES_NOTES_URL the source is a section whose link button opens the quoted lines.
// Within Discord's limits (40 components and 4,000 characters of text per message), split into follow-ups beyond.
import { ButtonBuilder, ButtonStyle, ContainerBuilder, SectionBuilder, TextDisplayBuilder } from 'discord.js';
import { errorTable, type ConfnotesError } from '../../src/errors.js';
import { citationUrl } from '../../src/links/citation-url.js';
import type { Answer, Excerpt } from '../../src/types.js';
import { citation, citationMarkdown, speakerLine } from './citation.js';
import { clip, packComponents, type Part } from './limits.js';
import { componentsMessages, discordMessage, type DiscordMessage } from './message.js';
import { neutraliseMentions } from './neutralise-mentions.js';

/** Longer quotes, titles and source lines are cut, so that any one excerpt fits in a message with the headline. */
const MAX_QUOTE = 1800;
const MAX_TITLE = 256;
const MAX_SOURCE = 600;
const OPEN_LABEL = 'Open the lines';

/** `notesUrl` (CONFNOTES_NOTES_URL) links each citation to its lines. Several messages only for very long answers. */
export function formatAnswer(answer: Answer, notesUrl?: string): DiscordMessage[] {
  if (answer.abstained || answer.excerpts.length === 0) return [discordMessage(silenceLine(answer, notesUrl))];
  const headline = text(foundLine(answer.excerpts));
  return componentsMessages(packComponents([headline, ...answer.excerpts.map((e) => excerptPart(e, notesUrl))]));
}

const text = (content: string): Part => {
  const safe = neutraliseMentions(content);
  return { component: new TextDisplayBuilder().setContent(safe).toJSON(), count: 1, length: safe.length };
};

function excerptPart(excerpt: Excerpt, notesUrl: string | undefined): Part {
  const quote = clip(excerpt.quote.replace(/\r\n?/g, '\n').trim(), MAX_QUOTE)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const body = neutraliseMentions(`### ${clip(excerpt.talk, MAX_TITLE)}\n${quote}`);
  const who = speakerLine(excerpt.speakers, excerpt.companies);
  const source = neutraliseMentions(`-# ${clip([excerpt.conference, who, citation(excerpt.file, excerpt.lines)].filter(Boolean).join(' · '), MAX_SOURCE)}`);
  const container = new ContainerBuilder().addTextDisplayComponents((t) => t.setContent(body));
  const url = citationUrl(excerpt.file, excerpt.lines, notesUrl);
  if (url) {
    container.addSectionComponents(
      new SectionBuilder()
        .addTextDisplayComponents((t) => t.setContent(source))
        .setButtonAccessory(new ButtonBuilder().setStyle(ButtonStyle.Link).setLabel(OPEN_LABEL).setURL(url)),
    );
  } else {
    container.addTextDisplayComponents((t) => t.setContent(source));
  }
  // Container, body, and either the source text or a section with its text and button.
  return { component: container.toJSON(), count: url ? 5 : 3, length: body.length + source.length + (url ? OPEN_LABEL.length : 0) };
}

function foundLine(excerpts: Excerpt[]): string {
  const talks = new Set(excerpts.map((e) => `${e.file}\n${e.talk}`)).size;
  return `Found ${excerpts.length} ${plural(excerpts.length, 'excerpt')} in ${talks} ${plural(talks, 'talk')} of the notes:`;
}

function silenceLine(answer: Answer, notesUrl: string | undefined): string {
  const closest = answer.closest ?? [];
  if (closest.length === 0) return 'The notes are silent on this.';
  const talks = closest.map((t) => `**${t.talk}** (${t.conference}, ${citationMarkdown(t.file, t.lines, notesUrl)})`);
  return `The notes are silent on this. Closest ${plural(closest.length, 'talk')}: ${talks.join('; ')}.`;
}

const ASK_USAGE = 'Usage: `/ask question:<your question> [private:True]`, e.g. `/ask question:What did Etsy say about post-mortems?`';

/** For QUESTION_EMPTY and QUESTION_TOO_LONG: what was wrong, then how to ask. */
export function formatQuestionProblem(error: ConfnotesError): DiscordMessage {
  const advice = error.code === 'QUESTION_TOO_LONG' ? ` ${errorTable.QUESTION_TOO_LONG.hint}` : '';
  return discordMessage(`${error.detail}.${advice}\n${ASK_USAGE}`);
}

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);

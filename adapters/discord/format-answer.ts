// An Answer as one Discord message: a short line saying what was found, then one embed per excerpt.
import type { APIEmbed } from 'discord.js';
import { errorTable, type ConfnotesError } from '../../src/errors.js';
import type { Answer, Excerpt } from '../../src/types.js';
import { citation, citationMarkdown, speakerLine } from './citation.js';
import { citationUrl } from '../../src/links/citation-url.js';
import { fitInOneMessage } from './limits.js';
import { discordMessage, type DiscordMessage } from './message.js';
import { neutraliseEmbed } from './neutralise-mentions.js';

/** `notesUrl` (CONFNOTES_NOTES_URL) links each citation to its lines. */
export function formatAnswer(answer: Answer, notesUrl?: string): DiscordMessage {
  const { embeds, dropped } = fitInOneMessage(answer.excerpts.map((excerpt) => neutraliseEmbed(excerptEmbed(excerpt, notesUrl))));
  const parts = [answer.abstained || embeds.length === 0 ? silenceLine(answer, notesUrl) : foundLine(answer.excerpts)];
  if (dropped > 0) parts.push(`(${dropped} more ${plural(dropped, 'excerpt')} did not fit in one message.)`);
  return discordMessage(parts.join(' '), embeds);
}

function excerptEmbed(excerpt: Excerpt, notesUrl: string | undefined): APIEmbed {
  const speakers = speakerLine(excerpt.speakers, excerpt.companies);
  const url = citationUrl(excerpt.file, excerpt.lines, notesUrl);
  return {
    title: excerpt.talk,
    // An embed footer cannot hold a link; the title can, so it opens the quoted lines.
    ...(url && { url }),
    // The quote is the point of the embed, so it stands alone, verbatim.
    description: excerpt.quote,
    fields: [
      { name: 'Conference', value: excerpt.conference || '—', inline: true },
      ...(speakers ? [{ name: 'Speaker', value: speakers, inline: true }] : []),
    ],
    footer: { text: citation(excerpt.file, excerpt.lines) },
  };
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

// A Digest as Discord messages: a header, then one embed per talk, split across as many messages as
// the limits require (the handler sends the first as the reply and the rest as follow-ups).
import type { APIEmbed } from 'discord.js';
import type { Digest, DigestTalk } from '../../src/types.js';
import { citation, speakerLine } from './citation.js';
import { citationUrl } from '../../src/links/citation-url.js';
import { clip, LIMITS, packEmbeds } from './limits.js';
import { discordMessage, type DiscordMessage } from './message.js';
import { neutraliseEmbed } from './neutralise-mentions.js';

/** `notesUrl` (CONFNOTES_NOTES_URL) makes each talk's title a link to its lines. */
export function formatDigest(digest: Digest, notesUrl?: string): DiscordMessage[] {
  const header = digestHeader(digest);
  if (digest.talks.length === 0) return [discordMessage(`${header}\nNo talks were found in these notes.`)];
  const messages = packEmbeds(digest.talks.map((talk) => neutraliseEmbed(talkEmbed(talk, notesUrl))));
  return messages.map((embeds, i) => discordMessage(i === 0 ? header : undefined, embeds));
}

function digestHeader(digest: Digest): string {
  const when = digest.date ? ` (${digest.date})` : '';
  const talks = `${digest.talks.length} ${digest.talks.length === 1 ? 'talk' : 'talks'}`;
  return `**${digest.conference}**${when}: ${talks}, from ${digest.files.join(', ')}`;
}

function talkEmbed(talk: DigestTalk, notesUrl: string | undefined): APIEmbed {
  const speakers = speakerLine(talk.speakers, talk.companies);
  const url = citationUrl(talk.file, talk.lines, notesUrl);
  return {
    title: talk.talk,
    ...(url && { url }),
    description: talk.empty || talk.highlights.length === 0 ? '*(no notes)*' : highlights(talk),
    ...(speakers && { fields: [{ name: 'Speaker', value: speakers }] }),
    footer: { text: citation(talk.file, talk.lines) },
  };
}

/** Room for the `> ` prefixes, separators and mention neutralising that a cut quote gains afterwards. */
const QUOTE_OVERHEAD = 200;
/** Below this a quote says nothing; with many highlights the embed's own cut takes over instead. */
const MIN_QUOTE = 100;

/**
 * Each highlight as a block quote (several per talk need visible edges), followed by its lines.
 * Quotes are cut one by one so that a long one cannot push the others' citations out of the embed.
 */
function highlights(talk: DigestTalk): string {
  const share = Math.floor(LIMITS.description / talk.highlights.length);
  return talk.highlights
    .map(({ quote, lines }) => {
      const source = `— ${citation(talk.file, lines)}`;
      const quoted = clip(quote, Math.max(MIN_QUOTE, share - source.length - QUOTE_OVERHEAD)).split(/\r?\n/).map((line) => `> ${line}`);
      return `${quoted.join('\n')}\n${source}`;
    })
    .join('\n\n');
}

/** How many names a "not found" message lists before saying how many more there are. */
const LISTED_CONFERENCES = 15;

export function formatConferenceNotFound(detail: string, conferences: string[]): DiscordMessage {
  if (conferences.length === 0) return discordMessage(`${detail}. No conference notes are indexed yet.`);
  const listed = conferences.slice(0, LISTED_CONFERENCES).map((name) => `• ${name}`);
  const more = conferences.length - listed.length;
  return discordMessage(
    [
      `${detail}. Pick a conference from the suggestions while typing \`/digest conference:\`, or one of these:`,
      ...listed,
      ...(more > 0 ? [`…and ${more} more.`] : []),
    ].join('\n'),
  );
}

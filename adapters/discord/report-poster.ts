// Posts a plain-text report (e.g. `confnotes gaps --post discord:<channel id>`) through the REST API, in as
// many messages as Discord's 2,000 characters require, cut between lines.
import { type REST, Routes } from 'discord.js';
import type { ReportPoster } from '../../src/gaps/report-poster.js';
import { LIMITS } from './limits.js';
import { discordMessage, restBody } from './message.js';

/** Lines grouped into chunks of at most `max` characters; a longer line is cut by discordMessage. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

export function createDiscordReportPoster(rest: REST, channelId: string): ReportPoster {
  return {
    target: `discord:${channelId}`,
    async post(text) {
      // Room for the zero-width spaces that make mentions inert.
      for (const chunk of chunks(text, LIMITS.content - 100)) {
        await rest.post(Routes.channelMessages(channelId), { body: restBody(discordMessage(chunk)) });
      }
    },
  };
}

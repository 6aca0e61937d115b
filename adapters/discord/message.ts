// The one shape every reply takes, so that no code path can send a message that pings or is too long.
import type { APIEmbed } from 'discord.js';
import { clip, LIMITS } from './limits.js';
import { neutraliseMentions } from './neutralise-mentions.js';

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  allowedMentions: { parse: [] };
}

/** `embeds` must already be neutralised and fitted (the formatters do it); content is made safe here. */
export function discordMessage(content: string | undefined, embeds: APIEmbed[] = []): DiscordMessage {
  return {
    ...(content !== undefined && { content: clip(neutraliseMentions(content), LIMITS.content) }),
    embeds,
    allowedMentions: { parse: [] },
  };
}

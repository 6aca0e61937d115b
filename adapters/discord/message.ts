// The shapes every reply takes, so that no code path can send a message that pings or is too long:
// plain text (notices, digests' headers) and Components V2 (answers).
import { MessageFlags, type APIEmbed, type APIMessageTopLevelComponent } from 'discord.js';
import { clip, LIMITS } from './limits.js';
import { neutraliseMentions } from './neutralise-mentions.js';

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  /** Components V2: with the flag, a message has no content or embeds, only components. */
  components?: APIMessageTopLevelComponent[];
  flags?: MessageFlags.IsComponentsV2;
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

/** Components already neutralised and packed within the limits (see packComponents), one message per group. */
export function componentsMessages(groups: APIMessageTopLevelComponent[][]): DiscordMessage[] {
  return groups.map((components) => ({ components, flags: MessageFlags.IsComponentsV2, allowedMentions: { parse: [] } }));
}

/** The message as the REST API takes it, for senders that bypass discord.js's option names (the digest poster). */
export function restBody(message: DiscordMessage): Record<string, unknown> {
  return {
    ...(message.content !== undefined && { content: message.content }),
    ...(message.embeds && { embeds: message.embeds }),
    ...(message.components && { components: message.components }),
    ...(message.flags !== undefined && { flags: message.flags }),
    allowed_mentions: message.allowedMentions,
  };
}

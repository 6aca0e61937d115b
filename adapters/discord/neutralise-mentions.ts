// Notes are written by people and may contain `@everyone` or `<@123>` copied from chats. allowedMentions
// already stops pings; this makes the text itself inert too, so that a client rendering it (or a later
// edit without allowedMentions) cannot ping. A zero-width space keeps the text looking verbatim.
import type { APIEmbed } from 'discord.js';

const ZWSP = '\u200b';

export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<@([!&]?\d+)>/g, `<@${ZWSP}$1>`);
}

export function neutraliseEmbed(embed: APIEmbed): APIEmbed {
  return {
    ...embed,
    ...(embed.title !== undefined && { title: neutraliseMentions(embed.title) }),
    ...(embed.description !== undefined && { description: neutraliseMentions(embed.description) }),
    ...(embed.author && { author: { ...embed.author, name: neutraliseMentions(embed.author.name) } }),
    ...(embed.footer && { footer: { ...embed.footer, text: neutraliseMentions(embed.footer.text) } }),
    ...(embed.fields && {
      fields: embed.fields.map((f) => ({ ...f, name: neutraliseMentions(f.name), value: neutraliseMentions(f.value) })),
    }),
  };
}

// Discord delivers mentions and custom emoji in a question as markup: `<@123>` or `<@!123>` for a member,
// `<@&123>` for a role, `<#123>` for a channel, `<:name:123>` or `<a:name:123>` for an emoji. They address
// the message or decorate it: they are no words of the question, and an id would weigh like a name the
// notes never mention.

const MARKUP = /\s*<(?:@[!&]?\d+|#\d+|a?:\w+:\d+)>/g;

/** The question as the user typed it, less its mentions and custom emoji. */
export const plainQuestion = (content: string): string => content.replace(MARKUP, '').trim();

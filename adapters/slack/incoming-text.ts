// Slack delivers message and command text in its own markup: `&amp;`-style entities and `<...>` links
// and mentions. The service wants what the user typed, so the markup is undone here. Mentions of people
// and groups address the message ("hey @alice, what did…"): they are no words of the question, and a
// member id would weigh like a name the notes never mention.

/** The plain text of Slack markup, without its mentions of people, groups or everyone. */
export function plainText(markup: string): string {
  return markup
    .replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^>]*)?>[\s,:]*)+/, '')
    .replace(/\s*<(?:@|!subteam\^|!here\b|!channel\b|!everyone\b)[^>]*>/g, '')
    .replace(/<([@#!])([^>|]+)\|([^>]*)>/g, (_m, sigil: string, _id: string, label: string) => (sigil === '!' ? label : `${sigil}${label}`))
    .replace(/<([@#!])([^>]+)>/g, '$1$2')
    .replace(/<([^>|]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

export type SlackRequest =
  | { kind: 'help' }
  | { kind: 'digest'; conference: string }
  | { kind: 'ask'; question: string };

/** What the user asks for: `help`, `digest <conference>`, or anything else as a question. */
export function parseRequest(text: string): SlackRequest {
  const trimmed = text.trim();
  if (/^(help|aide|\?)$/i.test(trimmed)) return { kind: 'help' };
  const digest = /^digest(?:\s+([\s\S]*))?$/i.exec(trimmed);
  if (digest) return { kind: 'digest', conference: (digest[1] ?? '').trim() };
  return { kind: 'ask', question: trimmed };
}

// The CLI's readable rendering of an Answer.
import type { Answer, Excerpt, LineRange } from '../types.js';

/** Writes a citation's `file:lines`; the CLI makes it a terminal link when it can (src/cli/terminal-link.ts). */
export type Cite = (text: string, file: string, lines: LineRange) => string;
const asText: Cite = (text) => text;

export const citationOf = (e: Pick<Excerpt, 'conference' | 'talk' | 'speakers' | 'companies' | 'file' | 'lines'>, cite: Cite = asText): string => {
  const who = e.speakers.length > 0 ? `${e.speakers.join(', ')}${e.companies.length > 0 ? ` (${e.companies.join(', ')})` : ''}` : e.companies.join(', ');
  const lines = e.lines[0] === e.lines[1] ? `${e.lines[0]}` : `${e.lines[0]}-${e.lines[1]}`;
  return [e.conference, e.talk, who, cite(`${e.file}:${lines}`, e.file, e.lines)].filter(Boolean).join(' · ');
};

export function formatAnswerText(answer: Answer, cite: Cite = asText): string {
  if (answer.abstained) {
    const closest = (answer.closest ?? []).map((t) => `  - ${t.conference} · ${t.talk} · ${cite(`${t.file}:${t.lines[0]}`, t.file, t.lines)}`);
    return [`I found nothing about that in the notes.`, ...(closest.length > 0 ? ['Closest talks:', ...closest] : [])].join('\n');
  }
  const n = answer.excerpts.length;
  const blocks = answer.excerpts.map((e) => {
    const quote = e.quote
      .split('\n')
      .map((line) => `  > ${line.trim()}`)
      .join('\n');
    return `${quote}\n    — ${citationOf(e, cite)}`;
  });
  return [`Found ${n} excerpt${n === 1 ? '' : 's'} in the notes:`, '', blocks.join('\n\n')].join('\n');
}

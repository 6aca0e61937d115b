// The indexed conferences and their talks, as `confnotes conferences` and the MCP `conferences` tool show them.
import type { LineRange, Talk } from './types.js';

export interface ListedConference {
  conference: string;
  talks: Array<{ talk: string; speakers: string[]; file: string; lines: LineRange; empty: boolean }>;
}

/** Groups talks by conference, conferences by name, talks in the order of their notes. */
export function listConferences(talks: Talk[]): ListedConference[] {
  const byConference = new Map<string, ListedConference['talks']>();
  for (const t of talks) {
    const listed = { talk: t.talk, speakers: t.speakers, file: t.file, lines: t.lines, empty: t.empty };
    byConference.set(t.conference, [...(byConference.get(t.conference) ?? []), listed]);
  }
  return [...byConference].map(([conference, listed]) => ({ conference, talks: listed })).sort((a, b) => a.conference.localeCompare(b.conference));
}

export function formatConferencesText(conferences: ListedConference[]): string {
  return conferences
    .map(({ conference, talks }) =>
      [
        `${conference} (${talks.length} talks)`,
        ...talks.map((t) => `  - ${t.talk}${t.speakers.length > 0 ? ` — ${t.speakers.join(', ')}` : ''}${t.empty ? ' (no notes)' : ''}`),
      ].join('\n'),
    )
    .join('\n');
}

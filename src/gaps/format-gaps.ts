// The gaps report as plain text: for the terminal, and posted as-is to Slack or Discord. Pure.
import type { GapGroup } from './group-gaps.js';

const quoted = (question: string): string => `“${question}”`;

export function formatGapsText(groups: GapGroup[], since?: Date): string {
  const period = since ? ` since ${since.toISOString().slice(0, 10)}` : '';
  if (groups.length === 0) return `Nothing went unanswered${period}: no abstentions and no 👎 recorded.`;
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const lines = [`What the notes don't answer${period}: ${total} question${total === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'}, most asked first.`];
  groups.forEach((g, i) => {
    const why = [g.kinds.abstained > 0 ? `${g.kinds.abstained} unanswered` : '', g.kinds.downvoted > 0 ? `${g.kinds.downvoted} 👎` : ''].filter(Boolean).join(', ');
    lines.push('', `${i + 1}. ${quoted(g.question)} — asked ${g.count}× (${why}), last on ${g.lastAsked.slice(0, 10)}`);
    if (g.questions.length > 1) lines.push(`   also asked as: ${g.questions.slice(1, 4).map(quoted).join(', ')}${g.questions.length > 4 ? ', …' : ''}`);
    if (g.closest.length > 0) {
      lines.push(`   closest talks: ${g.closest.map((c) => `${c.talk}${c.conference ? ` (${c.conference})` : ''} [${c.file}]`).join('; ')}`);
    }
    lines.push(`   from: ${g.origins.map((o) => `${o.origin} (${o.count})`).join(', ')}`);
  });
  return lines.join('\n');
}

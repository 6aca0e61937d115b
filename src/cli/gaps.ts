// `confnotes gaps`: what the notes did not answer, grouped by similar question, from the feedback log (the
// database when one is configured, else the state folder). Reads no index and loads no model, so it is instant.
import type { Config } from '../config.js';
import { ConfnotesError } from '../errors.js';
import { formatGapsText } from '../gaps/format-gaps.js';
import { openFeedbackLog } from '../gaps/feedback-log.js';
import { groupGaps } from '../gaps/group-gaps.js';
import { reportPosterFor } from './digest-posters.js';

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** `7d`, `12h`, `2w`, or a date (`2026-11-01`): the start of the period. */
export function parseSince(value: string, now: Date = new Date()): Date {
  const relative = /^(\d+)\s*([hdw])$/i.exec(value.trim());
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase() as keyof typeof UNIT_MS]);
  const date = new Date(value.trim());
  if (/^\d{4}-\d{2}-\d{2}/.test(value.trim()) && !Number.isNaN(date.getTime())) return date;
  throw new ConfnotesError('CONFIG_INVALID', `--since ${value} is not a duration like 7d, 12h, 2w or a date like 2026-11-01`);
}

export async function gapsCommand(config: Config, options: { since?: string; json: boolean; post?: string }): Promise<void> {
  const since = options.since ? parseSince(options.since) : undefined;
  // Parsed before reading: a wrong --post target is a usage error whatever the records hold.
  const poster = options.post ? reportPosterFor(options.post, config) : undefined;
  const feedback = await openFeedbackLog(config);
  const groups = groupGaps(await feedback.gaps(since).finally(() => feedback.close()));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(groups, null, 2)}\n`);
    return;
  }
  const report = formatGapsText(groups, since);
  if (poster) {
    await poster.post(report);
    process.stdout.write(`Posted the gaps report (${groups.length} groups) to ${poster.target}.\n`);
  } else {
    process.stdout.write(`${report}\n`);
  }
}

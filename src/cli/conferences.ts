import { openKnowledgeBase } from '../app.js';
import type { Config } from '../config.js';
import { terminalProgress } from './progress.js';

export async function conferencesCommand(config: Config, options: { json: boolean }): Promise<void> {
  const progress = terminalProgress();
  const kb = await openKnowledgeBase(config, { onProgress: progress.report }).finally(() => progress.stop());
  try {
    const talks = await kb.store.talks();
    const byConference = new Map<string, typeof talks>();
    for (const talk of talks) byConference.set(talk.conference, [...(byConference.get(talk.conference) ?? []), talk]);
    if (options.json) {
      const list = [...byConference].map(([conference, ts]) => ({ conference, talks: ts.map((t) => ({ talk: t.talk, speakers: t.speakers, file: t.file, lines: t.lines })) }));
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return;
    }
    for (const [conference, ts] of [...byConference].sort(([a], [b]) => a.localeCompare(b))) {
      process.stdout.write(`${conference} (${ts.length} talks)\n`);
      for (const t of ts) process.stdout.write(`  - ${t.talk}${t.speakers.length > 0 ? ` — ${t.speakers.join(', ')}` : ''}${t.empty ? ' (no notes)' : ''}\n`);
    }
  } finally {
    await kb.close();
  }
}

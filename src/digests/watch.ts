// The long-running side of digests: watches the notes folder, keeps the index in sync, and announces
// talks nobody has announced yet through every digest poster — once each, also across restarts.
//
// Every cycle compares the whole folder with the state on disk rather than trusting the file events:
// events are only a hint that something changed, so a missed or merged event cannot lose a talk, and
// talks added while the watcher was down are announced when it starts.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { KnowledgeBase } from '../knowledge-base.js';
import { log } from '../log.js';
import { isNoteFile } from '../notes/read-notes.js';
import type { Digest, LineRange, ParsedNote, Talk } from '../types.js';
import { buildDigest, parseNotesFolder } from './build-digest.js';
import { groupConferences, type ConferenceGroup } from './conference-groups.js';
import {
  emptyDigestState,
  parseDigestState,
  recordTalks,
  serializeDigestState,
  talkIdentity,
  unseenTalks,
  type DigestState,
  type TalkIdentity,
} from './digest-state.js';
import type { DigestPoster } from './poster.js';

export interface WatchOptions {
  kb: Pick<KnowledgeBase, 'config' | 'embedder' | 'sync'>;
  posters: DigestPoster[];
  /** `digests.json` lives here. */
  stateDir: string;
  /** Quiet time after the last file event before a cycle runs (default 2 s: an editor's save burst). */
  debounceMs?: number;
  /** How long a file's size must stay the same before it counts as written (default 500 ms). */
  writeFinishMs?: number;
  /** Called after every cycle, the first one included. */
  onCycle?: (report: CycleReport) => void;
}

export interface CycleReport {
  /** Targets seen for the first time: their existing talks were recorded, not posted. */
  recorded: Array<{ target: string; talks: number }>;
  posted: Array<{ target: string; conference: string; talks: string[] }>;
  failed: Array<{ target: string; conference: string; error: string }>;
}

export interface DigestWatch {
  /** Resolves when no cycle is running or waiting for its debounce. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface ObservedTalk extends TalkIdentity {
  talk: Talk;
  group: ConferenceGroup;
}

/** The talk's text below its heading: what "same body" compares. */
const bodyOf = (text: string, [start, end]: LineRange): string => text.split('\n').slice(start, end).join('\n');

async function loadState(path: string): Promise<DigestState> {
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyDigestState();
    throw error;
  }
  try {
    return parseDigestState(json);
  } catch (error) {
    // Starting over records every talk as seen: a lost state must not flood the channels.
    log.warn({ err: error, path }, 'digest state unreadable; existing talks will be recorded as already posted');
    return emptyDigestState();
  }
}

/** Temp file then rename: a crash mid-write leaves the previous state, never half a file. */
async function saveState(path: string, state: DigestState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, serializeDigestState(state));
  await rename(temp, path);
}

async function observeTalks(kb: WatchOptions['kb']): Promise<{ observed: ObservedTalk[]; notes: ParsedNote[] }> {
  const files = await parseNotesFolder(kb.config.notesDir, kb.config.maxFileBytes);
  const notes = files.map((f) => f.note);
  const groups = groupConferences(notes);
  const groupOf = new Map(groups.flatMap((g) => g.files.map((f) => [f, g] as const)));
  // A heading without notes is not worth announcing yet; it will be once someone writes under it.
  const observed = files.flatMap(({ source, note }) =>
    note.talks
      .filter((talk) => !talk.empty)
      .map((talk) => {
        const group = groupOf.get(note.file)!;
        return { ...talkIdentity(group.key, talk.talk, bodyOf(source.text, talk.lines)), talk, group };
      }),
  );
  return { observed, notes };
}

async function runCycle(options: WatchOptions, statePath: string): Promise<CycleReport> {
  const { kb, posters } = options;
  const report: CycleReport = { recorded: [], posted: [], failed: [] };
  // The digest does not depend on the index: a failed sync (locked, empty folder) must not stop it.
  await kb.sync().catch((error: unknown) => log.warn({ err: error }, 'watch: re-indexing failed'));
  const { observed, notes } = await observeTalks(kb);
  const state = await loadState(statePath);
  const before = serializeDigestState(state);
  const digests = new Map<string, Promise<Digest>>();
  for (const poster of posters) {
    const entry = state.targets[poster.target];
    if (!entry) {
      state.targets[poster.target] = { talks: recordTalks([], observed) };
      report.recorded.push({ target: poster.target, talks: observed.length });
      continue;
    }
    const fresh = unseenTalks(entry.talks, observed);
    const failed = new Set<ObservedTalk>();
    for (const group of new Set(fresh.map((o) => o.group))) {
      const talks = fresh.filter((o) => o.group === group);
      const ids = new Set(talks.map((o) => o.talk.id));
      const key = `${group.key}\n${[...ids].join('\n')}`;
      if (!digests.has(key)) digests.set(key, buildDigest(group, notes, kb.embedder, (talk) => ids.has(talk.id)));
      try {
        await poster.post(await digests.get(key)!);
        report.posted.push({ target: poster.target, conference: group.name, talks: talks.map((o) => o.talk.talk) });
        // Saved after each post: a crash before the next one must not post this one again.
        entry.talks = recordTalks(entry.talks, talks);
        await saveState(statePath, state);
      } catch (error) {
        talks.forEach((o) => failed.add(o));
        report.failed.push({ target: poster.target, conference: group.name, error: (error as Error).message });
        log.error({ err: error, target: poster.target, conference: group.name }, 'watch: posting a digest failed; retried at the next change');
      }
    }
    entry.talks = recordTalks(entry.talks, observed.filter((o) => !failed.has(o)));
  }
  if (serializeDigestState(state) !== before) await saveState(statePath, state);
  return report;
}

export async function startWatch(options: WatchOptions): Promise<DigestWatch> {
  const statePath = join(options.stateDir, 'digests.json');
  const debounceMs = options.debounceMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let again = false;
  let stopped = false;
  const quietWaiters: Array<() => void> = [];

  const cycle = async (): Promise<void> => {
    const report = await runCycle(options, statePath).catch((error: unknown): CycleReport => {
      log.error({ err: error }, 'watch: cycle failed; retried at the next change');
      return { recorded: [], posted: [], failed: [] };
    });
    options.onCycle?.(report);
  };

  const settleIfQuiet = (): void => {
    if (!busy && timer === undefined) quietWaiters.splice(0).forEach((resolve) => resolve());
  };
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      quietWaiters.push(resolve);
      settleIfQuiet();
    });

  const fire = async (): Promise<void> => {
    timer = undefined;
    // One cycle at a time: a change during a cycle gets a cycle of its own afterwards.
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    do {
      again = false;
      await cycle();
    } while (again && !stopped);
    busy = false;
    settleIfQuiet();
  };

  const schedule = (path: string): void => {
    if (stopped || !isNoteFile(path)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounceMs);
  };

  const { notesDir } = options.kb.config;
  const watcher: FSWatcher = watch(notesDir, {
    ignoreInitial: true,
    ignored: (path) => {
      // The folders readNotes skips; judged inside the notes folder, which may itself live under a dot folder.
      const parts = relative(notesDir, path).split(sep);
      const last = parts.pop()!;
      const skipped = (part: string): boolean => part.startsWith('.') || part === 'node_modules';
      return parts.some(skipped) || (skipped(last) && !isNoteFile(last));
    },
    awaitWriteFinish: { stabilityThreshold: options.writeFinishMs ?? 500, pollInterval: 100 },
  });
  watcher.on('all', (_event, path) => schedule(path));
  watcher.on('error', (error) => log.error({ err: error }, 'watch: file watcher error'));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  busy = true;
  await cycle();
  busy = false;
  settleIfQuiet();
  if (again) void fire();

  return {
    idle,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      await watcher.close();
      await idle();
    },
  };
}

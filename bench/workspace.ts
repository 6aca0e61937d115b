// What every section shares: the inputs (the shared corpus, or data/notes when it is absent), the
// sizes of a full or a quick run, a scratch folder, and the model folder the first section builds.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config, type Overrides } from '../src/config.js';
import { readQuestions } from '../src/eval/questions.js';
import { parseNote } from '../src/notes/parse-note.js';
import { readNotes } from '../src/notes/read-notes.js';
import type { Figure } from './report.js';

export interface Sizes {
  /** Questions timed per pass (capped by how many there are). */
  questions: number;
  /** Timed passes over the questions for warm latencies: more samples make p99 mean something. */
  askPasses: number;
  coldAskRuns: number;
  scaleSmall: number;
  scaleLarge: number;
  randomVectors: number;
  vectorQueries: number;
  slackCommands: number;
  discordInteractions: number;
  memoryQuestions: number;
  /** Questions of the memory soak, counted from the start (the growth is measured from memoryQuestions on). */
  soakQuestions: number;
}

const FULL: Sizes = {
  questions: Number.POSITIVE_INFINITY,
  askPasses: 3,
  coldAskRuns: 5,
  scaleSmall: 10_000,
  scaleLarge: 100_000,
  randomVectors: 100_000,
  vectorQueries: 200,
  slackCommands: 200,
  discordInteractions: 100,
  memoryQuestions: 1_000,
  soakQuestions: 5_000,
};

const QUICK: Sizes = {
  questions: 20,
  askPasses: 1,
  coldAskRuns: 2,
  scaleSmall: 300,
  scaleLarge: 1_000,
  randomVectors: 1_000,
  vectorQueries: 50,
  slackCommands: 10,
  discordInteractions: 5,
  memoryQuestions: 20,
  soakQuestions: 40,
};

export interface Workspace {
  repo: string;
  quick: boolean;
  sizes: Sizes;
  /** Removed at the end of the run. */
  scratch: string;
  notesDir: string;
  /** How the notes are named in the report, with why when they are not the shared corpus. */
  notesLabel: string;
  /** data/notes: what the bots serve in the Slack, Discord and memory sections. */
  sampleNotesDir: string;
  questions: string[];
  questionsLabel: string;
  /** Built from scratch by the indexing section so that its build time is a first run's. */
  modelsDir: string;
  model: string;
}

export const repoRoot = (): string => resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function questionsFrom(repo: string, shared: string, notesDir: string): Promise<{ questions: string[]; label: string }> {
  const files = ['dev.jsonl', 'dev-corpus.jsonl'].map((f) => join(shared, 'eval', f)).filter((f) => existsSync(f));
  if (files.length > 0) {
    return { questions: files.flatMap((f) => readQuestions(f).map((q) => q.question)), label: files.map((f) => relative(repo, f)).join(' + ') };
  }
  // Without the eval set, ask about every talk by its title: questions the notes can answer.
  const { sources } = await readNotes(notesDir, { maxFileBytes: 5 * 1024 * 1024 });
  const talks = sources.flatMap((s) => parseNote(s).talks).filter((t) => !t.empty);
  return { questions: talks.map((t) => `What was said in the talk "${t.talk}"?`), label: `one question per talk title of ${relative(repo, notesDir)}` };
}

export async function openWorkspace(options: { quick: boolean }): Promise<Workspace> {
  const repo = repoRoot();
  const shared = resolve(repo, '../shared');
  const corpus = join(shared, 'corpus');
  const sampleNotesDir = join(repo, 'data/notes');
  const sharedPresent = existsSync(corpus);
  const notesDir = sharedPresent && !options.quick ? corpus : sampleNotesDir;
  const notesLabel =
    notesDir === corpus ? '../shared/corpus' : sharedPresent ? 'data/notes (--quick)' : 'data/notes (../shared/corpus is absent)';
  const sizes = options.quick ? QUICK : FULL;
  const { questions, label } = await questionsFrom(repo, shared, notesDir);
  const scratch = await mkdtemp(join(tmpdir(), 'confnotes-bench-'));
  return {
    repo,
    quick: options.quick,
    sizes,
    scratch,
    notesDir,
    notesLabel,
    sampleNotesDir,
    questions: questions.slice(0, sizes.questions),
    questionsLabel: label,
    modelsDir: join(scratch, 'models'),
    model: loadConfig({}, {}).model,
  };
}

/** `count` questions, cycling through the workspace's. */
export const questionsFor = (ws: Workspace, count: number): string[] =>
  Array.from({ length: count }, (_, i) => ws.questions[i % ws.questions.length]!);

/**
 * A Config from the given settings only: a developer's CONFNOTES_* or token variables must not change
 * what the bench measures.
 */
export function benchConfig(settings: Overrides, modelsDir: string): Config {
  return loadConfig({ CONFNOTES_MODELS_DIR: modelsDir, CONFNOTES_LOG_LEVEL: 'error', ...settings }, {});
}

/** The environment for a child confnotes process: the machine's, minus confnotes' own settings, plus `settings`. */
export function childEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(CONFNOTES_|SLACK_|DISCORD_)/.test(name)));
  return { ...env, CONFNOTES_LOG_LEVEL: 'error', ...settings };
}

/** The environment of a bot process over the sample notes, with its own index and state under `name`. */
export function botEnv(ws: Workspace, name: string, platformSettings: Record<string, string>): NodeJS.ProcessEnv {
  return childEnv({
    CONFNOTES_NOTES_DIR: ws.sampleNotesDir,
    CONFNOTES_INDEX_DIR: join(ws.scratch, name, 'index'),
    CONFNOTES_STATE_DIR: join(ws.scratch, name, 'state'),
    CONFNOTES_MODELS_DIR: ws.modelsDir,
    ...platformSettings,
  });
}

/** What a section writes as it goes, so that a failure part-way still reports what was measured. */
export interface SectionOutput {
  figures: Figure[];
  notes: string[];
}

export interface Section {
  id: string;
  title: string;
  run(ws: Workspace, out: SectionOutput): Promise<void>;
}

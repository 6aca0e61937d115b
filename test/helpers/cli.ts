// Runs the compiled CLI (`bin/confnotes.js`, built by `npm test`'s tsc step) as a child process,
// with the prebuilt test model and a throw-away index, as a user would run it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI = resolve('bin/confnotes.js');
export const SHARED = resolve('../shared');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `confnotes-${prefix}-`));

/** Environment for one test: its own index root, the shared test models, quiet logs. */
export function cliEnv(modelsDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { CONFNOTES_CONFIG: _unused, ...rest } = process.env;
  return { ...rest, CONFNOTES_MODELS_DIR: modelsDir, CONFNOTES_INDEX_DIR: tempDir('index'), CONFNOTES_STATE_DIR: tempDir('state'), ...extra };
}

/** `cwd`: where the user runs it (default settings such as data/notes are read relative to it). */
export function startCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliResult> {
  const child = startCli(args, env, cwd);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
}

// Child processes measured from outside: wall time from spawn to exit and peak resident memory, and
// long-lived probe processes (a serving bot) driven by JSON lines on stdin and stdout.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

// GNU time reads the kernel's own peak (wait4 rusage), which no sampling can beat.
const GNU_TIME = '/usr/bin/time';
const SAMPLE_MS = 20;

export interface Measured {
  wallMs: number;
  peakRssMB: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where GNU time writes its report, away from the child's own stderr. */
  scratch: string;
  /** The program to run instead of node (the simplest alternatives, e.g. rg). */
  program?: string;
  /** Exit codes that mean success besides 0 (rg exits 1 when nothing matched). */
  okCodes?: number[];
}

/** VmHWM of a live process in MB, or NaN once it is gone. */
async function highWaterMB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/** Runs `node args…` (or `program args…`) to completion; throws with its stderr when it fails. */
export async function runMeasured(args: string[], options: RunOptions): Promise<Measured> {
  const timeFile = join(options.scratch, `time-${process.pid}-${Date.now()}.txt`);
  const useTime = existsSync(GNU_TIME);
  const program = options.program ?? process.execPath;
  const [command, commandArgs] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, program, ...args]] : [program, args];
  const started = performance.now();
  const child = spawn(command, commandArgs, { env: options.env, cwd: options.cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let sampledPeak = Number.NaN;
  const sampler = useTime
    ? undefined
    : setInterval(() => {
        void highWaterMB(child.pid!).then((mb) => {
          if (Number.isFinite(mb)) sampledPeak = Number.isFinite(sampledPeak) ? Math.max(sampledPeak, mb) : mb;
        });
      }, SAMPLE_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  if (code !== 0 && !(code !== null && options.okCodes?.includes(code))) throw new Error(`${program} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  let peakRssMB = sampledPeak;
  if (useTime) {
    const report = await readFile(timeFile, 'utf8');
    await rm(timeFile, { force: true });
    peakRssMB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? Number.NaN) / 1024;
  }
  return { wallMs, peakRssMB, stdout, stderr };
}

export interface ThreadTime {
  /** Time the thread ran on a CPU. */
  onCpuMs: number;
  /** Time it was ready to run but waited for a CPU: other threads' and processes' share of the machine. */
  waitingMs: number;
}

/**
 * Both times of a process's main thread so far, from the kernel's scheduler statistics (Linux); NaN
 * elsewhere. Read around a burst, they say whether a slow ack was the bot's work or a busy machine.
 */
export function mainThreadTime(pid: number): ThreadTime {
  try {
    const [onCpuNs, waitingNs] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { onCpuMs: onCpuNs! / 1e6, waitingMs: waitingNs! / 1e6 };
  } catch {
    return { onCpuMs: Number.NaN, waitingMs: Number.NaN };
  }
}

/** What the thread did between two readings. */
export const threadTimeSpent = (from: ThreadTime, to: ThreadTime): ThreadTime => ({
  onCpuMs: to.onCpuMs - from.onCpuMs,
  waitingMs: to.waitingMs - from.waitingMs,
});

export interface Probe {
  pid: number;
  /** The probe's first message, sent once it is ready. */
  ready: Record<string, unknown>;
  /** Sends a command line and resolves with the probe's answer to it. */
  call(command: string): Promise<Record<string, unknown>>;
  /** What the probe wrote on stderr so far (its logs). */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `node script args…` and waits for its ready message (a JSON line on stdout). */
export async function startProbe(script: string, args: string[], options: Omit<RunOptions, 'scratch'>): Promise<Probe> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script, ...args], { env: options.env, cwd: options.cwd });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: Array<{ resolve: (message: Record<string, unknown>) => void; reject: (error: Error) => void }> = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const w of waiting.splice(0)) w.reject(new Error(`probe ${script} exited: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    waiting.shift()?.resolve(JSON.parse(line) as Record<string, unknown>);
  });
  const next = (): Promise<Record<string, unknown>> => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = await next();
  return {
    pid: child.pid!,
    ready,
    call(command) {
      const answer = next();
      child.stdin.write(`${command}\n`);
      return answer;
    },
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) child.stdin.end('stop\n');
      await exited;
    },
  };
}

// Progress bars on a terminal only: piped output and CI logs stay clean.
import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';

export type ProgressReporter = (stage: string, done: number, total: number) => void;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { report: ProgressReporter; stop(): void } {
  if (!stream.isTTY) return { report: () => {}, stop: () => {} };
  const bars = new Map<string, cliProgress.SingleBar>();
  const report: ProgressReporter = (stage, done, total) => {
    let bar = bars.get(stage);
    if (!bar) {
      if (total === 0) return;
      // Required once there is a bar to draw: a `confnotes ask` over an up-to-date index draws none and need
      // not load it (~40 ms).
      const progressBars = createRequire(import.meta.url)('cli-progress') as typeof cliProgress;
      bar = new progressBars.SingleBar(
        { stream, format: `${stage.padEnd(22)} {bar} {percentage}% | {value}/{total}`, hideCursor: true, clearOnComplete: false },
        progressBars.Presets.shades_classic,
      );
      bar.start(total, done);
      bars.set(stage, bar);
    }
    bar.setTotal(total);
    bar.update(done);
    if (done >= total) bar.stop();
  };
  return { report, stop: () => bars.forEach((bar) => bar.stop()) };
}

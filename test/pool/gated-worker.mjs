// A worker module for the pool tests: the real compiled answering worker, plus two behaviours the test drives
// through the question text. "crash ..." ends the thread as a fatal error would; "hold <dir> <question>" keeps
// the thread busy (blocked, as CPU-bound answering blocks it) until the test creates <dir>/release.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import answer from '../../dist/src/pool/answer-worker.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

export default async function gatedAnswer(task) {
  if (task.kind === 'ask' && task.question.startsWith('crash')) process.exit(7);
  const hold = task.kind === 'ask' ? /^hold (\S+) (.+)$/.exec(task.question) : null;
  if (!hold) return answer(task);
  writeFileSync(join(hold[1], 'holding'), '');
  while (!existsSync(join(hold[1], 'release'))) Atomics.wait(sleeper, 0, 0, 5);
  return answer({ ...task, question: hold[2] });
}

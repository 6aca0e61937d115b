// The bots' main thread acknowledges first and answers after. A request's acknowledgement is sent as it
// is read; the work that leads to its answer (the platform library's processing, asking the pool) is
// queued here and starts once requests have stopped arriving for a moment, one per turn of the event loop.
//
// Why wait for a quiet moment: in a burst, answering started at the first request keeps the workers on
// the cores, and the main thread then waits for a core before each acknowledgement. Measured (Dec 2026,
// 200 Slack commands at once, 2 cores with other load): with answering held until the acks were out,
// ack p95 36-87 ms and the main thread on a CPU 29-63 ms; answering one command per turn from the first
// one, 39-141 ms and 34-67 ms. The answers lose a few milliseconds out of seconds.
//
// How quiet, and for how long at most: with 5 ms and 100 ms, a burst whose requests came a few milliseconds
// apart, or whose acks took longer than 100 ms (under a profiler: 200 Slack commands over 210 ms), had its
// answering start between acks; with 20 ms and 300 ms, none did. Over five alternated bench runs each
// (Dec 2026), 100 Discord /ask at once: deferReply p95 47-58 ms (median 54) against 51-77 ms (median 69);
// Slack's ack p95 spread as widely either way (34-138 ms), the machine's other load deciding it.
import { performance } from 'node:perf_hooks';

export interface AfterAcksOptions {
  /** Requests arriving less than this apart are one burst: its answering waits (default 20 ms). */
  quietMs?: number;
  /** The longest a queued request waits under a steady stream of requests (default 300 ms). */
  maxHoldMs?: number;
}

export interface AfterAcks {
  /** Runs `work` after the acknowledgements of the requests received so far and of any that follow at once. */
  later<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once every piece of work queued so far has run and settled. */
  settled(): Promise<void>;
}

export function afterAcks(options: AfterAcksOptions = {}): AfterAcks {
  const quietMs = options.quietMs ?? 20;
  const maxHoldMs = options.maxHoldMs ?? 300;
  const queue: Array<{ queuedAt: number; run: () => void }> = [];
  const underWay = new Set<Promise<void>>();
  let lastQueuedAt = 0;
  let scheduled = false;

  // Through setImmediate: a timer fires before the event loop reads what arrived while this thread was off a
  // CPU, and an immediate runs after it, so those requests are acknowledged, and counted, before deciding.
  const turnAfter = (ms: number): void => void setTimeout(() => setImmediate(turn), ms);

  function turn(): void {
    const next = queue[0];
    if (!next) {
      scheduled = false;
      return;
    }
    const now = performance.now();
    const quietFor = now - lastQueuedAt;
    if (quietFor < quietMs && now - next.queuedAt < maxHoldMs) {
      turnAfter(quietMs - quietFor);
      return;
    }
    queue.shift();
    next.run();
    // One per turn: requests read in between are acknowledged before the next piece of work.
    setImmediate(turn);
  }

  return {
    later<T>(work: () => Promise<T>): Promise<T> {
      lastQueuedAt = performance.now();
      const result = new Promise<T>((resolve, reject) => {
        queue.push({ queuedAt: lastQueuedAt, run: () => void work().then(resolve, reject) });
      });
      const done = result.then(
        () => undefined,
        () => undefined,
      );
      underWay.add(done);
      void done.then(() => underWay.delete(done));
      if (!scheduled) {
        scheduled = true;
        turnAfter(quietMs);
      }
      return result;
    },
    async settled() {
      await Promise.allSettled([...underWay]);
    },
  };
}

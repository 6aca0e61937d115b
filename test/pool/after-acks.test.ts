// The bots' queue of work that follows an acknowledgement: in order, never in the turn that queued it,
// and a failure reported without stopping the rest.
import { describe, expect, it } from 'vitest';
import { afterAcks } from '../../src/pool/after-acks.js';

describe('afterAcks', () => {
  it('runs queued work after the current turn, in order, reporting failures and waiting for all in settled()', async () => {
    const ran: string[] = [];
    const errors: unknown[] = [];
    const queue = afterAcks({ onError: (error) => errors.push(error) });
    queue.later(async () => void ran.push('a'));
    queue.later(async () => {
      throw new Error('b failed');
    });
    queue.later(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ran.push('c');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual([]);
    await queue.settled();
    expect(ran).toEqual(['a', 'c']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['b failed']);
  });

  it('runs work queued again after it went quiet', async () => {
    const queue = afterAcks({ onError: () => undefined, quietMs: 1 });
    const ran: number[] = [];
    queue.later(async () => void ran.push(1));
    await queue.settled();
    queue.later(async () => void ran.push(2));
    await queue.settled();
    expect(ran).toEqual([1, 2]);
  });
});

// The bots' queue of work that follows an acknowledgement: in order, never in the turn that queued it,
// and a failure given to its caller without stopping the rest.
import { describe, expect, it } from 'vitest';
import { afterAcks } from '../../src/pool/after-acks.js';

describe('afterAcks', () => {
  it('runs queued work after the current turn, in order, each with its own result or failure, and settled() waits for all', async () => {
    const ran: string[] = [];
    const queue = afterAcks();
    const a = queue.later(async () => {
      ran.push('a');
      return 'answer a';
    });
    const bFailed = expect(
      queue.later(async () => {
        throw new Error('b failed');
      }),
    ).rejects.toThrow('b failed');
    void queue.later(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ran.push('c');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual([]);
    await queue.settled();
    expect(ran).toEqual(['a', 'c']);
    expect(await a).toBe('answer a');
    await bFailed;
  });

  it('runs work queued again after it went quiet', async () => {
    const queue = afterAcks({ quietMs: 1 });
    const ran: number[] = [];
    void queue.later(async () => void ran.push(1));
    await queue.settled();
    void queue.later(async () => void ran.push(2));
    await queue.settled();
    expect(ran).toEqual([1, 2]);
  });
});

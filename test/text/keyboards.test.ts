import { describe, expect, it } from 'vitest';
import { keysTouching } from '../../src/text/keyboards.js';

describe('keysTouching', () => {
  it('has the keys beside a key in its row and the rows around it, on QWERTY and on AZERTY', () => {
    // QWERTY: n beside m, j and k above it. AZERTY: m ends the middle row, beside l, under p.
    expect([...keysTouching('m')].sort()).toEqual(['j', 'k', 'l', 'n', 'p']);
    expect(keysTouching('g')).toEqual(new Set(['f', 'h', 't', 'y', 'v', 'b']));
  });

  it('has none for a letter on no key of either keyboard', () => {
    expect(keysTouching('é').size).toBe(0);
  });
});

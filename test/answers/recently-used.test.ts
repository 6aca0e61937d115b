import { describe, expect, it } from 'vitest';
import { RecentlyUsed } from '../../src/answers/recently-used.js';

describe('RecentlyUsed', () => {
  it('forgets the least recently used past its capacity, a hit counting as a use', () => {
    const recent = new RecentlyUsed<number>(2);
    recent.set('dough', 1);
    recent.set('loaf', 2);
    expect(recent.get('dough')).toBe(1);
    recent.set('oven', 3);
    expect(recent.get('loaf')).toBeUndefined();
    expect(recent.get('dough')).toBe(1);
    expect(recent.get('oven')).toBe(3);
  });

  it('replaces what a key held without growing', () => {
    const recent = new RecentlyUsed<string>(2);
    recent.set('dough', 'wet');
    recent.set('dough', 'proofed');
    recent.set('loaf', 'baked');
    expect(recent.get('dough')).toBe('proofed');
    expect(recent.get('loaf')).toBe('baked');
  });
});

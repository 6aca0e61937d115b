import { describe, expect, it } from 'vitest';
import { eventWordOf } from '../../src/text/event-aspects.js';

describe('eventWordOf', () => {
  it('gives an asking word the words that answer its aspect, in both languages', () => {
    const held = eventWordOf('Held')!;
    expect(held.asks).toBe(true);
    expect(held.answering).toEqual(expect.arrayContaining(['lieu', 'venue', 'salle']));
    expect(eventWordOf('soirée')?.answering).toEqual(expect.arrayContaining(['party', 'repas']));
  });

  it('lets "where" only hint at the venue, and common answering words ask nothing', () => {
    expect(eventWordOf('where')).toMatchObject({ asks: false });
    expect(eventWordOf('où')).toMatchObject({ asks: false });
    expect(eventWordOf('people')).toBeUndefined();
    expect(eventWordOf('kubernetes')).toBeUndefined();
  });
});

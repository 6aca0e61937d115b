import { describe, expect, it } from 'vitest';
import { unwrapped } from '../../src/text/greetings.js';

describe('unwrapped', () => {
  it.each([
    // A greeting and a sign-off come off; the mark closing the question stays.
    ['hey, what did the baker say about rye? lol', 'what did the baker say about rye?'],
    ['bonjour, quels talks sur le levain ?! svp', 'quels talks sur le levain ?'],
    ['what about the oven, eh', 'what about the oven'],
    // Interjections inside a question stay, and so does a question of interjections alone.
    ['which oven was ok for rye?', 'which oven was ok for rye?'],
    ['lol', 'lol'],
    ['   flour?  ', 'flour?'],
  ])('reads %j as %j', (question, asked) => {
    expect(unwrapped(question)).toBe(asked);
  });
});

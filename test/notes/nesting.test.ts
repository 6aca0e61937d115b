import { describe, expect, it } from 'vitest';
import { lineNesting, MAX_NESTING, nestingReason } from '../../src/notes/nesting.js';

describe('lineNesting', () => {
  it('counts the block quotes and list items a line opens, however they are spaced', () => {
    expect(lineNesting('Rye levain needs a warm room.')).toBe(0);
    expect(lineNesting('> The oven runs at 250 °C.')).toBe(1);
    expect(lineNesting('>> > - 1. a loaf')).toBe(5);
    expect(lineNesting('* 2) flour, then water')).toBe(2);
  });

  it('adds the list levels that indentation stands for, on a line that opens a container', () => {
    expect(lineNesting('      - proof overnight')).toBe(4);
    expect(lineNesting('\t\t- shape the loaf')).toBe(5);
    // Indentation alone is code or a continuation, not nesting.
    expect(lineNesting(`${' '.repeat(400)}const dough = 1;`)).toBe(0);
  });

  it('reads a thematic break and a number as no container', () => {
    expect(lineNesting('- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -')).toBe(0);
    expect(lineNesting('* * *')).toBe(0);
    expect(lineNesting('1.5 kg of flour')).toBe(0);
    expect(lineNesting('-20% hydration')).toBe(0);
  });
});

describe('nestingReason', () => {
  it('refuses a note with a line nested deeper than the limit, naming the line, and reads the rest', () => {
    const deep = `# Fournil Days 2031\n\n${'> '.repeat(MAX_NESTING + 1)}too deep\n`;
    expect(nestingReason(deep)).toBe(`line 3 nests ${MAX_NESTING + 1} block quotes or list items (at most ${MAX_NESTING} are read)`);
    expect(nestingReason(`# Fournil Days 2031\r\n\r\n${'- '.repeat(MAX_NESTING)}deep enough\r\n`)).toBeUndefined();
    expect(nestingReason(`${'  '.repeat(MAX_NESTING)}- one level too many`)).toMatch(/^line 1 nests 101 /);
  });
});

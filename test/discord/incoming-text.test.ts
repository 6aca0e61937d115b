import { describe, expect, it } from 'vitest';
import { plainQuestion } from '../../adapters/discord/incoming-text.js';

describe('plainQuestion', () => {
  it('drops member, role and channel mentions and custom emoji, keeping the words around them', () => {
    expect(plainQuestion('hey <@111>, what did Etsy say <@!222> <@&333> in <#444> <:think:555> <a:party:666>?')).toBe('hey, what did Etsy say in?');
  });

  it('leaves text that only looks like markup alone', () => {
    expect(plainQuestion('is a <div> ok at @everyone scale: 3 < 4 > 2?')).toBe('is a <div> ok at @everyone scale: 3 < 4 > 2?');
  });
});

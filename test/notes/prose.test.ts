import { describe, expect, it } from 'vitest';
import { plainText, wordCount } from '../../src/notes/prose.js';

describe('plainText', () => {
  it('reads character references as the characters they stand for, not as blanks that cut words', () => {
    expect(plainText('Retour sur l&rsquo;atelier &amp; le d&eacute;fournement')).toBe('Retour sur l’atelier & le défournement');
    expect(wordCount('pr&eacute;chauffage du four')).toBe(3);
    expect(plainText('&#8217; &#x2019; &unknownname;')).toBe('’ ’ &unknownname;');
  });
});

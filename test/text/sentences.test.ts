import { describe, expect, it } from 'vitest';
import { splitSentences, unwrapLines } from '../../src/text/sentences.js';

describe('unwrapLines', () => {
  it('joins soft-wrapped lines but keeps list items and blank lines apart, at the same length', () => {
    const text = 'Une phrase coupée\nen deux lignes.\n\n- un item\n- un autre';
    const flat = unwrapLines(text);
    expect(flat).toHaveLength(text.length);
    expect(flat).toBe('Une phrase coupée en deux lignes.\n\n- un item\n- un autre');
  });

  it('turns a CRLF soft break into two spaces so offsets stay aligned', () => {
    expect(unwrapLines('a\r\nb')).toBe('a  b');
  });
});

describe('splitSentences', () => {
  it('gives each sentence its verbatim text and its own lines', () => {
    const text = [
      'Après chaque problème en prod chez Etsy, ils font des post-mortem publics. Tout',
      'le monde est invité à venir voir pourquoi ça a planté.',
      '',
      'Ils ont même un outil nommé morgue.',
    ].join('\n');
    const sentences = splitSentences(text, 20, 'fr');
    expect(sentences.map((s) => s.lines)).toEqual([
      [20, 20],
      [20, 21],
      [23, 23],
    ]);
    expect(sentences[1]!.text).toBe('Tout\nle monde est invité à venir voir pourquoi ça a planté.');
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('drops list markers and markup-only pieces from quotes', () => {
    const sentences = splitSentences('- Les équipes doivent connaître le code.\n- ---\n> Cité ici.', 1, 'fr');
    expect(sentences.map((s) => s.text)).toEqual(['Les équipes doivent connaître le code.', 'Cité ici.']);
    expect(sentences.map((s) => s.lines[0])).toEqual([1, 3]);
  });

  it('keeps abbreviations inside one sentence', () => {
    const sentences = splitSentences('Tools e.g. Consul and etcd help. Another one.', 1, 'en');
    expect(sentences).toHaveLength(2);
  });

  it('never ends a sentence inside a link, a URL or inline code', () => {
    const text = [
      '4. [Am I the Crazy One? Gaslighting at Work](./Day1/06-gaslighting.md)',
      '',
      'See [the slides](https://example.com/deck?id=1). Then https://x.io/p?q=2 again. Run `a.b? c` now.',
    ].join('\n');
    expect(splitSentences(text, 1, 'en').map((s) => s.text)).toEqual([
      '[Am I the Crazy One? Gaslighting at Work](./Day1/06-gaslighting.md)',
      'See [the slides](https://example.com/deck?id=1).',
      'Then https://x.io/p?q=2 again.',
      'Run `a.b? c` now.',
    ]);
  });

  it('keeps code fences and image lines out of the prose around them', () => {
    const text = 'Before the code.\n```\nSELECT 1;\n```\n![diagram](img/arch.png)\nHe suggested blob storage,\nfor files.';
    const sentences = splitSentences(text, 10, 'en');
    expect(sentences.map((s) => s.text)).toEqual([
      'Before the code.',
      'SELECT 1;',
      '![diagram](img/arch.png)',
      'He suggested blob storage,\nfor files.',
    ]);
    expect(sentences.at(-1)!.lines).toEqual([15, 16]);
  });
});

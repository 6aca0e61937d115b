import { describe, expect, it } from 'vitest';
import { splitSentences, unwrapLines } from '../../src/text/sentences.js';
import { markdownPassage } from '../helpers/markdown-passage.js';

describe('unwrapLines', () => {
  it('joins the lines of a unit but keeps units and blank lines apart, at the same length', () => {
    const text = 'Une phrase coupée\nen deux lignes.\n\n- un item\n- un autre';
    const flat = unwrapLines(text, new Set([0, 3, 4]));
    expect(flat).toHaveLength(text.length);
    expect(flat).toBe('Une phrase coupée en deux lignes.\n\n- un item\n- un autre');
  });

  it('turns a CRLF soft break into two spaces so offsets stay aligned', () => {
    expect(unwrapLines('a\r\nb', new Set([0]))).toBe('a  b');
  });
});

describe('splitSentences', () => {
  const sentencesOf = (text: string, firstLine = 1, language: 'en' | 'fr' = 'en') => splitSentences(markdownPassage(text, firstLine, language));

  it('gives each sentence its verbatim text and its own lines', () => {
    const text = [
      'Après chaque problème en prod chez Etsy, ils font des post-mortem publics. Tout',
      'le monde est invité à venir voir pourquoi ça a planté.',
      '',
      'Ils ont même un outil nommé morgue.',
    ].join('\n');
    const sentences = sentencesOf(text, 20, 'fr');
    expect(sentences.map((s) => s.lines)).toEqual([
      [20, 20],
      [20, 21],
      [23, 23],
    ]);
    expect(sentences[1]!.text).toBe('Tout\nle monde est invité à venir voir pourquoi ça a planté.');
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('drops list and quote marks and markup-only pieces from quotes', () => {
    const sentences = sentencesOf('- Les équipes doivent connaître le code.\n- ---\n> Cité ici.', 1, 'fr');
    expect(sentences.map((s) => s.text)).toEqual(['Les équipes doivent connaître le code.', 'Cité ici.']);
    expect(sentences.map((s) => s.lines[0])).toEqual([1, 3]);
  });

  it('keeps abbreviations inside one sentence', () => {
    expect(sentencesOf('Tools e.g. Consul and etcd help. Another one.')).toHaveLength(2);
  });

  it('never ends a sentence inside a link, a URL or inline code', () => {
    const text = [
      '4. [Am I the Crazy One? Gaslighting at Work](./Day1/06-gaslighting.md)',
      '',
      'See [the slides](https://example.com/deck?id=1). Then https://x.io/p?q=2 again. Run `a.b? c` now.',
    ].join('\n');
    expect(sentencesOf(text).map((s) => s.text)).toEqual([
      '[Am I the Crazy One? Gaslighting at Work](./Day1/06-gaslighting.md)',
      'See [the slides](https://example.com/deck?id=1).',
      'Then https://x.io/p?q=2 again.',
      'Run `a.b? c` now.',
    ]);
  });

  it('keeps code and image lines out of the prose around them, a line of code at a time', () => {
    const text = 'Before the code.\n```\nSELECT 1;\nSELECT 2;\n```\n![diagram](img/arch.png)\nHe suggested blob storage,\nfor files.';
    const sentences = sentencesOf(text, 10);
    expect(sentences.map((s) => s.text)).toEqual(['Before the code.', 'SELECT 1;', 'SELECT 2;', '![diagram](img/arch.png)', 'He suggested blob storage,\nfor files.']);
    expect(sentences.map((s) => s.literal)).toEqual([false, true, true, false, false]);
    expect(sentences.at(-1)!.lines).toEqual([16, 17]);
  });

  it('reads an image written with template tags as the site generator will show it', () => {
    const text = 'The badges were ready the day before!\n![Le pass]({{ site.url }}/assets/pass.png)\nCollected in five minutes.';
    expect(sentencesOf(text).map((s) => s.lines)).toEqual([[1, 1], [2, 2], [3, 3]]);
  });

  it('takes headings, setext ones included, from the parser, and their words after the marks', () => {
    const sentences = sentencesOf('## Caching at scale\nNotes on caching.\n\nWhat we kept\n---\nThe cache.');
    expect(sentences.map((s) => [s.text, s.heading])).toEqual([
      ['Caching at scale', true],
      ['Notes on caching.', false],
      ['What we kept', true],
      ['The cache.', false],
    ]);
  });

  it('starts nested items and a quote\'s paragraphs on their own, and joins wrapped item lines', () => {
    const text = ['- Retries need a budget,', '  or they pile up.', '  - Jitter helps.', '> The first quote', '>', '> -- its author'].join('\n');
    expect(sentencesOf(text).map((s) => s.text)).toEqual(['Retries need a budget,\n  or they pile up.', 'Jitter helps.', 'The first quote', '-- its author']);
  });

  it('takes text without a structure a line at a time', () => {
    const { structure: _, ...plain } = markdownPassage('One idea\nwrapped here.\n- an item');
    expect(splitSentences(plain).map((s) => s.text)).toEqual(['One idea', 'wrapped here.', 'an item']);
  });
});

// Citations as links: the base-URL form, the template form, encoding, and the setting's validation.
import { describe, expect, it } from 'vitest';
import { terminalCitations, terminalLink } from '../../src/cli/terminal-link.js';
import { loadConfig } from '../../src/config.js';
import { citationUrl } from '../../src/links/citation-url.js';

const GITHUB = 'https://github.com/acme/notes/blob/main/';

describe('citationUrl', () => {
  it('is undefined without a setting: citations stay text', () => {
    expect(citationUrl('qcon.txt', [20, 25], undefined)).toBeUndefined();
    expect(citationUrl('qcon.txt', [20, 25], '')).toBeUndefined();
  });

  it('appends the file and a GitHub-style line anchor to a base URL, with or without its final slash', () => {
    expect(citationUrl('qcon.txt', [20, 25], GITHUB)).toBe(`${GITHUB}qcon.txt#L20-L25`);
    expect(citationUrl('2014/qcon.txt', [7, 7], GITHUB.slice(0, -1))).toBe(`${GITHUB}2014/qcon.txt#L7`);
  });

  it('asks for the source view of Markdown and reStructuredText, where a rendered page has no line anchors', () => {
    expect(citationUrl('talks/devoxx.md', [3, 9], GITHUB)).toBe(`${GITHUB}talks/devoxx.md?plain=1#L3-L9`);
    expect(citationUrl('talks/fournil.rst', [3, 9], GITHUB)).toBe(`${GITHUB}talks/fournil.rst?plain=1#L3-L9`);
  });

  it('encodes each folder and file name but keeps the slashes between them', () => {
    expect(citationUrl('Conférences 2024/a#b?.txt', [1, 2], GITHUB)).toBe(`${GITHUB}Conf%C3%A9rences%202024/a%23b%3F.txt#L1-L2`);
  });

  it('fills a template for hosts with other anchors', () => {
    const template = 'https://git.example.org/notes/src/{file}?line={start}&to={end}';
    expect(citationUrl('dir/é.md', [4, 8], template)).toBe('https://git.example.org/notes/src/dir/%C3%A9.md?line=4&to=8');
    expect(citationUrl('a.md', [4, 8], 'https://gitlab.example/n/-/blob/main/{file}#L{start}-{end}')).toBe(
      'https://gitlab.example/n/-/blob/main/a.md#L4-8',
    );
  });
});

describe('CONFNOTES_NOTES_URL', () => {
  it('accepts http(s) base URLs and templates', () => {
    expect(loadConfig({ CONFNOTES_NOTES_URL: GITHUB }, {}).notesUrl).toBe(GITHUB);
    expect(loadConfig({}, { CONFNOTES_NOTES_URL: 'http://wiki.local/{file}#{start}' }).notesUrl).toBe('http://wiki.local/{file}#{start}');
    expect(loadConfig({}, {}).notesUrl).toBeUndefined();
  });

  it('refuses what is not a web address, naming the setting', () => {
    for (const bad of ['javascript:alert(1)//{file}', 'not a url', 'file:///etc/{file}']) {
      expect(() => loadConfig({ CONFNOTES_NOTES_URL: bad }, {})).toThrow(/CONFNOTES_NOTES_URL: must be an http\(s\) URL/);
    }
  });
});

describe('terminal citations', () => {
  it('are OSC 8 links on a TTY when the notes URL is set, plain text otherwise', () => {
    const onTty = terminalCitations(GITHUB, true)('qcon.txt:20-25', 'qcon.txt', [20, 25]);
    expect(onTty).toBe(terminalLink('qcon.txt:20-25', `${GITHUB}qcon.txt#L20-L25`));
    expect(onTty).toBe(`\u001B]8;;${GITHUB}qcon.txt#L20-L25\u001B\\qcon.txt:20-25\u001B]8;;\u001B\\`);
    expect(terminalCitations(GITHUB, false)('qcon.txt:20-25', 'qcon.txt', [20, 25])).toBe('qcon.txt:20-25');
    expect(terminalCitations(undefined, true)('qcon.txt:20-25', 'qcon.txt', [20, 25])).toBe('qcon.txt:20-25');
  });
});

import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryReason } from '../../src/notes/binary.js';
import { decodeBytes } from '../../src/notes/decode.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  it('reads UTF-8 as is, line endings included', () => {
    expect(decodeBytes(utf8('## Café\r\ncrème\r\n'))).toEqual({ text: '## Café\r\ncrème\r\n', encoding: 'UTF-8' });
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# Notes')]);
    expect(decodeBytes(bytes)).toEqual({ text: '# Notes', encoding: 'UTF-8 (BOM)' });
  });

  it('keeps a short valid UTF-8 text UTF-8 even when byte statistics would say otherwise', () => {
    expect(decodeBytes(utf8('é')).text).toBe('é');
    expect(decodeBytes(utf8('Ça')).encoding).toBe('UTF-8');
  });

  it('leaves mojibake already in valid UTF-8 untouched', () => {
    expect(decodeBytes(utf8('a â€œserverless" API')).text).toBe('a â€œserverless" API');
  });

  it('reads Latin-1 bytes', () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x0d, 0x0a]);
    expect(decodeBytes(bytes)).toEqual({ text: 'Café crème\r\n', encoding: 'ISO-8859-1' });
  });

  it('reads Windows-1252 curly quotes', () => {
    const bytes = new Uint8Array([0x93, 0x6f, 0x6b, 0x94, 0x20, 0xe0]);
    expect(decodeBytes(bytes)).toEqual({ text: '“ok” à', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a byte order mark', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00])).text).toBe('Aé');
  });

  const corpus = resolve('../shared/corpus');
  it.skipIf(!existsSync(corpus))('decodes the corpus Latin-1 file to the same text as its UTF-8 original (needs ../shared)', () => {
    const latin1 = decodeBytes(readFileSync(resolve(corpus, 'encoding/dotscale-paris-2017.latin1.md')));
    const original = decodeBytes(readFileSync(resolve(corpus, 'elao-blog/dotscale-paris-2017.md')));
    expect(latin1.encoding).toBe('ISO-8859-1');
    expect(latin1.text).toBe(original.text);
  });
});

describe('binaryReason', () => {
  it('accepts text, with or without a UTF-16 byte order mark', () => {
    expect(binaryReason(utf8('# Title\n\tindented\r\n'))).toBeUndefined();
    expect(binaryReason(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBeUndefined();
  });

  it('names NUL bytes and control characters', () => {
    expect(binaryReason(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatch(/NUL/);
    expect(binaryReason(new Uint8Array([0x41, 0x01, 0x02, 0x03, 0x04, 0x42]))).toMatch(/control characters/);
  });
});

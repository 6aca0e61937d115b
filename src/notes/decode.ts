// Bytes of a notes file → text. Notes are French or English, written on any machine over the years:
// mostly UTF-8 (sometimes with a BOM), occasionally Latin-1/Windows-1252 or UTF-16 from old editors.
import { createRequire } from 'node:module';
import type chardetModule from 'chardet';
import type iconvModule from 'iconv-lite';

// Required on first use: most notes folders are plain UTF-8, and a `confnotes ask` that reads them need not
// load either module (~50 ms together).
const require = createRequire(import.meta.url);
const iconv = (): typeof iconvModule => require('iconv-lite') as typeof iconvModule;
const chardet = (): typeof chardetModule => require('chardet') as typeof chardetModule;

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as, e.g. `UTF-8`, `UTF-8 (BOM)`, `ISO-8859-1`, `windows-1252`, `UTF-16LE`. */
  encoding: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** True when some byte is in 0x80–0x9F: C1 controls in ISO-8859-1, printable (curly quotes, €) in Windows-1252. */
const hasWindows1252Range = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80 && b <= 0x9f);

/**
 * Decodes without ever turning valid UTF-8 into something else: chardet guesses from byte statistics
 * and can call a short UTF-8 text Latin-1 or Latin-2, so UTF-8 validity is checked first and chardet
 * is only asked about bytes that are not UTF-8. Line endings are kept; mojibake already present in
 * valid UTF-8 (`â€œ`) is the author's text and stays as is.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: iconv().decode(Buffer.from(bytes.subarray(3)), 'utf-8', { stripBOM: false }), encoding: 'UTF-8 (BOM)' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv().decode(Buffer.from(bytes), 'utf-16le'), encoding: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv().decode(Buffer.from(bytes), 'utf-16be'), encoding: 'UTF-16BE' };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv().decode(Buffer.from(bytes), 'windows-1252'), encoding: singleByteName(bytes) };
  }
}

/**
 * Names the single-byte encoding. Only Western encodings are plausible for French/English notes, and
 * chardet is unreliable on short texts (it answers "ASCII" or a Central-European code page), so the
 * bytes are always decoded as Windows-1252 (a superset of ISO-8859-1 for printable text, as browsers
 * do); chardet only picks the name reported to the user.
 */
function singleByteName(bytes: Uint8Array): string {
  if (hasWindows1252Range(bytes)) return 'windows-1252';
  const guess = chardet().detect(bytes);
  return guess === 'ISO-8859-15' ? 'ISO-8859-15' : 'ISO-8859-1';
}

// Tells a notes file from a binary one that merely has a text extension (a renamed image, a PDF).

const SAMPLE_BYTES = 8192;
const MAX_CONTROL_SHARE = 0.1;

/** Control characters other than tab, line feed, form feed, carriage return and escape. */
const isControl = (b: number): boolean => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;

/** Why the bytes are not text, or undefined when they look like text. UTF-16 (with a BOM) is text despite its NUL bytes. */
export function binaryReason(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return 'binary file (contains NUL bytes)';
  const controls = sample.reduce((n, b) => n + (isControl(b) ? 1 : 0), 0);
  if (sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE) {
    return `binary file (${Math.round((100 * controls) / sample.length)}% control characters)`;
  }
  return undefined;
}

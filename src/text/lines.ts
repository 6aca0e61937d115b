// Lines of a text by offset: where each starts, and which holds an offset. Notes, passages and word
// lists are searched by offset and cited by line; counting line breaks from the top for every lookup
// made finding a line cost the text's length.

export interface TextLines {
  /** Offset of each line's first character, by 0-based line. */
  starts: number[];
  /** The 0-based line holding an offset (a binary search over `starts`). */
  lineAt(offset: number): number;
}

export function linesOfText(text: string): TextLines {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (offset: number): number => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  return { starts, lineAt };
}

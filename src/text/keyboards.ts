// Which keys touch on the keyboards people type English and French on, QWERTY and AZERTY: a finger that
// slips presses a key beside the one it meant. Each letter row is set about half a key right of the row
// above it, so a key touches its two neighbours in its row, two keys of the row above and two of the row below.

const KEYBOARDS = [
  ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['azertyuiop', 'qsdfghjklm', 'wxcvbn'],
];

const touching = new Map<string, Set<string>>();
for (const rows of KEYBOARDS) {
  rows.forEach((row, r) => {
    [...row].forEach((letter, i) => {
      const near = touching.get(letter) ?? new Set<string>();
      for (const other of [row[i - 1], row[i + 1], rows[r - 1]?.[i], rows[r - 1]?.[i + 1], rows[r + 1]?.[i - 1], rows[r + 1]?.[i]]) {
        if (other !== undefined) near.add(other);
      }
      touching.set(letter, near);
    });
  });
}

const none: ReadonlySet<string> = new Set();

/** The letters whose keys touch this letter's key on either keyboard; none for anything but a–z. */
export const keysTouching = (letter: string): ReadonlySet<string> => touching.get(letter) ?? none;

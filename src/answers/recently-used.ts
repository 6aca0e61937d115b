// What answering derives from a passage alone (its search terms, its sentences and their vectors) is
// asked for again by the next questions: a team's questions keep landing on the same talks. It is kept
// for the passages read most recently, under a key made of everything it was derived from, so that a
// re-indexed passage is derived afresh.
//
// Bounded rather than one entry per passage: a 100k-passage store would otherwise hold everything it has
// ever retrieved.

export class RecentlyUsed<T> {
  readonly #entries = new Map<string, T>();

  constructor(readonly capacity: number) {}

  get(key: string): T | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // A Map iterates in insertion order: re-inserting a hit keeps the least recently used first.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

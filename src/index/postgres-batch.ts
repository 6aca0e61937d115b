// Calls made in one tick, answered by one call of `run`. Answering a question asks the store for two
// lexical searches at once (its words, their equivalents) and for a document frequency per word at once;
// over PostgreSQL each call was a statement of its own: a round trip, a plan, and a connection of the
// pool taken while the others queued for one.
export function batchedPerTick<I, O>(run: (inputs: I[]) => Promise<O[]>): (input: I) => Promise<O> {
  let pending: Array<{ input: I; resolve: (output: O) => void; reject: (error: unknown) => void }> | undefined;
  const flush = () => {
    const batch = pending!;
    pending = undefined;
    Promise.resolve()
      .then(() => run(batch.map((call) => call.input)))
      .then(
        (outputs) => batch.forEach((call, i) => call.resolve(outputs[i]!)),
        (error: unknown) => batch.forEach((call) => call.reject(error)),
      );
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      if (!pending) {
        pending = [];
        queueMicrotask(flush);
      }
      pending.push({ input, resolve, reject });
    });
}

// The contract every embedder meets, whatever model is behind it.
// Vectors are L2-normalised so that a dot product is the cosine similarity.

export interface Embedder {
  /** Identifies the model and its build; an index built with another id is refused. */
  readonly id: string;
  readonly dimensions: number;
  /** Embeds note passages (models such as e5 want a `passage: ` prefix; the embedder adds it). */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  /** Embeds a question (e5: `query: ` prefix). */
  embedQuery(text: string): Promise<Float32Array>;
  /** Frees the model's native resources. */
  dispose(): Promise<void>;
}

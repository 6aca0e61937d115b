// The passages read for quotes, with the real static model: each passage's sentences are embedded once,
// and read again when its text, its place or the model changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../embeddings/create-embedder.js';
import type { Embedder } from '../../embeddings/embedder.js';
import { readPassages, sentenceTerms } from '../../src/answers/read-passages.js';
import { splitSentences } from '../../src/text/sentences.js';
import { testModelPath } from '../helpers/model.js';
import { note } from './note-fixture.js';

/** The model, counting the sentences it is given. */
function counting(embedder: Embedder): Embedder & { embedded: number } {
  const counted = {
    ...embedder,
    embedded: 0,
    embedPassages: async (texts: string[]) => {
      counted.embedded += texts.length;
      return embedder.embedPassages(texts);
    },
  };
  return counted;
}

describe('readPassages', () => {
  let model: Embedder;
  beforeAll(async () => {
    model = await createEmbedder({ model: testModelPath('small-int8'), modelsDir: testModelPath('small-int8') });
  });
  afterAll(async () => {
    await model?.dispose();
  });

  it('splits each passage into its sentences, with their terms and their vectors', async () => {
    const embedder = counting(model);
    const [read] = await readPassages(embedder, [note.passages[0]!]);
    const sentences = splitSentences(note.passages[0]!);
    expect(read!.sentences).toEqual(sentences);
    expect(read!.terms).toEqual(sentences.map(sentenceTerms));
    expect(read!.vectors).toEqual(await model.embedPassages(sentences.map((s) => s.text)));
  });

  it('embeds a passage read again only when its text, its structure or its place has changed', async () => {
    const embedder = counting(model);
    const [first, second] = note.passages;
    await readPassages(embedder, [first!, second!]);
    const once = embedder.embedded;
    expect(once).toBe(splitSentences(first!).length + splitSentences(second!).length);
    await readPassages(embedder, [second!, first!]);
    expect(embedder.embedded).toBe(once);

    const edited = { ...first!, text: `${first!.text}\nThe levain doubled overnight.` };
    const [read] = await readPassages(embedder, [edited, second!]);
    expect(embedder.embedded).toBe(once + splitSentences(edited).length);
    expect(read!.sentences.at(-1)!.text).toBe('The levain doubled overnight.');

    const unstructured = { ...first!, structure: undefined };
    await readPassages(embedder, [unstructured]);
    expect(embedder.embedded).toBe(once + splitSentences(edited).length + splitSentences(unstructured).length);

    const moved = { ...first!, id: `${first!.file}:90-99`, lines: [90, 99] as [number, number] };
    const [shifted] = await readPassages(embedder, [moved]);
    expect(shifted!.sentences[0]!.lines[0]).toBe(90);
  });

  it('keeps each model its own vectors', async () => {
    const passage = note.passages[0]!;
    const other = counting(await createEmbedder({ model: testModelPath('small-float32'), modelsDir: testModelPath('small-float32') }));
    try {
      await readPassages(counting(model), [passage]);
      await readPassages(other, [passage]);
      expect(other.embedded).toBe(splitSentences(passage).length);
    } finally {
      await other.dispose();
    }
  });
});

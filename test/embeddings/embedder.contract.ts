// What every Embedder must do, whatever model is behind it. Each variant's test file runs this suite on its own factory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../embeddings/embedder.js';
import { contractTexts, ETSY_FRENCH, ETSY_QUESTION, FRENCH_ACCENTED, UNRELATED } from './sentence-pairs.js';
import { dot } from '../../embeddings/dot.js';

const norm = (v: Float32Array): number => Math.sqrt(dot(v, v));

export function embedderContract(name: string, factory: () => Promise<Embedder>): void {
  describe(`Embedder contract: ${name}`, () => {
    let embedder: Embedder;
    beforeAll(async () => {
      embedder = await factory();
    });
    afterAll(async () => {
      await embedder?.dispose();
    });

    it('has an id and a positive dimension that matches its vectors', async () => {
      expect(embedder.id).toMatch(/\S/);
      expect(Number.isInteger(embedder.dimensions) && embedder.dimensions > 0).toBe(true);
      const [vector] = await embedder.embedPassages([UNRELATED]);
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector!.length).toBe(embedder.dimensions);
      expect((await embedder.embedQuery(ETSY_QUESTION)).length).toBe(embedder.dimensions);
    });

    it('returns unit vectors', async () => {
      for (const vector of [...(await embedder.embedPassages(contractTexts)), await embedder.embedQuery(ETSY_QUESTION)]) {
        expect(norm(vector)).toBeCloseTo(1, 4);
      }
    });

    it('is deterministic', async () => {
      const first = await embedder.embedPassages(contractTexts);
      const second = await embedder.embedPassages(contractTexts);
      expect(second).toEqual(first);
      expect(await embedder.embedQuery(ETSY_QUESTION)).toEqual(await embedder.embedQuery(ETSY_QUESTION));
    });

    it('embeds a text the same alone as in a batch of texts of other lengths', async () => {
      const batch = await embedder.embedPassages(contractTexts);
      for (const [i, text] of contractTexts.entries()) {
        const [alone] = await embedder.embedPassages([text]);
        for (let d = 0; d < embedder.dimensions; d++) expect(alone![d]).toBeCloseTo(batch[i]![d]!, 5);
      }
    });

    it('returns nothing for no texts, and a finite zero vector for an empty or blank text', async () => {
      expect(await embedder.embedPassages([])).toEqual([]);
      const [empty, blank, text] = await embedder.embedPassages(['', '  \n', UNRELATED]);
      for (const vector of [empty!, blank!, await embedder.embedQuery('')]) {
        expect(vector.length).toBe(embedder.dimensions);
        expect(vector.every((x) => x === 0)).toBe(true);
      }
      expect(norm(text!)).toBeCloseTo(1, 4);
    });

    it('embeds French text with accents', async () => {
      const [vector] = await embedder.embedPassages([FRENCH_ACCENTED]);
      expect(vector!.every(Number.isFinite)).toBe(true);
      expect(norm(vector!)).toBeCloseTo(1, 4);
    });

    it('puts the Etsy question closer to the French Etsy note than to an unrelated talk', async () => {
      const question = await embedder.embedQuery(ETSY_QUESTION);
      const [french, unrelated] = await embedder.embedPassages([ETSY_FRENCH, UNRELATED]);
      expect(dot(question, french!)).toBeGreaterThan(dot(question, unrelated!) + 0.2);
    });
  });
}

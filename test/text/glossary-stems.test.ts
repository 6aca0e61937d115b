import { describe, expect, it } from 'vitest';
import stored from '../../src/text/glossary-data/stems.json' with { type: 'json' };
import { glossarySha256 } from '../../src/text/glossary.js';
import { computeStems, stemmedGlossary } from '../../src/text/glossary-stems.js';

describe('glossary stems', () => {
  it('are stored as the glossary and the stemmers make them (else: npm run build && node scripts/glossary-stems.mjs)', () => {
    expect(stored.glossarySha256).toBe(glossarySha256());
    expect(stored).toEqual(computeStems());
  });

  it('key the glossary by each language\'s stem', () => {
    const { toEnglish, toFrench } = stemmedGlossary();
    expect(toEnglish.get('equip')).toContain('team');
    expect(toFrench.get('tool')).toContain('outil');
  });
});

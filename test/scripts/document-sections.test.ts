import { describe, expect, it } from 'vitest';
import { sectionNames } from '../../scripts/document-sections.mjs';

// Role definitions as aria-query writes them: each role's superclass chains up to `roletype`.
const role = (...chain: string[]) => ({ superClass: [['roletype', 'structure', ...chain]] });

describe('sectionNames', () => {
  it('keeps the publication landmarks around the body, not the body, other roles or other modules', () => {
    const roles = new Map([
      ['doc-introduction', role('section', 'landmark')],
      ['doc-conclusion', role('section', 'landmark')],
      ['doc-chapter', role('section', 'landmark')],
      ['doc-part', role('section', 'landmark')],
      ['doc-footnote', role('section')],
      ['banner', role('section', 'landmark')],
    ]);
    expect(sectionNames(roles)).toEqual(['conclusion', 'introduction']);
  });
});

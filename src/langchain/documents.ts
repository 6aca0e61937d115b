// Quotes and passages as LangChain Documents. `source` and `loc.lines` follow LangChain's own loaders
// (TextLoader's source, the text splitters' loc.lines), so citation code written for them works unchanged.
import { Document } from '@langchain/core/documents';
import type { Excerpt, RankedPassage } from '../types.js';

export interface ConfnotesMetadata {
  /** The notes file, relative to the notes folder. */
  source: string;
  /** 1-based, inclusive lines of the file that `pageContent` is cut from. */
  loc: { lines: { from: number; to: number } };
  conference: string;
  talk: string;
  speakers: string[];
  companies: string[];
  score: number;
}

type Cited = Pick<Excerpt, 'conference' | 'talk' | 'speakers' | 'companies' | 'file' | 'lines'>;

function documentOf(pageContent: string, cited: Cited, score: number): Document<ConfnotesMetadata> {
  const [from, to] = cited.lines;
  return new Document({
    id: `${cited.file}:${from}-${to}`,
    pageContent,
    metadata: {
      source: cited.file,
      loc: { lines: { from, to } },
      conference: cited.conference,
      talk: cited.talk,
      speakers: cited.speakers,
      companies: cited.companies,
      score,
    },
  });
}

export const documentOfExcerpt = (excerpt: Excerpt): Document<ConfnotesMetadata> => documentOf(excerpt.quote, excerpt, excerpt.score);

export const documentOfPassage = ({ passage, score }: RankedPassage): Document<ConfnotesMetadata> => documentOf(passage.text, passage, score);

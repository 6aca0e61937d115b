// confnotes as a LangChain retriever: the answer's verbatim quotes (or the passages behind them) as Documents.
import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import type { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { openConfnotes, type ConfnotesOptions } from '../library/open-confnotes.js';
import type { ConfnotesService } from '../service.js';
import { documentOfExcerpt, documentOfPassage, type ConfnotesMetadata } from './documents.js';

/** What the retriever calls: a service from `openConfnotes` (or `openService`) has all of it. */
export type RetrieverSource = Pick<Required<ConfnotesService>, 'ask' | 'passages' | 'close'>;

export interface ConfnotesRetrieverInput extends BaseRetrieverInput {
  confnotes: RetrieverSource;
  /** Documents at most (default: the CONFNOTES_EXCERPTS setting). */
  k?: number;
  /** `quotes` (default): the sentences that answer, as `confnotes ask` quotes them; `passages`: the ranked passages they come from. */
  mode?: 'quotes' | 'passages';
}

export type ConfnotesRetrieverOptions = ConfnotesOptions & Omit<ConfnotesRetrieverInput, 'confnotes'>;

export class ConfnotesRetriever extends BaseRetriever<ConfnotesMetadata> {
  static lc_name(): string {
    return 'ConfnotesRetriever';
  }

  lc_namespace = ['confnotes', 'retrievers'];

  readonly confnotes: RetrieverSource;
  readonly k?: number;
  readonly mode: 'quotes' | 'passages';

  constructor(fields: ConfnotesRetrieverInput) {
    super(fields);
    this.confnotes = fields.confnotes;
    this.k = fields.k;
    this.mode = fields.mode ?? 'quotes';
  }

  /** Opens the knowledge base with the CLI's settings (indexing what changed), then retrieves from it; `close()` it when done. */
  static async open(options: ConfnotesRetrieverOptions = {}): Promise<ConfnotesRetriever> {
    const { k, mode, callbacks, tags, metadata, verbose, ...settings } = options;
    return new ConfnotesRetriever({ confnotes: await openConfnotes(settings), k, mode, callbacks, tags, metadata, verbose });
  }

  /** An abstention (the notes are silent) is no documents. */
  async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document<ConfnotesMetadata>[]> {
    if (this.mode === 'passages') return (await this.confnotes.passages(query, { k: this.k })).map(documentOfPassage);
    const answer = await this.confnotes.ask(query, { excerpts: this.k });
    return answer.abstained ? [] : answer.excerpts.map(documentOfExcerpt);
  }

  close(): Promise<void> {
    return this.confnotes.close();
  }
}

// ConfnotesRetriever through LangChain's own interfaces, over the sample notes with the real model and a
// throw-away index: the documents are the quotes of `confnotes ask`, cited the way LangChain's loaders cite.
import type { Document } from '@langchain/core/documents';
import { ToolMessage } from '@langchain/core/messages';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfnotesRetriever, searchConferenceNotesTool, type ConfnotesMetadata } from '../../src/langchain/index.js';
import type { Answer } from '../../src/types.js';
import { cliEnv, runCli, tempDir } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { atEtsyPostMortems, ETSY, QCON, SAMPLE_NOTES, sampleLines } from '../helpers/notes.js';

const SILENT = 'what is the best recipe for chocolate cake?';

const linesOfDocument = (d: Document<ConfnotesMetadata>): string => sampleLines(d.metadata.source, [d.metadata.loc.lines.from, d.metadata.loc.lines.to]);

describe('ConfnotesRetriever over the sample notes', () => {
  let retriever: ConfnotesRetriever;
  let indexDir: string;

  beforeAll(async () => {
    indexDir = tempDir('index');
    // No environment: only what is passed here, as a program embedding confnotes would.
    retriever = await ConfnotesRetriever.open({ notesDir: SAMPLE_NOTES, indexDir, modelsDir: testModelsDir(), k: 4, env: {} });
  });

  afterAll(async () => {
    await retriever?.close();
  });

  it('returns the Etsy post-mortem quotes, each found verbatim at the lines its metadata names', async () => {
    const docs = await retriever.invoke(ETSY);
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.length).toBeLessThanOrEqual(4);
    const etsy = docs.filter((d) => d.metadata.source === QCON && atEtsyPostMortems([d.metadata.loc.lines.from, d.metadata.loc.lines.to]));
    expect(etsy.length).toBeGreaterThan(0);
    expect(etsy.map((d) => d.pageContent).join(' ')).toMatch(/post-mortem/i);
    expect(etsy[0]!.metadata).toMatchObject({ conference: 'QCon London 2014', talk: expect.stringMatching(/Etsy/) });
    for (const d of docs) {
      expect(linesOfDocument(d)).toContain(d.pageContent);
      expect(d.metadata.score).toBeGreaterThan(0);
    }
  });

  it('gives the same quotes and citations as `confnotes ask --json` on the same index', async () => {
    const docs = await retriever.invoke(ETSY);
    const cli = await runCli(['ask', '--json', '--k', '4', ETSY], cliEnv(testModelsDir(), { CONFNOTES_NOTES_DIR: SAMPLE_NOTES, CONFNOTES_INDEX_DIR: indexDir }));
    expect(cli.code).toBe(0);
    const answer = JSON.parse(cli.stdout) as Answer;
    expect(docs.map((d) => [d.pageContent, d.metadata.source, d.metadata.loc.lines.from, d.metadata.loc.lines.to])).toEqual(
      answer.excerpts.map((e) => [e.quote, e.file, e.lines[0], e.lines[1]]),
    );
  });

  it('answers a batch, with no documents where the notes are silent', async () => {
    const [etsy, silent] = await retriever.batch([ETSY, SILENT]);
    expect(etsy!.some((d) => d.metadata.source === QCON)).toBe(true);
    expect(silent).toEqual([]);
  });

  it('works as a step of a RunnableSequence', async () => {
    const cite = RunnableLambda.from((docs: Document<ConfnotesMetadata>[]) =>
      docs.map((d) => `${d.metadata.source}:${d.metadata.loc.lines.from}-${d.metadata.loc.lines.to}`),
    );
    const chain = RunnableSequence.from([(input: { question: string }) => input.question, retriever, cite]);
    const citations = await chain.invoke({ question: ETSY });
    expect(citations.some((c) => c.startsWith(`${QCON}:`))).toBe(true);
  });

  it("returns the ranked passages, each exactly its file's lines, in passages mode", async () => {
    const passages = new ConfnotesRetriever({ confnotes: retriever.confnotes, mode: 'passages', k: 5 });
    const docs = await passages.invoke(ETSY);
    expect(docs).toHaveLength(5);
    for (const d of docs) expect(d.pageContent).toBe(linesOfDocument(d));
    const quotes = await retriever.invoke(ETSY);
    // The best quote comes from one of the passages it was read in.
    expect(docs.some((d) => d.metadata.source === quotes[0]!.metadata.source && d.pageContent.includes(quotes[0]!.pageContent))).toBe(true);
    expect(await passages.invoke(SILENT)).toEqual([]);
  });

  it('offers agents a search_conference_notes tool: cited quotes as content, the documents as artifact', async () => {
    const search = searchConferenceNotesTool(retriever);
    expect(search.name).toBe('search_conference_notes');
    const message = await search.invoke({ id: 'call-1', name: search.name, args: { question: ETSY }, type: 'tool_call' });
    expect(message).toBeInstanceOf(ToolMessage);
    expect(String(message.content)).toMatch(/QCon London 2014 · .*Etsy.* · 001_34568cbb42ee90fe\.txt:\d+-\d+/);
    const artifact = message.artifact as Document<ConfnotesMetadata>[];
    expect(artifact.map((d) => d.pageContent)).toEqual((await retriever.invoke(ETSY)).map((d) => d.pageContent));

    const silent = await search.invoke({ id: 'call-2', name: search.name, args: { question: SILENT }, type: 'tool_call' });
    expect(String(silent.content)).toMatch(/^I found nothing about that in the notes\.\nClosest talks:/);
    expect(silent.artifact).toEqual([]);
    await expect(search.invoke({ question: '  ' })).rejects.toThrow(/question is empty/);
  });
});

// `confnotes mcp` as an MCP client runs it: a child process on stdio, driven by the SDK's own Client,
// over the sample notes with the real model and a throw-away index.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Digest } from '../../src/types.js';
import { CLI, cliEnv, runCli } from '../helpers/cli.js';
import { testModelsDir } from '../helpers/model.js';
import { atEtsyPostMortems, ETSY, QCON, SAMPLE_NOTES, sampleLines } from '../helpers/notes.js';

const textOf = (result: CallToolResult): string =>
  result.content
    .filter((c) => c.type === 'text')
    .map((c) => c.text)
    .join('\n');

describe('confnotes mcp over the sample notes', () => {
  let env: Record<string, string>;
  let client: Client;
  let stderr = '';

  beforeAll(async () => {
    env = cliEnv(testModelsDir()) as Record<string, string>;
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--notes', SAMPLE_NOTES], env, stderr: 'pipe' });
    transport.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    client = new Client({ name: 'confnotes-test', version: '1.0.0' });
    await client.connect(transport);
  });

  afterAll(async () => {
    await client?.close();
  });

  it('lists the ask, conferences and digest tools with titles, descriptions and schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['ask', 'conferences', 'digest']);
    for (const tool of tools) {
      expect(tool.title).toBeTruthy();
      expect(tool.description!.length).toBeGreaterThan(40);
      expect(tool.outputSchema?.type).toBe('object');
    }
    const ask = tools.find((t) => t.name === 'ask')!;
    expect(ask.inputSchema.required).toEqual(['question']);
    expect(Object.keys(ask.inputSchema.properties!).sort()).toEqual(['k', 'question']);
    expect(tools.find((t) => t.name === 'digest')!.inputSchema.required).toEqual(['conference']);
  });

  it('answers the Etsy question with the quotes and citations of `confnotes ask --json`', async () => {
    const result = (await client.callTool({ name: 'ask', arguments: { question: ETSY } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const answer = result.structuredContent as unknown as Answer;
    expect(answer.abstained).toBe(false);
    const etsy = answer.excerpts.filter((e) => e.file === QCON && atEtsyPostMortems(e.lines));
    expect(etsy.length).toBeGreaterThan(0);
    expect(etsy.map((e) => e.quote).join(' ')).toMatch(/post-mortem/i);
    for (const e of answer.excerpts) expect(sampleLines(e.file, e.lines)).toContain(e.quote);
    expect(textOf(result)).toMatch(/QCon London 2014 · .*Etsy.* · 001_34568cbb42ee90fe\.txt:\d+-\d+/);
    expect(result.content).toContainEqual(expect.objectContaining({ type: 'resource_link', uri: `confnotes://notes/${QCON}` }));

    // The same index, asked through the CLI: the same answer.
    const cli = await runCli(['ask', '--json', '--notes', SAMPLE_NOTES, ETSY], env);
    expect(cli.code).toBe(0);
    expect(answer).toEqual(JSON.parse(cli.stdout));
  });

  it('returns a tool error with the usual message for bad input, and keeps serving', async () => {
    const empty = (await client.callTool({ name: 'ask', arguments: { question: '   ' } })) as CallToolResult;
    expect(empty.isError).toBe(true);
    expect(textOf(empty)).toMatch(/^The question is empty\. Ask a question/);
    const long = (await client.callTool({ name: 'ask', arguments: { question: 'why '.repeat(2500) } })) as CallToolResult;
    expect(long.isError).toBe(true);
    expect(textOf(long)).toMatch(/9999 characters.*shorter question/);
    const unknown = (await client.callTool({ name: 'digest', arguments: { conference: 'no such conference 1999' } })) as CallToolResult;
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/confnotes conferences/);

    const again = (await client.callTool({ name: 'ask', arguments: { question: ETSY, k: 1 } })) as CallToolResult;
    expect(again.isError).toBeFalsy();
    expect((again.structuredContent as unknown as Answer).excerpts).toHaveLength(1);
  });

  it('lists the conferences with their talks, as `confnotes conferences --json` does', async () => {
    const result = (await client.callTool({ name: 'conferences', arguments: {} })) as CallToolResult;
    const { conferences } = result.structuredContent as { conferences: Array<{ conference: string; talks: Array<{ talk: string }> }> };
    const qcon = conferences.find((c) => c.conference === 'QCon London 2014');
    expect(qcon?.talks.map((t) => t.talk)).toEqual(expect.arrayContaining(["How outages shaped Etsy's architecture"]));
    expect(textOf(result)).toMatch(/^QCon London 2014 \(\d+ talks\)$/m);
    const cli = await runCli(['conferences', '--json', '--notes', SAMPLE_NOTES], env);
    expect(conferences).toEqual(JSON.parse(cli.stdout));
  });

  it('gives the digest of a conference named in part, with verbatim highlights', async () => {
    const result = (await client.callTool({ name: 'digest', arguments: { conference: 'QCon London' } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const digest = result.structuredContent as unknown as Digest;
    expect(digest.conference).toBe('QCon London 2014');
    const highlights = digest.talks.flatMap((t) => t.highlights.map((h) => ({ file: t.file, ...h })));
    expect(highlights.length).toBeGreaterThan(0);
    for (const h of highlights) expect(sampleLines(h.file, h.lines)).toContain(h.quote);
    expect(textOf(result)).toContain('QCon London 2014');
  });

  it('serves each notes file as a resource, so that a cited file can be opened', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toContain(`confnotes://notes/${QCON}`);
    const { contents } = await client.readResource({ uri: `confnotes://notes/${QCON}` });
    const text = (contents[0] as { text: string }).text;
    expect(text).toBe(readFileSync(join(SAMPLE_NOTES, QCON), 'utf8'));
    expect(text.split(/\r?\n/).slice(19, 25).join('\n')).toMatch(/post-mortem/);
    await expect(client.readResource({ uri: 'confnotes://notes/../package.json' })).rejects.toThrow(/no indexed notes file is named/);
  });

  it('writes nothing but the protocol on stdout, and logs nothing at the default level', () => {
    expect(stderr).toBe('');
  });
});

describe('confnotes mcp start-up', () => {
  it('exits with the one-line usage message when the notes folder does not exist', async () => {
    const result = await runCli(['mcp', '--notes', 'no/such/folder'], cliEnv(testModelsDir()));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^confnotes: notes folder .* does not exist.*--notes/);
    expect(result.stdout).toBe('');
  });
});

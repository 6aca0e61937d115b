// confnotes over the Model Context Protocol: the CLI's ask, conferences and digest as tools, and the notes
// files as resources so that a client can open the lines a citation names. Transport-free; `confnotes mcp`
// connects it to stdio.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { formatAnswerText } from '../answers/format-text.js';
import { MAX_QUESTION_CHARS } from '../answers/question.js';
import { formatConferencesText, listConferences } from '../conference-listing.js';
import { formatDigestText } from '../digests/format-digest-text.js';
import { isConfnotesError } from '../errors.js';
import type { Confnotes } from '../library/open-confnotes.js';
import { log } from '../log.js';
import { answerSchema, conferencesSchema, digestSchema } from './schemas.js';

const NOTES_URI = 'confnotes://notes/';

/** Each segment encoded, so that spaces, `#` and `?` in file names survive; `/` stays a separator. */
export const noteUri = (file: string): string => NOTES_URI + file.split('/').map(encodeURIComponent).join('/');

const mimeTypeOf = (file: string): string => (/\.(md|markdown)$/i.test(file) ? 'text/markdown' : 'text/plain');

/**
 * Bad input (an empty or overlong question, an unknown conference) is a tool error with the CLI's one-line
 * message, which the calling model can read and act on; the server keeps serving.
 */
async function toolResult(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (error) {
    if (!isConfnotesError(error)) log.error({ err: error }, 'MCP tool failed');
    const message = isConfnotesError(error) ? error.message : `unexpected error: ${(error as Error).message}`;
    return { isError: true, content: [{ type: 'text', text: message }] };
  }
}

/** `confnotes` resolves once the knowledge base is open (the first start builds the model and the index). */
export function createMcpServer(confnotes: () => Promise<Confnotes>, version: string): McpServer {
  const server = new McpServer({ name: 'confnotes', version });
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

  server.registerTool(
    'ask',
    {
      title: 'Ask the conference notes',
      description:
        "Answers a question from the team's conference notes with verbatim quotes, each cited with conference, talk, speaker and file:lines (open the file as the resource confnotes://notes/<file>). When the notes are silent it says so and names the closest talks instead of guessing.",
      inputSchema: {
        question: z.string().describe(`The question, in English or French, at most ${MAX_QUESTION_CHARS} characters.`),
        k: z.number().int().min(1).max(20).optional().describe('How many quotes at most (default: the CONFNOTES_EXCERPTS setting, 3).'),
      },
      outputSchema: answerSchema,
      annotations: readOnly,
    },
    ({ question, k }) =>
      toolResult(async () => {
        const answer = await (await confnotes()).ask(question, { excerpts: k });
        const cited = [...new Set(answer.excerpts.map((e) => e.file))];
        return {
          structuredContent: { ...answer },
          content: [
            { type: 'text', text: formatAnswerText(answer) },
            ...cited.map((file) => ({ type: 'resource_link' as const, uri: noteUri(file), name: file, mimeType: mimeTypeOf(file) })),
          ],
        };
      }),
  );

  server.registerTool(
    'conferences',
    {
      title: 'List the conferences',
      description: 'Lists the conferences in the notes and, for each, its talks with speakers and the file and lines of its notes.',
      outputSchema: conferencesSchema,
      annotations: readOnly,
    },
    () =>
      toolResult(async () => {
        const conferences = listConferences(await (await confnotes()).talks());
        return { structuredContent: { conferences }, content: [{ type: 'text', text: formatConferencesText(conferences) }] };
      }),
  );

  server.registerTool(
    'digest',
    {
      title: 'Digest of a conference',
      description: 'Every talk of a conference with one to three central sentences quoted verbatim from the notes, with their lines.',
      inputSchema: { conference: z.string().describe('The conference: its full name, part of it (e.g. a city or a year), or a notes file.') },
      outputSchema: digestSchema,
      annotations: readOnly,
    },
    ({ conference }) =>
      toolResult(async () => {
        const digest = await (await confnotes()).digest(conference);
        return { structuredContent: { ...digest }, content: [{ type: 'text', text: formatDigestText(digest) }] };
      }),
  );

  server.registerResource(
    'notes',
    new ResourceTemplate(`${NOTES_URI}{+path}`, {
      list: async () => ({
        resources: (await (await confnotes()).files()).map((file) => ({ uri: noteUri(file), name: file, mimeType: mimeTypeOf(file) })),
      }),
    }),
    { title: 'Conference notes', description: 'The notes files of the index; citations give their line numbers.' },
    async (uri, { path }) => {
      const file = decodeURIComponent(String(path));
      return { contents: [{ uri: uri.href, mimeType: mimeTypeOf(file), text: await (await confnotes()).note(file) }] };
    },
  );

  return server;
}

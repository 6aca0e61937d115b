// The tools' output schemas: the JSON of `ask --json`, `conferences --json` and `digest --json`, published to
// MCP clients. `satisfies` ties each to its TypeScript type, so a field added to the type fails to compile here
// instead of failing clients' validation.
import { z } from 'zod';
import type { ListedConference } from '../conference-listing.js';
import type { Answer, Digest } from '../types.js';

const lines = z.tuple([z.number().int(), z.number().int()]).describe('1-based, inclusive lines of the notes file');
const names = z.array(z.string());

export const answerSchema = z.object({
  question: z.string(),
  abstained: z.boolean().describe('true when the notes do not answer; then `closest` names the nearest talks'),
  excerpts: z.array(
    z.object({
      quote: z.string().describe('verbatim text of the notes'),
      conference: z.string(),
      talk: z.string(),
      speakers: names,
      companies: names,
      file: z.string().describe('notes file, relative to the notes folder; read it as confnotes://notes/<file>'),
      lines,
      score: z.number(),
    }),
  ),
  closest: z.array(z.object({ conference: z.string(), talk: z.string(), file: z.string(), lines })).optional(),
}) satisfies z.ZodType<Answer>;

export const conferencesSchema = z.object({
  conferences: z.array(
    z.object({
      conference: z.string(),
      talks: z.array(z.object({ talk: z.string(), speakers: names, file: z.string(), lines, empty: z.boolean() })),
    }),
  ),
}) satisfies z.ZodType<{ conferences: ListedConference[] }>;

export const digestSchema = z.object({
  conference: z.string(),
  date: z.string().optional(),
  files: z.array(z.string()),
  talks: z.array(
    z.object({
      talk: z.string(),
      speakers: names,
      companies: names,
      file: z.string(),
      lines,
      highlights: z.array(z.object({ quote: z.string(), lines })),
      empty: z.boolean(),
    }),
  ),
}) satisfies z.ZodType<Digest>;

// A tool an agent calls to search the notes: the cited answer as text for the model, the quotes as Documents.
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { formatAnswerText } from '../answers/format-text.js';
import { MAX_QUESTION_CHARS } from '../answers/question.js';
import { documentOfExcerpt } from './documents.js';
import type { ConfnotesRetriever } from './retriever.js';

export const SEARCH_TOOL_NAME = 'search_conference_notes';

/**
 * The content is the answer as `confnotes ask` prints it (quotes with conference, talk, speaker and
 * file:lines, or "nothing in the notes" with the closest talks); the artifact is the quotes as Documents.
 */
export function searchConferenceNotesTool(retriever: ConfnotesRetriever) {
  return tool(
    async ({ question }) => {
      const answer = await retriever.confnotes.ask(question, { excerpts: retriever.k });
      return [formatAnswerText(answer), answer.abstained ? [] : answer.excerpts.map(documentOfExcerpt)];
    },
    {
      name: SEARCH_TOOL_NAME,
      description:
        "Searches the team's conference notes and returns verbatim quotes that answer the question, each cited with conference, talk, speaker and file:lines, or says that the notes are silent.",
      schema: z.object({ question: z.string().describe(`A question in English or French, at most ${MAX_QUESTION_CHARS} characters.`) }),
      responseFormat: 'content_and_artifact',
    },
  );
}

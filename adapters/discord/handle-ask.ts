// /ask: defer at once (answering may take longer than Discord's 3 seconds), then edit in the answer.
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { isConfnotesError } from '../../src/errors.js';
import type { ConfnotesService } from '../../src/service.js';
import { formatAnswer, formatQuestionProblem } from './format-answer.js';

export async function handleAsk(interaction: ChatInputCommandInteraction, service: ConfnotesService, notesUrl?: string): Promise<void> {
  const question = interaction.options.getString('question') ?? '';
  const isPrivate = interaction.options.getBoolean('private') ?? false;
  await interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
  const reply = await service.ask(question).then((answer) => formatAnswer(answer, notesUrl), (error: unknown) => {
    if (isConfnotesError(error) && (error.code === 'QUESTION_EMPTY' || error.code === 'QUESTION_TOO_LONG')) {
      return formatQuestionProblem(error);
    }
    throw error;
  });
  await interaction.editReply(reply);
}

// /ask and the "Ask the notes" message command: defer at once (answering may take longer than Discord's
// 3 seconds), then edit in the answer, with follow-ups when it does not fit in one message.
import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { isConfnotesError } from '../../src/errors.js';
import { recordIfAbstained } from '../../src/gaps/feedback-log.js';
import { formatAnswer, formatQuestionProblem } from './format-answer.js';
import { plainQuestion } from './incoming-text.js';
import type { InteractionDeps } from './handle-interaction.js';
import { type DiscordMessage, discordMessage } from './message.js';

type AskingInteraction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

export async function handleAsk(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const question = plainQuestion(interaction.options.getString('question') ?? '');
  await answer(interaction, question, interaction.options.getBoolean('private') ?? false, deps);
}

/** The message command: the selected message's text is the question, and the answer is seen by the channel. */
export async function handleAskTheNotes(interaction: MessageContextMenuCommandInteraction, deps: InteractionDeps): Promise<void> {
  const question = plainQuestion(interaction.targetMessage.content);
  if (!question) {
    await interaction.reply({ ...discordMessage('That message has no text to ask the notes about.'), flags: MessageFlags.Ephemeral });
    return;
  }
  await answer(interaction, question, false, deps);
}

async function answer(interaction: AskingInteraction, question: string, isPrivate: boolean, deps: InteractionDeps): Promise<void> {
  // The deferral goes out now; the answer is worked out once a burst's deferrals are all out (after-acks.ts).
  // Discord's acknowledgement is the deferral's request, not the interaction's arrival, so answering is queued
  // once that request has gone through. Queued as interactions arrived, a burst's answering could start while
  // deferrals still waited to be sent (Dec 2026, 100 /ask on the bench: 5 answers began before the last deferral
  // was through; all 100 when discord.js's REST pool was capped at 8 connections).
  const deferred = interaction.deferReply(isPrivate ? { flags: MessageFlags.Ephemeral } : {});
  const answered = deferred.then(() => deps.answering.later(() => formattedAnswer(question, `discord:${interaction.channelId}`, deps)));
  // A failed deferral fails this too, unread: the apology is for the deferral's error.
  void answered.catch(() => undefined);
  await deferred;
  const [first, ...rest] = await answered;
  await interaction.editReply(first!);
  for (const message of rest) {
    // A follow-up is public unless flagged again: a private answer stays private to its last part.
    const flags = (message.flags ?? 0) | (isPrivate ? MessageFlags.Ephemeral : 0);
    await interaction.followUp({ ...message, flags });
  }
}

/** The answer's messages, or the usage problem of a question that cannot be asked; `origin` names where it was asked. */
async function formattedAnswer(question: string, origin: string, { service, notesUrl, gaps, logger }: InteractionDeps): Promise<DiscordMessage[]> {
  return service.ask(question).then(
    async (reply) => {
      if (gaps) {
        // A record that cannot be written must not cost the asker the answer.
        await recordIfAbstained(gaps, reply, origin).catch((error: unknown) => logger.warn({ err: error }, 'could not record the unanswered question'));
      }
      return formatAnswer(reply, notesUrl);
    },
    (error: unknown) => {
      if (isConfnotesError(error) && (error.code === 'QUESTION_EMPTY' || error.code === 'QUESTION_TOO_LONG')) {
        return [formatQuestionProblem(error)];
      }
      throw error;
    },
  );
}

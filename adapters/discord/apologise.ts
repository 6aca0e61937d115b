// When answering fails for a reason the user cannot fix: an apology carrying an id that finds the log line.
import { randomUUID } from 'node:crypto';
import { MessageFlags, type CommandInteraction } from 'discord.js';
import type { Logger } from '../../src/log.js';
import { discordMessage } from './message.js';

export async function apologise(interaction: CommandInteraction, error: unknown, logger: Logger): Promise<void> {
  const errorId = randomUUID().slice(0, 8);
  logger.error({ err: error, errorId, command: interaction.commandName }, 'discord command failed');
  const apology = discordMessage(
    `Sorry, something went wrong while answering. Error id: \`${errorId}\` (whoever runs confnotes can look it up in the logs).`,
  );
  try {
    if (interaction.deferred || interaction.replied) await interaction.editReply(apology);
    else await interaction.reply({ ...apology, flags: MessageFlags.Ephemeral });
  } catch (replyError) {
    // Nothing more can be told to the user (e.g. the interaction expired); the log line above stays.
    logger.warn({ err: replyError, errorId }, 'could not send the apology to discord');
  }
}

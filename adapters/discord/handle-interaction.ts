// Routes each interaction to its command. Nothing thrown here may reach discord.js: the process must
// stay up and keep answering, so failures become an apology (commands) or an empty list (autocomplete).
import type { Interaction } from 'discord.js';
import type { FeedbackLog } from '../../src/gaps/feedback-log.js';
import type { Logger } from '../../src/log.js';
import type { AfterAcks } from '../../src/pool/after-acks.js';
import type { ConfnotesService } from '../../src/service.js';
import { apologise } from './apologise.js';
import { ASK, ASK_THE_NOTES, DIGEST } from './commands.js';
import { handleAsk, handleAskTheNotes } from './handle-ask.js';
import { autocompleteConference, handleDigest } from './handle-digest.js';

export interface InteractionDeps {
  service: ConfnotesService;
  logger: Logger;
  /** CONFNOTES_NOTES_URL: citations link to the notes' lines. */
  notesUrl?: string;
  /** Where unanswered questions are recorded for `confnotes gaps`. */
  gaps?: FeedbackLog;
  /** Where answering waits for the acknowledgements (deferrals) of a burst. */
  answering: AfterAcks;
}

export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const { service, logger, notesUrl } = deps;
  if (interaction.isAutocomplete()) {
    if (interaction.commandName !== DIGEST) return;
    try {
      await autocompleteConference(interaction, service);
    } catch (error) {
      logger.warn({ err: error }, 'discord autocomplete failed');
      // Autocomplete has 3 seconds and no error display: an empty list, or nothing if that is too late.
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand()) return;
  try {
    if (interaction.isMessageContextMenuCommand()) {
      if (interaction.commandName === ASK_THE_NOTES) await handleAskTheNotes(interaction, deps);
    } else if (interaction.commandName === ASK) await handleAsk(interaction, deps);
    else if (interaction.commandName === DIGEST) await handleDigest(interaction, service, notesUrl);
  } catch (error) {
    await apologise(interaction, error, logger);
  }
}

// Routes each interaction to its command. Nothing thrown here may reach discord.js: the process must
// stay up and keep answering, so failures become an apology (commands) or an empty list (autocomplete).
import type { Interaction } from 'discord.js';
import type { Logger } from '../../src/log.js';
import type { ConfnotesService } from '../../src/service.js';
import { apologise } from './apologise.js';
import { ASK, ASK_THE_NOTES, DIGEST } from './commands.js';
import { handleAsk, handleAskTheNotes } from './handle-ask.js';
import { autocompleteConference, handleDigest } from './handle-digest.js';

/** `notesUrl` (CONFNOTES_NOTES_URL) links citations to the notes' lines. */
export async function handleInteraction(interaction: Interaction, service: ConfnotesService, logger: Logger, notesUrl?: string): Promise<void> {
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
      if (interaction.commandName === ASK_THE_NOTES) await handleAskTheNotes(interaction, service, notesUrl);
    } else if (interaction.commandName === ASK) await handleAsk(interaction, service, notesUrl);
    else if (interaction.commandName === DIGEST) await handleDigest(interaction, service, notesUrl);
  } catch (error) {
    await apologise(interaction, error, logger);
  }
}

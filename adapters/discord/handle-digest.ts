// /digest and its autocomplete. The digest can take a while to build, so the reply is deferred first.
import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { isConfnotesError } from '../../src/errors.js';
import type { ConfnotesService } from '../../src/service.js';
import { formatConferenceNotFound, formatDigest } from './format-digest.js';
import { matchConferences } from './match-conferences.js';

export async function handleDigest(interaction: ChatInputCommandInteraction, service: ConfnotesService, notesUrl?: string): Promise<void> {
  const conference = interaction.options.getString('conference') ?? '';
  await interaction.deferReply();
  const messages = await service.digest(conference).then((digest) => formatDigest(digest, notesUrl), async (error: unknown) => {
    if (isConfnotesError(error) && error.code === 'CONFERENCE_NOT_FOUND') {
      return [formatConferenceNotFound(error.detail, await service.conferences())];
    }
    throw error;
  });
  const [first, ...rest] = messages;
  await interaction.editReply(first!);
  // In order: each follow-up waits for the previous one so the talks read top to bottom.
  for (const message of rest) await interaction.followUp(message);
}

export async function autocompleteConference(interaction: AutocompleteInteraction, service: ConfnotesService): Promise<void> {
  await interaction.respond(matchConferences(await service.conferences(), interaction.options.getFocused()));
}

// The slash commands as Discord registers them. Usable in servers, in DMs with the bot and in group DMs,
// whether the bot was added to a server or installed by a user.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const ASK = 'ask';
export const DIGEST = 'digest';

const everywhere = (builder: SlashCommandBuilder): SlashCommandBuilder =>
  builder
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);

export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const ask = everywhere(new SlashCommandBuilder())
    .setName(ASK)
    .setDescription('Answer a question from the conference notes, with verbatim cited excerpts')
    .setDescriptionLocalizations({ fr: 'Répondre à une question à partir des notes de conférence, avec des extraits cités' })
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('What you want to know, e.g. What did Etsy say about post-mortems?')
        .setDescriptionLocalizations({ fr: 'Ce que vous voulez savoir, p. ex. Que dit Etsy des post-mortems ?' })
        .setRequired(true),
    )
    .addBooleanOption((option) =>
      option
        .setName('private')
        .setDescription('Only you see the answer')
        .setDescriptionLocalizations({ fr: 'Vous seul voyez la réponse' }),
    );
  const digest = everywhere(new SlashCommandBuilder())
    .setName(DIGEST)
    .setDescription('Every talk of a conference with a few verbatim highlights')
    .setDescriptionLocalizations({ fr: "Chaque talk d'une conférence avec quelques extraits" })
    .addStringOption((option) =>
      option
        .setName('conference')
        .setDescription('Conference name, or part of it')
        .setDescriptionLocalizations({ fr: 'Nom de la conférence, ou une partie' })
        .setRequired(true)
        .setAutocomplete(true),
    );
  return [ask.toJSON(), digest.toJSON()];
}

// The commands as Discord registers them: /ask, /digest and the "Ask the notes" message command. Usable in
// servers, in DMs with the bot and in group DMs, whether the bot was added to a server or installed by a user.
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';

export const ASK = 'ask';
export const DIGEST = 'digest';
export const ASK_THE_NOTES = 'Ask the notes';

const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];
const INSTALLS = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];

const everywhere = (builder: SlashCommandBuilder): SlashCommandBuilder => builder.setContexts(CONTEXTS).setIntegrationTypes(INSTALLS);

export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
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
  // Right-click a message → Apps → Ask the notes: the message's text is the question.
  const askTheNotes = new ContextMenuCommandBuilder()
    .setName(ASK_THE_NOTES)
    .setNameLocalizations({ fr: 'Demander aux notes' })
    .setType(ApplicationCommandType.Message)
    .setContexts(CONTEXTS)
    .setIntegrationTypes(INSTALLS);
  return [ask.toJSON(), digest.toJSON(), askTheNotes.toJSON()];
}

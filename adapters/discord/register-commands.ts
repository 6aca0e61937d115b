// Publishes /ask and /digest. Global commands reach every server (Discord may take a while to show them);
// guild commands appear at once, which suits trying the bot on one server.
import { REST, Routes } from 'discord.js';
import type { Config } from '../../src/config.js';
import { commandDefinitions } from './commands.js';
import { requireApplicationId, requireToken } from './discord-credentials.js';

export interface RegisteredCommand {
  id: string;
  name: string;
}

export async function registerCommands(config: Config, options: { guildId?: string } = {}): Promise<RegisteredCommand[]> {
  const applicationId = requireApplicationId(config);
  const rest = new REST({ api: config.discord.apiUrl }).setToken(requireToken(config));
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  // PUT replaces the whole set, so a command removed from the code disappears from Discord too.
  const registered = (await rest.put(route, { body: commandDefinitions() })) as RegisteredCommand[];
  return registered.map(({ id, name }) => ({ id, name }));
}

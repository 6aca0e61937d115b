// Connects one bot process to the Discord gateway and answers slash commands through the service.
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { Config } from '../../src/config.js';
import { log, type Logger } from '../../src/log.js';
import { afterAcks } from '../../src/pool/after-acks.js';
import type { ConfnotesService } from '../../src/service.js';
import { requireToken } from './discord-credentials.js';
import { openFeedbackLog } from '../../src/gaps/feedback-log.js';
import { handleInteraction } from './handle-interaction.js';

export interface DiscordOptions {
  /** Which shards this process runs. Under the ShardingManager discord.js reads them from its environment instead. */
  shard?: { ids: number[]; count: number };
  logger?: Logger;
}

export interface DiscordBot {
  /** Lets the interactions under way finish their replies, then leaves the gateway. Does not close the service. */
  stop(): Promise<void>;
}

export async function startDiscord(service: ConfnotesService, config: Config, options: DiscordOptions = {}): Promise<DiscordBot> {
  const token = requireToken(config);
  const logger = (options.logger ?? log).child({ adapter: 'discord' });
  const client = new Client({
    // Slash commands need no privileged intent; Guilds keeps the server list current.
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.discord.apiUrl },
    // Also set on every message; this default covers anything discord.js sends on its own.
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.shard && { shards: options.shard.ids, shardCount: options.shard.count }),
  });

  const gaps = await openFeedbackLog(config);
  const deps = { service, logger, notesUrl: config.notesUrl, gaps, answering: afterAcks() };
  const underWay = new Set<Promise<void>>();
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handling = handleInteraction(interaction, deps).finally(() => underWay.delete(handling));
    underWay.add(handling);
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'discord shard connection error'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    await gaps.close();
    throw error;
  }
  logger.info({ user: client.user?.tag, shards: client.ws.shards.map((shard) => shard.id) }, 'discord bot ready');

  return {
    async stop() {
      await Promise.allSettled([...underWay]);
      await client.destroy();
      await gaps.close();
    },
  };
}

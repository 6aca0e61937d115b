// Where digests go, from the settings or from `--post slack:#channel` / `--post discord:<channel id>`.
import { webApi } from '@slack/bolt';
import { REST } from 'discord.js';
import { createDiscordDigestPoster } from '../../adapters/discord/digest-poster.js';
import { createSlackDigestPoster } from '../../adapters/slack/digest-poster.js';
import type { Config } from '../config.js';
import type { DigestPoster } from '../digests/poster.js';
import { ConfnotesError } from '../errors.js';

function slackPoster(config: Config, channel: string, setting: string): DigestPoster {
  const { botToken, apiUrl } = config.slack;
  if (!botToken) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', `${setting} needs SLACK_BOT_TOKEN, which is not set`);
  const slackApiUrl = apiUrl && (apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  return createSlackDigestPoster(new webApi.WebClient(botToken, slackApiUrl ? { slackApiUrl } : {}), channel, config.notesUrl);
}

function discordPoster(config: Config, channel: string, setting: string): DigestPoster {
  const { token, apiUrl } = config.discord;
  if (!token) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', `${setting} needs DISCORD_TOKEN, which is not set`);
  return createDiscordDigestPoster(new REST({ api: apiUrl }).setToken(token), channel, config.notesUrl);
}

/** A poster per platform whose digest channel is set; a channel without its platform's token is a usage error. */
export function digestPostersFrom(config: Config): DigestPoster[] {
  const { slack, discord } = config;
  return [
    ...(slack.digestChannel ? [slackPoster(config, slack.digestChannel, 'CONFNOTES_DIGEST_SLACK_CHANNEL')] : []),
    ...(discord.digestChannel ? [discordPoster(config, discord.digestChannel, 'CONFNOTES_DIGEST_DISCORD_CHANNEL')] : []),
  ];
}

/** `slack:#conferences`, `slack:C0123`, `discord:112233445566778899`. */
export function digestPosterFor(target: string, config: Config): DigestPoster {
  const match = /^(slack|discord):(.+)$/.exec(target.trim());
  if (!match) throw new ConfnotesError('UNKNOWN_PLATFORM', `--post ${target} is not slack:<channel> or discord:<channel id>`);
  const [, platform, channel] = match as unknown as [string, 'slack' | 'discord', string];
  return platform === 'slack' ? slackPoster(config, channel.replace(/^#/, ''), '--post') : discordPoster(config, channel, '--post');
}

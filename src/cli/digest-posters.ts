// Where digests (and reports) go, from the settings or from `--post slack:#channel` / `--post discord:<channel id>`.
import { webApi } from '@slack/bolt';
import { REST } from 'discord.js';
import { createDiscordDigestPoster } from '../../adapters/discord/digest-poster.js';
import { createDiscordReportPoster } from '../../adapters/discord/report-poster.js';
import { createSlackDigestPoster } from '../../adapters/slack/digest-poster.js';
import { createSlackReportPoster } from '../../adapters/slack/report-poster.js';
import type { Config } from '../config.js';
import type { DigestPoster } from '../digests/poster.js';
import { ConfnotesError } from '../errors.js';
import type { ReportPoster } from '../gaps/report-poster.js';

function slackClient(config: Config, setting: string): webApi.WebClient {
  const { botToken, apiUrl } = config.slack;
  if (!botToken) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', `${setting} needs SLACK_BOT_TOKEN, which is not set`);
  const slackApiUrl = apiUrl && (apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  return new webApi.WebClient(botToken, slackApiUrl ? { slackApiUrl } : {});
}

function discordRest(config: Config, setting: string): REST {
  const { token, apiUrl } = config.discord;
  if (!token) throw new ConfnotesError('PLATFORM_NOT_CONFIGURED', `${setting} needs DISCORD_TOKEN, which is not set`);
  return new REST({ api: apiUrl }).setToken(token);
}

const slackPoster = (config: Config, channel: string, setting: string): DigestPoster =>
  createSlackDigestPoster(slackClient(config, setting), channel, config.notesUrl);

const discordPoster = (config: Config, channel: string, setting: string): DigestPoster =>
  createDiscordDigestPoster(discordRest(config, setting), channel, config.notesUrl);

/** `slack:#conferences` → Slack channel `conferences`; `discord:<id>` → that channel. */
function parseTarget(target: string): { platform: 'slack' | 'discord'; channel: string } {
  const match = /^(slack|discord):(.+)$/.exec(target.trim());
  if (!match) throw new ConfnotesError('UNKNOWN_PLATFORM', `--post ${target} is not slack:<channel> or discord:<channel id>`);
  const platform = match[1] as 'slack' | 'discord';
  return { platform, channel: platform === 'slack' ? match[2]!.replace(/^#/, '') : match[2]! };
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
  const { platform, channel } = parseTarget(target);
  return platform === 'slack' ? slackPoster(config, channel, '--post') : discordPoster(config, channel, '--post');
}

/** The same targets, for a text report (`confnotes gaps --post`). */
export function reportPosterFor(target: string, config: Config): ReportPoster {
  const { platform, channel } = parseTarget(target);
  return platform === 'slack'
    ? createSlackReportPoster(slackClient(config, '--post'), channel)
    : createDiscordReportPoster(discordRest(config, '--post'), channel);
}

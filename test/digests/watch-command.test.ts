import { describe, expect, it } from 'vitest';
import { digestPostersFrom } from '../../src/cli/digest-posters.js';
import { loadConfig } from '../../src/config.js';

describe('digestPostersFrom', () => {
  it('makes a poster per platform with a digest channel', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      CONFNOTES_DIGEST_SLACK_CHANNEL: 'C0CONF',
      DISCORD_TOKEN: 'discord-1',
      CONFNOTES_DIGEST_DISCORD_CHANNEL: '222',
    }, {});
    expect(digestPostersFrom(config).map((p) => p.target)).toEqual(['slack:C0CONF', 'discord:222']);
    expect(digestPostersFrom(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, {}))).toEqual([]);
  });

  it('refuses a digest channel without its platform token', () => {
    expect(() => digestPostersFrom(loadConfig({ CONFNOTES_DIGEST_DISCORD_CHANNEL: '222' }, {}))).toThrow(
      expect.objectContaining({ code: 'PLATFORM_NOT_CONFIGURED' }),
    );
  });
});

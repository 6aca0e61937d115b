// Posts the watcher's digests to a Discord channel through the REST API (no gateway connection
// needed): the same messages /digest replies with, in order.
import { type REST, Routes } from 'discord.js';
import type { DigestPoster } from '../../src/digests/poster.js';
import { formatDigest } from './format-digest.js';
import { restBody } from './message.js';

export function createDiscordDigestPoster(rest: REST, channelId: string, notesUrl?: string): DigestPoster {
  return {
    target: `discord:${channelId}`,
    async post(digest) {
      for (const message of formatDigest(digest, notesUrl)) {
        await rest.post(Routes.channelMessages(channelId), { body: restBody(message) });
      }
    },
  };
}

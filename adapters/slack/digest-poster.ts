// Posts the watcher's digests to the team's Slack channel the way /confnotes digest replies: the
// conference at a glance as the message, the talks in its thread.
import type { webApi } from '@slack/bolt';
import type { DigestPoster } from '../../src/digests/poster.js';
import { formatDigest } from './format-digest.js';

/** `channel` is a channel id (C…) or a public channel name; the bot must be a member of it. `notesUrl` links citations. */
export function createSlackDigestPoster(client: webApi.WebClient, channel: string, notesUrl?: string): DigestPoster {
  return {
    target: `slack:${channel}`,
    async post(digest) {
      const { parent, thread } = formatDigest(digest, notesUrl);
      // Link previews of every cited talk page would bury the quotes.
      const posted = await client.chat.postMessage({ channel, ...parent, unfurl_links: false, unfurl_media: false });
      // Replies go to the id Slack answers with: a channel given by name has no thread of its own.
      const where = { channel: posted.channel ?? channel, thread_ts: posted.ts! };
      for (const reply of thread) await client.chat.postMessage({ ...where, ...reply, unfurl_links: false, unfurl_media: false });
    },
  };
}

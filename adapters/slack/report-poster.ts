// Posts a plain-text report (e.g. `confnotes gaps --post slack:#channel`) as one message, escaped so
// that questions people typed cannot ping the channel.
import type { webApi } from '@slack/bolt';
import type { ReportPoster } from '../../src/gaps/report-poster.js';
import { LIMITS } from './blocks.js';
import { escapeMrkdwn, truncate } from './escape.js';

export function createSlackReportPoster(client: webApi.WebClient, channel: string): ReportPoster {
  return {
    target: `slack:${channel}`,
    async post(text) {
      await client.chat.postMessage({ channel, text: truncate(escapeMrkdwn(text), LIMITS.messageText), unfurl_links: false, unfurl_media: false });
    },
  };
}

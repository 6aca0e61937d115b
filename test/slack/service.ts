// The real service over a temporary copy of data/notes, plus one note whose text tries to ping
// everyone, and the Config the Slack adapter is started with. Shared by the Slack end-to-end tests.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openService } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { ConfnotesService } from '../../src/service.js';
import type { Digest } from '../../src/types.js';
import { testModelsDir } from '../helpers/model.js';

export const SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';

// A note written to try every way of pinging a channel; the answer must quote it harmlessly.
const PING_NOTE = `---
title: Pingcon 2024
---

## Broadcast etiquette

Zanzibar megaphones announce <!channel> and <@U123> loudly during every zanzibar session, @here too.
`;

export interface TestService {
  service: ConfnotesService;
  dir: string;
  config(slack?: Partial<Config['slack']>): Config;
  close(): Promise<void>;
}

export async function openTestService(): Promise<TestService> {
  const dir = await mkdtemp(join(tmpdir(), 'confnotes-slack-'));
  const notesDir = join(dir, 'notes');
  await cp(resolve('data/notes'), notesDir, { recursive: true });
  await writeFile(join(notesDir, 'pings.md'), PING_NOTE);
  const base = loadConfig(
    {
      CONFNOTES_NOTES_DIR: notesDir,
      CONFNOTES_INDEX_DIR: join(dir, 'index'),
      CONFNOTES_STATE_DIR: join(dir, 'state'),
      CONFNOTES_MODELS_DIR: testModelsDir(),
    },
    {},
  );
  const service = await openService(base);
  return {
    service,
    dir,
    config: (slack = {}) => ({
      ...base,
      slack: { ...base.slack, botToken: BOT_TOKEN, signingSecret: SECRET, port: 0, rateLimitPerMinute: 0, ...slack },
    }),
    async close() {
      await service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}


/** Test double: the real service, except that `digest` returns `digest` for `name` (digests are built elsewhere). */
export function withDigest(name: string, digest: Digest, service: ConfnotesService): ConfnotesService {
  return {
    ...service,
    digest: async (conference) => (conference === name ? digest : service.digest(conference)),
  };
}

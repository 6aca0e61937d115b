// The real service over a temporary copy of data/notes plus one note that tries to ping everyone,
// and test doubles that wrap it minimally for the failure cases.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openService } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { ConfnotesService } from '../../src/service.js';
import { discordConfig } from './bot-harness.js';
import type { FakeDiscord } from './fake-discord.js';

const PING_NOTE = `---
title: Pingcon 2024
---

## Broadcast etiquette

Zanzibar megaphones announce @everyone and <@123> loudly during every zanzibar session, <@&456> and @here too.
`;

export interface RealService {
  service: ConfnotesService;
  config: Config;
  close(): Promise<void>;
}

export async function openRealService(fake: FakeDiscord): Promise<RealService> {
  const dir = await mkdtemp(join(tmpdir(), 'confnotes-discord-'));
  const notesDir = join(dir, 'notes');
  await cp(resolve('data/notes'), notesDir, { recursive: true });
  await writeFile(join(notesDir, 'pings.md'), PING_NOTE);
  const config = discordConfig(fake, {
    CONFNOTES_NOTES_DIR: notesDir,
    CONFNOTES_INDEX_DIR: join(dir, 'index'),
    CONFNOTES_STATE_DIR: join(dir, 'state'),
    CONFNOTES_MODELS_DIR: resolve('data/models'),
  });
  const service = await openService(config);
  return {
    service,
    config,
    async close() {
      try {
        await service.close();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

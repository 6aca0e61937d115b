// The ShardingManager runs two shard processes (the compiled shard-entry.js), each opening the real service
// and connecting its own shard to the fake gateway with the manager's settings.
// In its own file: ShardingManager marks the whole test process as a sharding manager in process.env.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShards, type RunningShards } from '../../adapters/discord/shard-manager.js';
import { isEdit } from './bot-harness.js';
import { interactionPayload, startFakeDiscord, type FakeDiscord } from './fake-discord.js';
import { openRealService, type RealService } from './real-service.js';

const SCRIPT = resolve('dist/adapters/discord/shard-entry.js');

/** `npm test` compiles first; a direct `vitest run` after editing the adapter must not test stale JS. */
function ensureCompiled(): void {
  const sources = resolve('adapters/discord');
  const newest = Math.max(...readdirSync(sources).map((file) => statSync(resolve(sources, file)).mtimeMs));
  if (existsSync(SCRIPT) && statSync(SCRIPT).mtimeMs >= newest) return;
  execFileSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit' });
}

let fake: FakeDiscord;
let real: RealService;
let shards: RunningShards | undefined;

beforeAll(async () => {
  ensureCompiled();
  fake = await startFakeDiscord();
  // Opened here first so that the shards find the index up to date, as after `confnotes index`.
  real = await openRealService(fake);
});

afterAll(async () => {
  await shards?.stop();
  await real?.close();
  await fake?.close();
});

describe('startShards', () => {
  it('starts one process per shard against the configured gateway, each answering its interactions', async () => {
    shards = await startShards(real.config, { shards: 2, script: SCRIPT, spawnDelayMs: 0 });
    const sessions = await fake.waitForSessions(2);
    expect(sessions.map((s) => s.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.requests.filter((r) => r.path === '/api/v10/gateway/bot').length).toBeGreaterThanOrEqual(2);

    const second = sessions.find((s) => s.shard[0] === 1)!;
    const interaction = interactionPayload(2, 'ask', [{ name: 'question', type: 3, value: 'What did Etsy say about post-mortems?' }]);
    fake.dispatch(interaction, second);
    const edit = await fake.waitForRequest(isEdit(interaction.token), 30_000);
    expect(JSON.stringify(edit.body.components)).toContain('post-mortem');

    const pids = [...shards.manager.shards.values()].map((shard) => shard.process!.pid!);
    expect(new Set(pids).size).toBe(2);
    await shards.stop();
    shards = undefined;
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});

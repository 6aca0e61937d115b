// The answer pool over PostgreSQL: its workers hold connections of their own, and must neither die nor keep
// failing when the database restarts under a running bot.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeBase } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ConfnotesError } from '../../src/errors.js';
import type { KnowledgeBase } from '../../src/knowledge-base.js';
import { startAnswerPool } from '../../src/pool/answer-pool.js';
import type { ConfnotesService } from '../../src/service.js';
import { testModelsDir } from '../helpers/model.js';
import { canStartServer, startOwnServer, type OwnServer } from '../store/own-server.js';
import { needsServer } from '../store/test-database.js';

// Worker threads run the compiled worker: `npm test` compiles first.
const WORKER = resolve('dist/src/pool/answer-worker.js');
const ETSY = 'What did Etsy say about post-mortems?';

describe.skipIf(!canStartServer)(needsServer('answer pool over a PostgreSQL server that restarts'), () => {
  let server: OwnServer;
  let root: string;
  let kb: KnowledgeBase;
  let pool: ConfnotesService;
  beforeAll(async () => {
    server = await startOwnServer();
    root = await mkdtemp(join(tmpdir(), 'confnotes-pool-pg-'));
    const config = loadConfig(
      {
        CONFNOTES_NOTES_DIR: resolve('data/notes'),
        CONFNOTES_DATABASE_URL: server.url,
        CONFNOTES_STATE_DIR: join(root, 'state'),
        CONFNOTES_MODELS_DIR: testModelsDir(),
      },
      {},
    );
    kb = await openKnowledgeBase(config);
    pool = await startAnswerPool(kb, { threads: 2, script: WORKER });
  });
  afterAll(async () => {
    await pool?.close();
    await server?.remove();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('reports the database as unavailable while it is down, then answers at once when it is back', async () => {
    const before = await pool.ask(ETSY);
    expect(before.abstained).toBe(false);
    await server.halt();
    // Both workers meet the outage: each question fails with the error that tells the user what to check.
    for (let i = 0; i < 3; i++) {
      const error = await pool.ask(ETSY).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfnotesError);
      expect((error as ConfnotesError).code).toBe('DATABASE_UNAVAILABLE');
    }
    await server.resume();
    // Every question after the restart is answered, by whichever worker takes it.
    const after = await Promise.all([pool.ask(ETSY), pool.ask(ETSY), pool.ask(ETSY)]);
    for (const answer of after) expect(answer).toEqual(before);
  });
});

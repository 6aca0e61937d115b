// Scale on PostgreSQL: the speed table's second column, beside the embedded figures of the Scale
// section. The same synthetic passages (real sentences recombined, embedded by the real model) are
// written through the real PostgreSQL store to a fresh database on the server that
// CONFNOTES_BENCH_DATABASE_URL (or the tests' CONFNOTES_TEST_DATABASE_URL) names, then questions are
// answered over it as a bot machine does. Without either URL the section says it was skipped.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openKnowledgeBase } from '../src/app.js';
import { openPostgresStore } from '../src/index/postgres-store.js';
import { atLeast, atMost, figure } from './report.js';
import { askLatencies, largeCorpus, REINDEX_RUNS, reindexOneFile, timed, vectorQueryTexts, vectorRecall } from './scale.js';
import { latencies } from './stats.js';
import { benchConfig, type Section, type SectionOutput, type Workspace } from './workspace.js';

const serverUrl = (): string | undefined => process.env.CONFNOTES_BENCH_DATABASE_URL || process.env.CONFNOTES_TEST_DATABASE_URL || undefined;

/** Runs against the server's maintenance connection (CREATE and DROP DATABASE cannot run inside one). */
async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A database of the bench's own on the server, dropped at the end: the user's tables are never touched. */
async function freshDatabase(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `confnotes_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function run(ws: Workspace, { figures, notes }: SectionOutput): Promise<void> {
  const server = serverUrl();
  if (!server) {
    notes.push('skipped: set CONFNOTES_BENCH_DATABASE_URL (a PostgreSQL server with pgvector) to measure it');
    return;
  }
  const label = ws.sizes.scaleLarge.toLocaleString('en-US');
  const database = await freshDatabase(server);
  // A bot machine: the database and no notes folder.
  const kb = await openKnowledgeBase(
    benchConfig({ CONFNOTES_DATABASE_URL: database.url, CONFNOTES_NOTES_DIR: join(ws.scratch, 'postgres', 'no-notes') }, ws.modelsDir),
    { sync: false },
  );
  try {
    const { files, pool } = await largeCorpus(ws, kb);
    const { hostname, port } = new URL(server);
    notes.push(`the Scale section's ${label} synthetic passages in a fresh database on ${hostname}:${port || 5432}; bot-machine reads (no notes folder)`);
    const embedder = { id: `bench:${kb.embedder.id}`, dimensions: kb.embedder.dimensions };

    const writer = await openPostgresStore(database.url);
    try {
      const { ms: buildMs } = await timed(() => writer.apply({ embedder, upsert: files, remove: [] }));
      figures.push(figure('pgBuildS', `${label} passages: build from scratch (store.apply, HNSW index included)`, buildMs / 1000, 's', atMost(120)));
      // What a question reads first, timed on a store just opened: the index is then ready to answer.
      const { ms: openMs, value: reader } = await timed(async () => {
        const store = await openPostgresStore(database.url);
        await Promise.all([store.manifest(), store.talks()]);
        return store;
      });
      figures.push(figure('pgOpenS', `${label} passages: open the index, ready to answer (connect, manifest, talks)`, openMs / 1000, 's', atMost(1)));
      try {
        const { approximateMs, recall } = await vectorRecall(reader, kb, files, vectorQueryTexts(ws, pool));
        const vector = latencies(approximateMs);
        figures.push(
          figure('pgVectorP50Ms', `${label} passages: vector query p50 (pgvector HNSW, k=10)`, vector.p50, 'ms'),
          figure('pgVectorP95Ms', `${label} passages: vector query p95`, vector.p95, 'ms'),
          figure('pgRecallAt10', `${label} passages: recall@10 vs exact`, recall, '', atLeast(0.95)),
        );
      } finally {
        await reader.close();
      }

      const asks = latencies(await askLatencies(kb, ws.questions));
      figures.push(
        figure('pgAskP50Ms', `ask p50 at ${label} passages`, asks.p50, 'ms', atMost(60)),
        figure('pgAskP95Ms', `ask p95 at ${label} passages`, asks.p95, 'ms', atMost(150)),
      );

      const reindex = latencies(await reindexOneFile(writer, kb, files, pool, REINDEX_RUNS));
      figures.push(
        figure('pgReindexOneFileMs', `${label} passages: re-index one edited file (embed + store.apply), median of ${REINDEX_RUNS}`, reindex.p50, 'ms', atMost(1000)),
      );
    } finally {
      await writer.close();
    }
  } finally {
    await kb.close();
    await database.drop();
  }
}

export const postgres: Section = { id: 'postgres', title: 'Scale on PostgreSQL', run };

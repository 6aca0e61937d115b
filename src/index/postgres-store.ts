// The PostgreSQL + pgvector store, for teams that already run a database. One transaction per change,
// so readers (each query is one statement, one MVCC snapshot) never see half a file.
//
// Not LangChain's PGVectorStore: it stores documents one by one, has no per-file atomic replace and no
// manifest, which is the whole contract of `Store`. Vectors are written with pgvector's `toSql` and
// never read back, so pgvector's type parsers (`registerTypes`) are not needed.
//
// Lexical search ranks with the embedded store's BM25 over the shared analyzer's terms, computed in SQL
// over stored term statistics, not with ts_rank (see postgres-lexical.ts): retrieval and answer term weights must behave the same on both stores.
import pg from 'pg';
import pgvector from 'pgvector/pg';
import { ConfnotesError } from '../errors.js';
import { log } from '../log.js';
import type { MarkdownStructure, Passage, Talk, TalkFields } from '../types.js';
import { checkChange, checkEmbedder } from './change.js';
import { analysePassage } from './bm25.js';
import { batchedPerTick } from './postgres-batch.js';
import { countTermHolders, deletePostings, documentFrequencies, insertLexical, type LexicalRow, type LexicalSearch, searchLexical, sumLengths, termsBeginning } from './postgres-lexical.js';
import { createSearchIndexes, migrate, setDimensions } from './postgres-schema.js';
import { type IndexedFile, type Manifest, type Store, type StoreChange, type StoreHit, TIE_MARGIN } from './store.js';
import { ANN_EF, ANN_MIN_PASSAGES } from './vector-index.js';

export interface PostgresStoreOptions {
  /** Connection attempts before DATABASE_UNAVAILABLE; transient failures only are retried. */
  connectAttempts?: number;
  /** First retry delay, doubled at each attempt. */
  retryDelayMs?: number;
  poolSize?: number;
  /**
   * Candidates pgvector's HNSW scan keeps (hnsw.ef_search): more is better recall, slower queries. An HNSW
   * scan returns at most ef_search rows, so each search uses at least what it fetches (pgvector caps it at 1,000).
   * The embedded store's ANN_EF (400) by default: at 100k passages, 200 gave a recall@10 of 0.946–0.959
   * over eight bench runs; 250 gave 0.96 until the model gave French inflected forms their vectors, then
   * 0.945–0.950 in two runs, where 400 gives 0.964 with the same ask p50 and p95 (31.5 and 59–61 ms).
   */
  efSearch?: number;
  /** Below this many passages (the planner's estimate) vector search is exact; tests lower it to walk the HNSW index. */
  annMinPassages?: number;
}

const INSERT_BATCH = 500;
const transientCodes = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE',
  '57P01', // admin_shutdown: the server is stopping (pg_ctl stop, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting
  '53300', // too_many_connections
  '08000', '08001', '08003', '08004', '08006',
]);

export function isTransient(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return (code !== undefined && transientCodes.has(code)) || /timeout|terminat|ECONNREFUSED/i.test(message ?? '');
}

/** Where the database is, without the password that a connection URL may carry. */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The columns that passages and talks share (see TalkFields). Object literals and Object.assign, not
 * spreads: spreading objects of two shapes (with and without a date) went to V8's slow path, and mapping
 * the 20k talks of 100k passages took 5-8 times longer.
 */
function talkFieldsOf(row: Record<string, unknown>): TalkFields {
  const { conference, date, talk, speakers, companies, language, file } = row as Omit<TalkFields, 'date'> & { date: string | null };
  return date === null
    ? { conference, talk, speakers, companies, language, file }
    : { conference, date, talk, speakers, companies, language, file };
}

function toPassage(row: Record<string, unknown>): Passage {
  const passage: Passage = Object.assign(talkFieldsOf(row), {
    id: row.id as string,
    talkId: row.talk_id as string,
    lines: [row.line_start as number, row.line_end as number] as [number, number],
    text: row.text as string,
  });
  // Null in rows written before passages carried it (see addPassageStructure).
  return row.structure === null ? passage : Object.assign(passage, { structure: row.structure as MarkdownStructure });
}

function toTalk(row: Record<string, unknown>): Talk {
  return Object.assign(talkFieldsOf(row), {
    id: row.id as string,
    lines: [row.line_start as number, row.line_end as number] as [number, number],
    empty: row.empty as boolean,
  });
}

interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The statements that write these files: one per table for all of them, so that a group of files of
 * about INSERT_BATCH passages is a few statements. Building them (analysing every passage's terms,
 * serialising the rows) is the process's share of the work; see insertFiles.
 */
function insertStatements(files: ReadonlyArray<IndexedFile>): { statements: Statement[]; lexical: LexicalRow[] } {
  const terms = files.map((file) => file.passages.map(analysePassage));
  const filesRow = files.map((file, i) => ({
    file: file.file, hash: file.hash, encoding: file.encoding, conference: file.conference,
    talks: file.talks.length, passages: file.passages.length, field_length_sums: sumLengths(terms[i]!),
  }));
  const talks = files.flatMap((file) => file.talks.map((t, position) => ({ ...t, position, line_start: t.lines[0], line_end: t.lines[1] })));
  const passages = files.flatMap((file) =>
    file.passages.map((p, position) => ({
      ...p,
      position,
      talk_id: p.talkId,
      line_start: p.lines[0],
      line_end: p.lines[1],
      embedding: pgvector.toSql(Array.from(file.vectors[position]!)),
    })),
  );
  const statements: Statement[] = [
    {
      text: `INSERT INTO confnotes_files (file, hash, encoding, conference, talks, passages, field_length_sums)
             SELECT * FROM jsonb_to_recordset($1::jsonb)
               AS r(file text, hash text, encoding text, conference text, talks int, passages int, field_length_sums int[])`,
      values: [JSON.stringify(filesRow)],
    },
  ];
  if (talks.length > 0) {
    statements.push({
      text: `INSERT INTO confnotes_talks (id, file, position, conference, date, talk, speakers, companies, language, line_start, line_end, empty)
             SELECT r.id, r.file, r.position, r.conference, r.date, r.talk,
                    ARRAY(SELECT jsonb_array_elements_text(r.speakers)), ARRAY(SELECT jsonb_array_elements_text(r.companies)),
                    r.language, r.line_start, r.line_end, r.empty
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, file text, position int, conference text, date text, talk text,
                  speakers jsonb, companies jsonb, language text, line_start int, line_end int, empty boolean)`,
      values: [JSON.stringify(talks)],
    });
  }
  if (passages.length > 0) {
    statements.push(
      {
        text: `INSERT INTO confnotes_passages (id, file, position, talk_id, conference, date, talk, speakers, companies, language,
                                               line_start, line_end, text, embedding, structure)
               SELECT r.id, r.file, r.position, r.talk_id, r.conference, r.date, r.talk,
                      ARRAY(SELECT jsonb_array_elements_text(r.speakers)), ARRAY(SELECT jsonb_array_elements_text(r.companies)),
                      r.language, r.line_start, r.line_end, r.text, r.embedding::vector, r.structure
               FROM jsonb_to_recordset($1::jsonb) AS r(id text, file text, position int, talk_id text, conference text, date text,
                    talk text, speakers jsonb, companies jsonb, language text, line_start int, line_end int, text text,
                    embedding text, structure jsonb)`,
        values: [JSON.stringify(passages)],
      },
    );
  }
  const lexical = files.flatMap((file, i) => file.passages.map((p, position) => ({ id: p.id, file: file.file, position, terms: terms[i]![position]! })));
  return { statements, lexical };
}

/** Files in groups of about INSERT_BATCH passages (a bigger file is a group of its own). */
function groupsOf(files: ReadonlyArray<IndexedFile>): IndexedFile[][] {
  const groups: IndexedFile[][] = [];
  let passages = Infinity;
  for (const file of files) {
    if (passages + file.passages.length > INSERT_BATCH) {
      groups.push([]);
      passages = 0;
    }
    groups.at(-1)!.push(file);
    passages += file.passages.length;
  }
  return groups;
}

/**
 * Writes the files, a group at a time, each group's statements built while the server writes the previous
 * group's postings, its longest statement: at 100k passages, analysing terms and serialising rows took
 * about a fifth of the writes, and the server had waited for them.
 */
async function insertFiles(client: pg.PoolClient, files: ReadonlyArray<IndexedFile>): Promise<void> {
  let written: Promise<unknown> = Promise.resolve();
  for (const group of groupsOf(files)) {
    const { statements, lexical } = insertStatements(group);
    await written;
    for (const { text, values } of statements) await client.query(text, values);
    ({ written } = await insertLexical(client, lexical));
  }
  await written;
}

/** Applies the change; true when it replaced the whole content. */
async function applyInTransaction(client: pg.PoolClient, change: StoreChange): Promise<boolean> {
  // Serialises indexers across processes; readers are not blocked (they read the last committed state).
  await client.query("SELECT pg_advisory_xact_lock(hashtext('confnotes_apply'))");
  const { rows } = await client.query('SELECT embedder_id, dimensions FROM confnotes_manifest FOR UPDATE');
  const indexed = rows[0] ? { id: rows[0].embedder_id as string, dimensions: rows[0].dimensions as number } : null;
  checkEmbedder(indexed, change);
  const fresh = indexed === null || change.rebuild === true;
  if (fresh) {
    await deletePostings(client, 'all');
    await client.query('DELETE FROM confnotes_files');
    await setDimensions(client, change.embedder.dimensions);
  } else {
    const replaced = [...change.remove, ...change.upsert.map((f) => f.file)];
    await deletePostings(client, replaced);
    await client.query('DELETE FROM confnotes_files WHERE file = ANY($1::text[])', [replaced]);
  }
  await insertFiles(client, change.upsert);
  if (fresh) await createSearchIndexes(client);
  if (change.upsert.length > 0) await countTermHolders(client, fresh ? 'all' : change.upsert.map((f) => f.file));
  // updated_at is what readers compare to see a change (see manifest()): each change moves it on by at
  // least the millisecond that Manifest.updatedAt keeps, even when two land within one.
  await client.query(
    `INSERT INTO confnotes_manifest (embedder_id, dimensions, created_at, updated_at) VALUES ($1, $2, now(), now())
     ON CONFLICT (singleton) DO UPDATE SET embedder_id = $1, dimensions = $2,
       updated_at = greatest(now(), date_trunc('milliseconds', confnotes_manifest.updated_at) + interval '1 millisecond'),
       created_at = CASE WHEN $3 THEN now() ELSE confnotes_manifest.created_at END`,
    [change.embedder.id, change.embedder.dimensions, fresh],
  );
  return fresh;
}

// Not the embedding nor the lexical columns: nothing reads them back.
const PASSAGE_COLUMNS =
  'id, talk_id, conference, date, talk, speakers, companies, language, file, line_start, line_end, text, structure';

const MANIFEST_QUERY = `
  SELECT m.embedder_id, m.dimensions, m.created_at, m.updated_at,
         (SELECT coalesce(json_agg(f ORDER BY f.file), '[]'::json)
          FROM (SELECT file, hash, encoding, conference, talks, passages FROM confnotes_files) f) AS files
  FROM confnotes_manifest m`;

function toManifest(row: Record<string, unknown>): Manifest {
  const files = row.files as Array<{ file: string; hash: string; encoding: string; conference: string; talks: number; passages: number }>;
  return {
    embedder: { id: row.embedder_id as string, dimensions: row.dimensions as number },
    files: Object.fromEntries(files.map(({ file, ...entry }) => [file, entry])),
    counts: {
      files: files.length,
      talks: files.reduce((n, f) => n + f.talks, 0),
      passages: files.reduce((n, f) => n + f.passages, 0),
    },
    createdAt: (row.created_at as Date).toISOString(),
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { connectAttempts = 4, retryDelayMs = 250, poolSize = 4, efSearch = ANN_EF, annMinPassages = ANN_MIN_PASSAGES } = options;
  const target = describeTarget(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the next query reconnects or reports.
  pool.on('error', (error) => log.warn({ err: error.message }, `idle connection to ${target} lost`));
  // PostgreSQL compiles a query whose estimated cost passes jit_above_cost, as lexical search's does at
  // 100k passages: compiling took ~90 ms of a search that runs in 50 without it (EXPLAIN ANALYZE, 2 cores).
  // Nor does it start parallel workers for a question's statements: starting two took longer than the
  // counts they shared (document frequencies at 100k passages: 233 ms with two workers, a few tens of ms
  // without, on 2 busy cores), and a bot's concurrent questions already use the cores.
  // Set per session, first in each new connection's queue, so that no statement runs before it.
  pool.on('connect', (client) => void client.query('SET jit = off; SET max_parallel_workers_per_gather = 0').catch(() => undefined));

  const unavailable = (error: unknown) =>
    new ConfnotesError('DATABASE_UNAVAILABLE', `cannot use ${target}: ${(error as Error).message || String(error)}`, { cause: error });

  async function connect(): Promise<pg.PoolClient> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await pool.connect();
      } catch (error) {
        if (!isTransient(error) || attempt >= connectAttempts) throw unavailable(error);
        log.info({ attempt, err: (error as Error).message }, `retrying ${target}`);
        await sleep(retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await connect();
    // pg emits a lost connection as an 'error' event on the client; the pool listens only while the client is
    // idle, so one lost while checked out (between two statements of a transaction) was an uncaught exception
    // that ended the thread or the process. Here it only marks the client broken: the statement fails.
    let lost: Error | undefined;
    const onLost = (error: Error) => (lost = error);
    client.on('error', onLost);
    const release = (error?: Error) => {
      client.removeListener('error', onLost);
      client.release(error);
    };
    try {
      const result = await work(client);
      release(lost);
      return result;
    } catch (error) {
      // A broken connection is destroyed rather than returned to the pool.
      const broken = lost !== undefined || isTransient(error);
      release(broken ? (lost ?? (error as Error)) : undefined);
      throw broken ? unavailable(error) : error;
    }
  }

  const query = (text: string, values?: unknown[]) => withClient((client) => client.query(text, values));

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    return withClient(async (client) => {
      await client.query(begin);
      try {
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  try {
    await withClient(migrate);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const lexicalSearch = batchedPerTick((searches: LexicalSearch[]) =>
    searchLexical(
      (work) => transaction((client) => work((text, values) => client.query(text, values)), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
      searches,
    ),
  );
  const documentFrequency = batchedPerTick((termSets: Array<ReadonlyArray<string>>) => documentFrequencies(query, termSets));

  // Every question checks the manifest (a bot follows the writer's changes): one row's timestamp is read,
  // the files list only when it moved.
  let lastManifest: Manifest | null = null;

  return {
    async manifest() {
      const { rows: [stamp] } = await query('SELECT updated_at FROM confnotes_manifest');
      if (!stamp) return (lastManifest = null);
      if (lastManifest && Date.parse(lastManifest.updatedAt) === (stamp.updated_at as Date).getTime()) return lastManifest;
      const { rows } = await query(MANIFEST_QUERY);
      lastManifest = rows[0] ? toManifest(rows[0]) : null;
      return lastManifest;
    },
    async apply(change) {
      checkChange(change);
      const fresh = await transaction((client) => applyInTransaction(client, change));
      // Searches read postings from their index alone once the visibility map says their pages are all
      // visible; until a vacuum sets it they visit every posting's row too, and the planner has no
      // statistics of the new rows. Autovacuum would come within a minute or so, and slow the first
      // questions while it runs: the whole content is new, so it is done now, outside the transaction
      // (VACUUM cannot run in one). A role that does not own the tables gets a warning, not an error.
      if (fresh) await query('VACUUM (ANALYZE) confnotes_postings, confnotes_terms, confnotes_lexical, confnotes_passages');
    },
    async vectorSearch(vector, k): Promise<StoreHit[]> {
      const fetched = k + TIE_MARGIN;
      const ef = Math.min(1000, Math.max(Math.trunc(efSearch), fetched));
      const { rows } = await transaction(async (client) => {
        // Below ANN_MIN_PASSAGES the search is exact, as in the embedded store: as fast for a chat bot, and
        // complete while a writer replaces rows (an HNSW walk then misses rows whose neighbours it deleted).
        // The table's size is the planner's own estimate, kept by CREATE INDEX, ANALYZE and autovacuum.
        await client.query(
          `SELECT set_config('hnsw.ef_search', $1, true),
                  set_config('enable_indexscan', CASE WHEN $2 > 0 AND (SELECT reltuples FROM pg_class WHERE oid = 'confnotes_passages'::regclass) < $2 THEN 'off' ELSE 'on' END, true)`,
          [String(ef), annMinPassages],
        );
        // The HNSW index serves only `ORDER BY embedding <=> q LIMIT n`: with a second sort key PostgreSQL
        // scanned and sorted all 100k rows (256 ms a query). The inner query walks the index; the outer one
        // orders its few rows by score then `id COLLATE "C"` (code-point order, as byScoreThenId).
        return client.query(
          `SELECT id, 1 - distance AS score
           FROM (SELECT id, embedding <=> $1::vector AS distance FROM confnotes_passages ORDER BY embedding <=> $1::vector LIMIT $2) nearest
           ORDER BY distance, id COLLATE "C" LIMIT $3`,
          [pgvector.toSql(Array.from(vector)), fetched, k],
        );
      });
      return rows.map((r) => ({ id: r.id as string, score: Number(r.score) }));
    },
    lexicalSearch: (query, limit) => lexicalSearch({ query, limit }),
    documentFrequency: (terms) => documentFrequency(terms),
    termsBeginning: (prefix, limit) => termsBeginning(query, prefix, limit),
    async passages(ids) {
      if (ids.length === 0) return [];
      const { rows } = await query(`SELECT ${PASSAGE_COLUMNS} FROM confnotes_passages WHERE id = ANY($1::text[])`, [ids]);
      const byId = new Map(rows.map((r) => [r.id as string, toPassage(r)]));
      return ids.map((id) => byId.get(id)).filter((p): p is Passage => p !== undefined);
    },
    async passagesOf(files) {
      const { rows } = await query(
        `SELECT ${PASSAGE_COLUMNS} FROM confnotes_passages WHERE file = ANY($1::text[]) ORDER BY file COLLATE "C", position`,
        [[...files]],
      );
      return rows.map(toPassage);
    },
    async talks() {
      // Rows, ordered here: at 20k talks (100k passages) one json_agg value ordered in SQL took twice as long
      // (medians of 9 over the wire, 2 shared cores): the server's sort spilled to disk and each object
      // repeated its keys. Files in code-point order, as everywhere else, whatever the database's collation.
      const { rows } = await query(
        'SELECT id, file, position, conference, date, talk, speakers, companies, language, line_start, line_end, empty FROM confnotes_talks',
      );
      rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.position - b.position));
      return rows.map(toTalk);
    },
    close: () => pool.end(),
  };
}

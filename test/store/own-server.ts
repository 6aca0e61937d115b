// A PostgreSQL server of a test's own, for tests that stop it: the server named by
// CONFNOTES_TEST_DATABASE_URL is shared by the test files running in parallel. Started with the same
// ../shared/scripts/postgres-for-tests.sh, which is present wherever that server is.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { serverUrl } from './test-database.js';

const run = promisify(execFile);
const SCRIPT = resolve('../shared/scripts/postgres-for-tests.sh');
const PG_CTL = '/usr/lib/postgresql/15/bin/pg_ctl';

export const canStartServer = serverUrl !== undefined && existsSync(SCRIPT);

export interface OwnServer {
  url: string;
  /** Stops the server as an operator would (`pg_ctl stop -m fast`): clients are disconnected. */
  halt(): Promise<void>;
  /** Starts it again with the same settings and data. */
  resume(): Promise<void>;
  /** Stops it and removes its data. */
  remove(): Promise<void>;
}

// initdb and the server refuse to run as root: the script runs them as the postgres user, and so must we.
const pgCtl = (args: string[]) =>
  process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', PG_CTL, ...args]) : run(PG_CTL, args);

export async function startOwnServer(): Promise<OwnServer> {
  const { stdout } = await run('bash', [SCRIPT, 'start']);
  const value = (name: string) => new RegExp(`export ${name}=(\\S+)`).exec(stdout)?.[1] ?? '';
  const url = value('CONFNOTES_TEST_DATABASE_URL');
  const data = value('CONFNOTES_TEST_PGDATA');
  return {
    url,
    halt: async () => void (await pgCtl(['-D', `${data}/data`, '-m', 'fast', '-w', 'stop'])),
    // `restart` of a stopped server starts it with the options it last ran with (postmaster.opts).
    resume: async () => void (await pgCtl(['-D', `${data}/data`, '-l', `${data}/server.log`, '-w', 'restart'])),
    remove: async () => void (await run('bash', [SCRIPT, 'stop', data])),
  };
}

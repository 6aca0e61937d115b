// Picks the store from the settings: PostgreSQL when a database URL is set, else the embedded index.
import type { Config } from '../config.js';
import { openHnswStore } from './hnsw-store.js';
import { indexDirFor } from './index-location.js';
import type { Store } from './store.js';

export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./postgres-store.js');
    return openPostgresStore(config.databaseUrl, { poolSize: config.databasePool });
  }
  return openHnswStore(indexDirFor(config.indexDir, config.notesDir));
}

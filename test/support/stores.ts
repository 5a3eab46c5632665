/** Throwaway durable state for tests: a fresh DATA_DIR per gateway or per store, removed when it closes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores, type SqliteStores, type SqliteStoresOptions } from '../../src/store/sqlite/index.js';

/** A new empty directory under the system's temp dir. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'aimusic-data-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** SQLite stores in a temp DATA_DIR of their own; closing them removes it. */
export function tempSqliteStores(options: SqliteStoresOptions = {}): SqliteStores & { dataDir: string } {
  const dataDir = tempDataDir();
  const stores = openSqliteStores(dataDir, options);
  const close = stores.close.bind(stores);
  return Object.assign(stores, {
    dataDir,
    async close() {
      await close();
      removeDataDir(dataDir);
    },
  });
}

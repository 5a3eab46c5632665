/**
 * The embedded engine: every store in one SQLite database in DATA_DIR, for a gateway without Redis. Its state
 * survives restarts (kill -9 included: each write is committed before the request that made it is answered).
 * Expired rows are swept at open and then every `sweepIntervalMs`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { sweepIntervalMs } from '../rules.js';
import type { Stores } from '../types.js';
import { SqliteBudgetStore } from './budgets.js';
import { openDatabase, openFailure, StoreOpenError, writeFailure, type Database } from './database.js';
import { SqliteDurationHistory } from './durations.js';
import { SqliteIdempotencyStore } from './idempotency.js';
import { InstanceLocks } from './instances.js';
import { SqliteOwnershipStore } from './ownership.js';
import { SqliteTaskRegistry } from './registry.js';

export { StoreOpenError } from './database.js';

export interface SqliteStoresOptions {
  /** The clock that decides what has expired (tests move it by hand). */
  now?: () => number;
  logger?: Logger;
}

/**
 * Room the probe asks DATA_DIR for: a paid submit writes a few pages (its intent, its task record, the list index and
 * their WAL frames). Written to a file and removed, never synced, so it costs no disk I/O; a full disk refuses it.
 */
const headroomBytes = 32 * 1024;
const headroom = Buffer.alloc(headroomBytes);

export class SqliteStores implements Stores {
  readonly engine = 'sqlite' as const;
  readonly registry: SqliteTaskRegistry;
  readonly idempotency: SqliteIdempotencyStore;
  readonly budgets: SqliteBudgetStore;
  readonly durations: SqliteDurationHistory;
  readonly ownership: SqliteOwnershipStore;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    private readonly instances: InstanceLocks,
    private readonly options: SqliteStoresOptions = {},
    private readonly directory?: string,
  ) {
    const now = options.now ?? Date.now;
    this.registry = new SqliteTaskRegistry(db, now);
    this.idempotency = new SqliteIdempotencyStore(db, instances, now);
    this.budgets = new SqliteBudgetStore(db, now);
    this.durations = new SqliteDurationHistory(db, now);
    this.ownership = new SqliteOwnershipStore(db, now);
    this.sweep();
    this.timer = setInterval(() => this.sweep(), sweepIntervalMs).unref();
  }

  /** Deletes every expired row (and the lock files of gateway processes that are gone). */
  sweep(): void {
    try {
      this.registry.sweep();
      this.idempotency.sweep();
      this.budgets.sweep();
      this.durations.sweep();
      this.ownership.sweep();
      this.instances.sweep();
    } catch (err) {
      // A busy or failing disk must not stop the gateway; the next sweep tries again.
      this.options.logger?.warn({ err }, 'sweeping expired rows failed');
    }
  }

  async probe(): Promise<void> {
    this.probeSync();
  }

  /** `headroomBytes` of free space in DATA_DIR, and a row rewritten in gateway.db; throws the failing write's error. */
  probeSync(): void {
    if (this.directory !== undefined) {
      // First: on a full disk SQLite may report an I/O error, where the file system says ENOSPC.
      const file = join(this.directory, `.write-probe-${this.instances.id}`);
      try {
        writeFileSync(file, headroom);
      } finally {
        rmSync(file, { force: true });
      }
    }
    this.db.run('INSERT OR REPLACE INTO write_probe (id, at) VALUES (1, ?)', Date.now());
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.db.close();
    this.instances.close();
  }
}

/** Opens DATA_DIR's stores; a StoreOpenError (naming DATA_DIR) when it cannot hold them. */
export function openSqliteStores(dataDir: string, options: SqliteStoresOptions = {}): SqliteStores {
  const report = (message: string) => options.logger?.warn(`DATA_DIR is private to the gateway: ${message}`);
  const db = openDatabase(dataDir, report);
  let instances: InstanceLocks;
  try {
    instances = new InstanceLocks(dataDir, report);
  } catch (err) {
    db.close();
    if (writeFailure(err) !== 'other') throw openFailure(dataDir, err);
    throw new StoreOpenError(
      `DATA_DIR ${JSON.stringify(dataDir)}: its instances/ lock files cannot be written: ${err instanceof Error ? err.message : err}.`,
    );
  }
  const stores = new SqliteStores(db, instances, options, dataDir);
  // A disk with no room left starts nothing: every paid request would be refused, and the message says how to recover.
  try {
    stores.probeSync();
  } catch (err) {
    void stores.close();
    throw openFailure(dataDir, err);
  }
  return stores;
}

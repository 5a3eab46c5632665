/**
 * The embedded engine: every store in one SQLite database in DATA_DIR, for a gateway without Redis. Its state
 * survives restarts (kill -9 included: each write is committed before the request that made it is answered).
 * Expired rows are swept at open and then every `sweepIntervalMs`.
 */
import type { Logger } from 'pino';
import { sweepIntervalMs } from '../rules.js';
import type { Stores } from '../types.js';
import { SqliteBudgetStore } from './budgets.js';
import { openDatabase, StoreOpenError, type Database } from './database.js';
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
    throw new StoreOpenError(
      `DATA_DIR ${JSON.stringify(dataDir)}: its instances/ lock files cannot be written: ${err instanceof Error ? err.message : err}.`,
    );
  }
  return new SqliteStores(db, instances, options);
}

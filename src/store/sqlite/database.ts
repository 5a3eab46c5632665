/**
 * The embedded engine's database: one SQLite file, `gateway.db` in DATA_DIR, opened with Node's built-in
 * `node:sqlite` in WAL mode. Its schema is the list of migrations below, applied in order at open and counted in
 * `PRAGMA user_version`; a migration is never edited once released, only followed by a new one. Any problem at open
 * (a directory that cannot be created or written, a file that is not a database, a schema newer than this code)
 * is a StoreOpenError naming DATA_DIR and saying how to recover without losing what the file holds: the gateway
 * never runs without its durable state, and never advises deleting a sound database.
 */
import { accessSync, constants, statfsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { privateDir, privateFile, privateFileMode, tighten, type PermissionReport } from './private-files.js';

export const databaseFile = 'gateway.db';

const migrations: readonly string[] = [
  // 1: the task registry, idempotency keys, credit budgets and task durations.
  `CREATE TABLE tasks (
     id TEXT PRIMARY KEY,
     tenant TEXT NOT NULL,
     kind TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     webhook_secret TEXT,
     status TEXT NOT NULL,
     finished_at INTEGER,
     reservation_id TEXT
   );
   CREATE INDEX tasks_by_tenant ON tasks (tenant, created_at DESC, id DESC);
   CREATE INDEX tasks_by_age ON tasks (created_at);
   CREATE TABLE idempotency (key TEXT PRIMARY KEY, record TEXT NOT NULL, expires_at INTEGER NOT NULL);
   CREATE INDEX idempotency_by_expiry ON idempotency (expires_at);
   CREATE TABLE budget_usage (
     tenant TEXT NOT NULL,
     window_start INTEGER NOT NULL,
     window_end INTEGER NOT NULL,
     used INTEGER NOT NULL,
     PRIMARY KEY (tenant, window_start, window_end)
   );
   CREATE TABLE budget_reservations (
     id TEXT PRIMARY KEY,
     tenant TEXT NOT NULL,
     window_start INTEGER NOT NULL,
     window_end INTEGER NOT NULL,
     amount INTEGER NOT NULL
   );
   CREATE INDEX budget_reservations_by_end ON budget_reservations (window_end);
   CREATE TABLE durations (kind TEXT NOT NULL, duration_ms INTEGER NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX durations_by_kind ON durations (kind, at DESC);`,
  // 2: who owns which clip, persona and vox id (a pair per owner), renewed each time it is recorded.
  `CREATE TABLE owned (
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     tenant TEXT NOT NULL,
     recorded_at INTEGER NOT NULL,
     PRIMARY KEY (kind, id, tenant)
   ) WITHOUT ROWID;
   CREATE INDEX owned_by_age ON owned (recorded_at);`,
  // 3: one row the readiness probe rewrites (src/store/health.ts): a write of the kind paid work makes, so that a
  // full disk or a read-only file is found before paid work is accepted, not after.
  `CREATE TABLE write_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL);`,
  // 4: a task found by its webhook's nonce (the URL of a delivery whose body names no task).
  `CREATE INDEX tasks_by_webhook ON tasks (webhook_secret);`,
];

/** DATA_DIR cannot hold the gateway's state; the message names it, says what is wrong and how to recover. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The file opened but SQLite's integrity check found damaged pages. */
class DamagedDatabase extends Error {}

/** What a failed write says about DATA_DIR: its disk is full, it is read-only, or something else. */
export function writeFailure(err: unknown): 'full' | 'read-only' | 'other' {
  const { code, errcode } = (err ?? {}) as { code?: string; errcode?: number };
  // SQLite's primary result codes (the low byte): 13 SQLITE_FULL, 8 SQLITE_READONLY.
  const primary = typeof errcode === 'number' ? errcode & 0xff : undefined;
  if (code === 'ENOSPC' || code === 'EDQUOT' || primary === 13) return 'full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || primary === 8) return 'read-only';
  return 'other';
}

/** Free bytes on DATA_DIR's file system, for messages; undefined when it cannot be told. */
function freeBytes(dataDir: string): number | undefined {
  try {
    const stats = statfsSync(dataDir);
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/**
 * Why the database could not be opened, and how to recover without losing what it holds. Only a file SQLite found
 * damaged (or not a database at all) is ever advised away, and then after a backup is tried: a full disk or a
 * read-only DATA_DIR leaves gateway.db intact, and deleting it would forget every idempotency key.
 */
export function openFailure(dataDir: string, err: unknown): StoreOpenError {
  const where = `DATA_DIR ${JSON.stringify(dataDir)} (${resolve(dataDir)})`;
  const holds = 'the task registry, idempotency keys and budgets';
  const { errcode } = (err ?? {}) as { errcode?: number };
  const primary = typeof errcode === 'number' ? errcode & 0xff : undefined;
  // 11 SQLITE_CORRUPT, 26 SQLITE_NOTADB; a failed integrity check is thrown as a DamagedDatabase.
  const damaged = err instanceof DamagedDatabase || primary === 11 || primary === 26;
  const free = freeBytes(dataDir);
  // A full disk also shows as an I/O error (SQLite cannot size its -shm file): the free space tells.
  const kind = !damaged && free !== undefined && free < 64 * 1024 ? 'full' : writeFailure(err);
  if (kind === 'full') {
    return new StoreOpenError(
      `${where}: its disk is full${free === undefined ? '' : ` (${free} bytes free)`}, so ${databaseFile} cannot be written. ` +
        `The database is intact: free space on that disk (or grow the volume) and start the gateway again. Do not delete ` +
        `${databaseFile}: it holds ${holds}.`,
    );
  }
  if (kind === 'read-only') {
    return new StoreOpenError(
      `${where}: ${databaseFile} cannot be written (${reason(err)}): the disk is read-only or the files belong to another ` +
        `user (this process is uid ${process.getuid?.() ?? '?'}). The database is intact: make DATA_DIR writable and start again.`,
    );
  }
  if (damaged) {
    return new StoreOpenError(
      `${where}: ${databaseFile} is damaged (${reason(err)}). It holds ${holds}: restore it from a backup ` +
        '(docs/deploying.md, "Backups"). Only without a backup, move it aside (keep the copy) to start empty, which forgets them.',
    );
  }
  return new StoreOpenError(
    `${where}: ${databaseFile} cannot be used (${reason(err)}). It holds ${holds} and may well be sound: fix the cause ` +
      'above (disk, permissions, another program holding it) and start again, rather than moving it away.',
  );
}

/** A connection with a statement cache and the one transaction form every check-then-write uses. */
export class Database {
  private readonly statements = new Map<string, StatementSync>();

  constructor(readonly db: DatabaseSync) {}

  statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  run(sql: string, ...params: SQLInputValue[]) {
    return this.statement(sql).run(...params);
  }

  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  /**
   * Runs `work` in a BEGIN IMMEDIATE transaction: the write lock is taken before the first read, so another
   * connection (another process on the same DATA_DIR) cannot change what `work` checked before it writes.
   */
  immediate<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  close(): void {
    this.statements.clear();
    if (this.db.isOpen) this.db.close();
  }
}

/**
 * Opens (creating if needed) DATA_DIR's database and brings its schema up to date. DATA_DIR is made 0700 and the
 * database's files 0600 (src/store/sqlite/private-files.ts); `report` hears of any that had to be tightened.
 */
export function openDatabase(dataDir: string, report?: PermissionReport): Database {
  const where = `DATA_DIR ${JSON.stringify(dataDir)} (${resolve(dataDir)})`;
  try {
    privateDir(dataDir, report);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new StoreOpenError(`${where} is not a directory.`);
    if (writeFailure(err) === 'full') throw openFailure(dataDir, err);
    throw new StoreOpenError(`${where} cannot be created: ${reason(err)}.`);
  }
  try {
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch {
    throw new StoreOpenError(`${where} is not writable by this process (uid ${process.getuid?.() ?? '?'}): give it the directory.`);
  }
  let db: DatabaseSync;
  const file = join(dataDir, databaseFile);
  try {
    // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the database file's mode.
    privateFile(file, report);
    // Waits up to 5 s for another connection's write lock instead of failing at once.
    db = new DatabaseSync(file, { timeout: 5_000 });
  } catch (err) {
    throw openFailure(dataDir, err);
  }
  const database = new Database(db);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    // WAL with synchronous=NORMAL: a commit survives a killed process; only a power cut may lose the last ones.
    db.exec('PRAGMA synchronous = NORMAL');
    // A file whose header is sound but whose pages are damaged opens fine and fails later, request by request: it
    // is checked whole at start (a few ms for a registry of thousands of tasks).
    const check = database.get<{ quick_check: string }>('PRAGMA quick_check(1)')?.quick_check;
    if (check !== 'ok') throw new DamagedDatabase(`its integrity check failed: ${check ?? 'no answer'}`);
    migrate(database);
    // Left by a release before, or by a process that made them before its database file was tightened.
    for (const suffix of ['-wal', '-shm']) tighten(file + suffix, privateFileMode, report);
  } catch (err) {
    database.close();
    if (err instanceof StoreOpenError) throw new StoreOpenError(`${where}: ${err.message}`);
    throw openFailure(dataDir, err);
  }
  return database;
}

function migrate(database: Database): void {
  database.immediate(() => {
    const version = database.get<{ user_version: number }>('PRAGMA user_version')?.user_version ?? 0;
    if (version > migrations.length) {
      throw new StoreOpenError(
        `${databaseFile} has schema version ${version}, newer than this gateway's ${migrations.length}: it was written by a newer release.`,
      );
    }
    for (let next = version; next < migrations.length; next++) database.db.exec(migrations[next] as string);
    // Also proves the file is writable: a read-only DATA_DIR fails here, at start.
    database.db.exec(`PRAGMA user_version = ${migrations.length}`);
  });
}

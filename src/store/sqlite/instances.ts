/**
 * Which gateway processes on this DATA_DIR are alive. Each process holds an exclusive lock on a file of its own,
 * `DATA_DIR/instances/<id>.lock`, for as long as it runs; the operating system drops the lock when the process
 * ends, however it ends (kill -9 included). So "is instance X alive" is "is X's file still locked", a question with
 * an exact answer at once, unlike a heartbeat's timeout. The lock is SQLite's own file locking (a tiny database per
 * instance), which node:sqlite gives without a native module.
 *
 * It lets a restarted gateway tell at once that an idempotency claim of the process it replaced can never finish.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { privateDir, privateFile, type PermissionReport } from './private-files.js';

const suffix = '.lock';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class InstanceLocks {
  readonly id = randomUUID();
  private readonly dir: string;
  private readonly own: DatabaseSync;
  /** Instances found dead stay dead: no need to look again. */
  private readonly dead = new Set<string>();

  constructor(dataDir: string, report?: PermissionReport) {
    this.dir = join(dataDir, 'instances');
    privateDir(this.dir, report);
    privateFile(this.path(this.id));
    this.own = new DatabaseSync(this.path(this.id));
    // In exclusive locking mode a connection keeps the lock of its first write until it closes.
    this.own.exec('PRAGMA locking_mode = EXCLUSIVE');
    this.own.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (at INTEGER); COMMIT');
    this.sweep();
  }

  /** Whether the process holding instance `id`'s lock is still running. */
  alive(id: string): boolean {
    if (id === this.id) return true;
    if (this.dead.has(id) || !uuid.test(id)) return false;
    const file = this.path(id);
    const alive = existsSync(file) && isLocked(file);
    if (!alive) this.dead.add(id);
    return alive;
  }

  /** Deletes the lock files of instances that are gone (with the journal SQLite leaves beside one killed mid-write). */
  sweep(): void {
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(suffix)) continue;
      const id = name.slice(0, -suffix.length);
      if (this.alive(id)) continue;
      rmSync(join(this.dir, name), { force: true });
      rmSync(join(this.dir, `${name}-journal`), { force: true });
    }
  }

  close(): void {
    if (!this.own.isOpen) return;
    this.own.close();
    rmSync(this.path(this.id), { force: true });
    rmSync(`${this.path(this.id)}-journal`, { force: true });
  }

  private path(id: string): string {
    return join(this.dir, id + suffix);
  }
}

function isLocked(file: string): boolean {
  let probe: DatabaseSync | undefined;
  try {
    probe = new DatabaseSync(file, { timeout: 0 });
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { errcode?: number }).errcode === 5 /* SQLITE_BUSY */) return true;
    throw err;
  } finally {
    probe?.close();
  }
}

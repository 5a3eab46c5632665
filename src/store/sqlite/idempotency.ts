/**
 * Idempotency records in SQLite: one row per (tenant, key), its record as JSON. `claim` and `settle` check and
 * write in one BEGIN IMMEDIATE transaction. A pending claim also names the gateway process that made it
 * (instances.ts): a claim whose process has died (a crash, kill -9, a deploy that cut it) can never be settled, so
 * it is reported with its lease over at once and its key answers the "did not finish" replay instead of waiting.
 */
import { LocalSignals } from '../local-signals.js';
import { type IdempotencyRecord, type IdempotencyStore, type PendingRecord } from '../types.js';
import type { Database } from './database.js';
import type { InstanceLocks } from './instances.js';

type Stored = IdempotencyRecord & { holder?: string };

export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly signals = new LocalSignals();

  constructor(
    private readonly db: Database,
    private readonly instances: InstanceLocks,
    private readonly now: () => number = Date.now,
    /** Another process on the same DATA_DIR may settle a key: look again this often while waiting. */
    private readonly pollMs = 100,
  ) {}

  async claim(key: string, pending: PendingRecord, ttlMs: number): Promise<IdempotencyRecord | null> {
    return this.db.immediate(() => {
      const current = this.read(key);
      if (current && current.state !== 'failed') return current;
      const stored: Stored = { ...pending, holder: this.instances.id };
      this.db.run(
        'INSERT OR REPLACE INTO idempotency (key, record, expires_at) VALUES (?, ?, ?)',
        key,
        JSON.stringify(stored),
        this.now() + ttlMs,
      );
      return null;
    });
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    return this.read(key);
  }

  async renew(key: string, attempt: string, leaseUntil: number): Promise<boolean> {
    return this.db.immediate(() => {
      const row = this.db.get<{ record: string }>('SELECT record FROM idempotency WHERE key = ?', key);
      const current = row && (JSON.parse(row.record) as Stored);
      if (current?.state !== 'pending' || current.attempt !== attempt) return false;
      this.db.run('UPDATE idempotency SET record = ? WHERE key = ?', JSON.stringify({ ...current, leaseUntil }), key);
      return true;
    });
  }

  async settle(key: string, attempt: string, outcome: IdempotencyRecord, ttlMs: number | null, keyTtlMs?: number): Promise<void> {
    this.db.immediate(() => {
      const row = this.db.get<{ record: string }>('SELECT record FROM idempotency WHERE key = ?', key);
      const current = row && (JSON.parse(row.record) as Stored);
      const keepFor = ttlMs ?? keyTtlMs;
      if (!row && keepFor !== undefined) {
        this.db.run(
          'INSERT INTO idempotency (key, record, expires_at) VALUES (?, ?, ?)',
          key,
          JSON.stringify(outcome),
          this.now() + keepFor,
        );
        return;
      }
      if (current?.state !== 'pending' || current.attempt !== attempt) return;
      if (ttlMs === null) this.db.run('UPDATE idempotency SET record = ? WHERE key = ?', JSON.stringify(outcome), key);
      else this.db.run('UPDATE idempotency SET record = ?, expires_at = ? WHERE key = ?', JSON.stringify(outcome), this.now() + ttlMs, key);
    });
    this.signals.notify(key);
  }

  waitForChange(key: string, ms: number): Promise<void> {
    return this.signals.wait(key, Math.min(ms, this.pollMs));
  }

  sweep(): void {
    this.db.run('DELETE FROM idempotency WHERE expires_at <= ?', this.now());
  }

  /** The live record of a key, with the lease of a claim whose process is gone reported as over. */
  private read(key: string): IdempotencyRecord | null {
    const row = this.db.get<{ record: string }>('SELECT record FROM idempotency WHERE key = ? AND expires_at > ?', key, this.now());
    if (!row) return null;
    const { holder, ...record } = JSON.parse(row.record) as Stored;
    if (record.state === 'pending' && holder !== undefined && !this.instances.alive(holder)) return { ...record, leaseUntil: 0 };
    return record;
  }
}

/** Idempotency records in this process's memory: atomic by construction (one thread), bounded by age and count. */
import { LocalSignals, type IdempotencyRecord, type IdempotencyStore, type PendingRecord } from './store.js';

interface Entry {
  record: IdempotencyRecord;
  expiresAt: number;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly signals = new LocalSignals();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 100_000,
  ) {}

  async claim(key: string, pending: PendingRecord, ttlMs: number): Promise<IdempotencyRecord | null> {
    const current = this.read(key);
    if (current && current.state !== 'failed') return current;
    this.sweep();
    this.entries.delete(key);
    this.entries.set(key, { record: pending, expiresAt: this.now() + ttlMs });
    return null;
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    return this.read(key);
  }

  async settle(key: string, attempt: string, outcome: IdempotencyRecord, ttlMs: number | null): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry || entry.record.state !== 'pending' || entry.record.attempt !== attempt) return;
    this.entries.set(key, { record: outcome, expiresAt: ttlMs === null ? entry.expiresAt : this.now() + ttlMs });
    this.signals.notify(key);
  }

  waitForChange(key: string, ms: number): Promise<void> {
    return this.signals.wait(key, ms);
  }

  private read(key: string): IdempotencyRecord | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt > this.now()) return entry.record;
    this.entries.delete(key);
    return null;
  }

  /** Drops expired entries from the oldest end, and the oldest ones beyond `maxEntries`. */
  private sweep(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < this.maxEntries && entry.expiresAt > this.now()) break;
      this.entries.delete(key);
    }
  }
}

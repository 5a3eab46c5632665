/**
 * Where idempotency records live: memory (one process) or Redis (shared by instances). A store only keeps records
 * and makes `claim` atomic; what the records mean is decided in idempotency.ts.
 */
import type { ErrorCode, ErrorDetails } from '../errors.js';

export interface StoredError {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}

export type PendingRecord = { state: 'pending'; fingerprint: string; attempt: string; leaseUntil: number };

export type IdempotencyRecord =
  /** A request is being carried out by `attempt` (in some instance) until `leaseUntil` at the latest. */
  | PendingRecord
  /** It succeeded: every replay gets `result`. */
  | { state: 'done'; fingerprint: string; result: unknown }
  /** It failed and surely created nothing: kept briefly for the requests that waited on it; a new request runs. */
  | { state: 'failed'; fingerprint: string; attempt: string; error: StoredError }
  /** It failed after the upstream may have started paid work: every replay gets this error, nothing is resent. */
  | { state: 'unknown'; fingerprint: string; error: StoredError };

export interface IdempotencyStore {
  /**
   * Atomically stores `pending` with `ttlMs` unless the key holds a record other than a `failed` one.
   * Returns that record, or null when this call claimed the key.
   */
  claim(key: string, pending: PendingRecord, ttlMs: number): Promise<IdempotencyRecord | null>;
  get(key: string): Promise<IdempotencyRecord | null>;
  /** Replaces the pending record of `attempt` with its outcome; `ttlMs` null keeps the key's expiry. */
  settle(key: string, attempt: string, outcome: IdempotencyRecord, ttlMs: number | null): Promise<void>;
  /** Resolves when the key may have changed, or after `ms`. */
  waitForChange(key: string, ms: number): Promise<void>;
}

/** Wakes the local waiters of a key; a store that is shared also polls, for changes made by other instances. */
export class LocalSignals {
  private readonly waiters = new Map<string, Set<() => void>>();

  wait(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(key) ?? new Set();
      this.waiters.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(key) === set) this.waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      set.add(done);
    });
  }

  notify(key: string): void {
    for (const wake of [...(this.waiters.get(key) ?? [])]) wake();
  }
}

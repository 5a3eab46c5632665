/**
 * What the gateway must never forget, as interfaces: each has one embedded implementation (SQLite in DATA_DIR, the
 * single-instance default) and one Redis implementation (REDIS_URL, many instances), run by the same shared tests.
 * The records are ours (not the upstream's): which tenant owns which task, of which kind, its webhook secret, the
 * last state we saw, per-tenant credit budgets and how long finished tasks took.
 *
 * A tenant is a stable, non-reversible owner name: `tenantOf(apiKey)` for a caller on an API key, `user:<sub>` for
 * a signed-in end user (src/access). Nothing here ever holds an API key.
 */
import type { ErrorCode, ErrorDetails } from '../domain/errors.js';
import type { SubmittedTaskKind } from '../domain/kinds.js';
import type { OwnedId } from '../domain/ownership.js';
import type { TaskRegistry } from '../domain/records.js';

/** A tenant's use of its credit budget in the current window. */
export interface BudgetUsage {
  limit: number;
  used: number;
  remaining: number;
  /** When the current window ends (epoch ms). */
  resetsAt: number;
}

export interface BudgetPolicy {
  /** Credits per tenant per window. */
  limit: number;
  windowMs: number;
}

export type Reservation = { ok: true; reservationId: string; usage: BudgetUsage } | { ok: false; usage: BudgetUsage };

export interface BudgetStore {
  /**
   * Atomically reserves `amount` credits of the tenant's current window if the rest of the budget covers it: check
   * and write are one step, so concurrent requests can never overspend. `id` names the reservation (a new one by
   * default): a paid request names it in its intent before it is made.
   */
  reserve(tenant: string, amount: number, policy: BudgetPolicy, now: number, id?: string): Promise<Reservation>;
  /** Gives a reservation back to the window it was taken from; a second release of the same id does nothing. */
  release(reservationId: string): Promise<void>;
  usage(tenant: string, policy: BudgetPolicy, now: number): Promise<BudgetUsage>;
}

/** How long this gateway's finished tasks took, per kind, for completion estimates. */
export interface DurationHistory {
  record(kind: SubmittedTaskKind, durationMs: number, at: number): Promise<void>;
  /** The most recent durations of a kind, newest first, at most `limit`. */
  recent(kind: SubmittedTaskKind, limit: number): Promise<number[]>;
}

/**
 * Who owns which clip, persona and vox id (src/domain/ownership.ts). An id may have several owners (two users may
 * upload the same audio); each (tenant, id) pair is kept for `ownershipMaxAgeMs` after it was last recorded.
 */
export interface OwnershipStore {
  /** Records that `tenant` owns each of `ids` (recording a pair again renews it). */
  record(tenant: string, ids: readonly OwnedId[], at: number): Promise<void>;
  /** For each of `ids`, in order, whether `tenant` owns it. */
  owns(tenant: string, ids: readonly OwnedId[]): Promise<boolean[]>;
}

/** Every store of one engine, opened together and closed together. */
export interface Stores {
  readonly engine: 'sqlite' | 'redis';
  registry: TaskRegistry;
  idempotency: IdempotencyStore;
  budgets: BudgetStore;
  durations: DurationHistory;
  /**
   * A small real write, as paid work makes them: resolves when the store takes writes now, throws the engine's error
   * when it does not (Redis unreachable or refusing writes; DATA_DIR full or read-only). src/store/health.ts runs it.
   */
  probe(): Promise<void>;
  ownership: OwnershipStore;
  close(): Promise<void>;
}

/** Idempotency records: a store only keeps them and makes `claim` atomic; what they mean is src/submit/idempotency.ts. */
export interface StoredError {
  code: ErrorCode;
  message: string;
  details: ErrorDetails;
}

/**
 * What a paid request is about to do, written before anything is sent (with its key's claim, or alone for a request
 * without a key): who asked, for which operation, and the budget reservation it holds (made just after, under this id).
 * A pending record that keeps it after its lease is paid work that may have been sent and never recorded.
 */
export interface Intent {
  tenant: string;
  /** The upstream operation's path. */
  operation: string;
  reservationId?: string;
  createdAt: number;
}

export type PendingRecord = { state: 'pending'; fingerprint: string; attempt: string; leaseUntil: number; intent?: Intent };

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
  /**
   * Moves the lease of `attempt`'s pending record to `leaseUntil` (its holder is alive and still at work). False when
   * the key holds anything else.
   */
  renew(key: string, attempt: string, leaseUntil: number): Promise<boolean>;
  /**
   * Replaces the pending record of `attempt` with its outcome; `ttlMs` null keeps the key's expiry. A key the store no
   * longer holds at all (a Redis restarted without its data while the outcome waited in the outbox) gets the outcome
   * anew, kept `ttlMs ?? keyTtlMs` (nothing is written without either): an answered key always replays its answer.
   */
  settle(key: string, attempt: string, outcome: IdempotencyRecord, ttlMs: number | null, keyTtlMs?: number): Promise<void>;
  /** Resolves when the key may have changed, or after `ms`. */
  waitForChange(key: string, ms: number): Promise<void>;
}

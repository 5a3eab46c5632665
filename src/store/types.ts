/**
 * What the gateway must never forget, as interfaces: each has one embedded implementation (SQLite in DATA_DIR, the
 * single-instance default) and one Redis implementation (REDIS_URL, many instances), run by the same shared tests.
 * The records are ours (not the upstream's): which tenant owns which task, of which kind, its webhook secret, the
 * last state we saw, per-tenant credit budgets and how long finished tasks took.
 *
 * A tenant is a stable, non-reversible owner name: `tenantOf(apiKey)` for a caller on an API key, `user:<sub>` for
 * a signed-in end user (src/auth). Nothing here ever holds an API key.
 */
import type { IdempotencyStore } from '../idempotency/store.js';
import type { SubmittedTaskKind } from '../upstream/operations.js';
import type { TaskStatus } from '../upstream/types.js';

export interface TaskRecord {
  id: string;
  kind: SubmittedTaskKind;
  /** Who submitted the task; only this tenant may read it. */
  tenant: string;
  /** When the gateway submitted it (epoch ms). */
  createdAt: number;
  /** The secret the upstream signs this task's webhook deliveries with, when one was asked for. Never log it. */
  webhookSecret?: string;
  /** The last status the gateway observed (PENDING at submit). */
  status: TaskStatus;
  /** When the gateway first observed a final status (epoch ms). */
  finishedAt?: number;
  /** The budget reservation this task holds, returned if the task ends FAILED (src/store BudgetStore). */
  reservationId?: string;
}

export interface TaskPage {
  /** Newest first. */
  records: TaskRecord[];
  hasNextPage: boolean;
  /** Opaque; pass as `after` for the next page. Null when `records` is empty. */
  endCursor: string | null;
}

export interface TaskListQuery {
  first: number;
  after?: string | null;
  /** Only tasks whose last observed status is one of these. */
  statuses?: readonly TaskStatus[];
}

export interface TaskRegistry {
  /** Records a submitted task (insert or replace by id). */
  remember(record: TaskRecord): Promise<void>;
  lookup(id: string): Promise<TaskRecord | undefined>;
  /**
   * Records a status the gateway observed. Returns true only for the one call that moved the record to a final
   * status (so that what must happen once per finished task, such as returning a reservation, happens once even when
   * a poll, a webhook and a query all see it), false otherwise and for unknown ids.
   */
  observe(id: string, status: TaskStatus, at: number): Promise<boolean>;
  /** A tenant's tasks, newest first, as cursor pages. */
  list(tenant: string, query: TaskListQuery): Promise<TaskPage>;
}

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
   * and write are one step, so concurrent requests can never overspend.
   */
  reserve(tenant: string, amount: number, policy: BudgetPolicy, now: number): Promise<Reservation>;
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

/** Every store of one engine, opened together and closed together. */
export interface Stores {
  readonly engine: 'sqlite' | 'redis';
  registry: TaskRegistry;
  idempotency: IdempotencyStore;
  budgets: BudgetStore;
  durations: DurationHistory;
  close(): Promise<void>;
}

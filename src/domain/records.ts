/**
 * What the gateway remembers of each task it submitted, and the registry that keeps those records (implemented by
 * both store engines, src/store). Only the gateway knows these facts: the upstream cannot tell which of the users
 * sharing its key made a task, nor of which kind it is.
 */
import type { SubmittedTaskKind } from './kinds.js';
import type { TaskStatus } from './status.js';

export interface TaskRecord {
  id: string;
  kind: SubmittedTaskKind;
  /** Who submitted the task; only this tenant may read it. */
  tenant: string;
  /** When the gateway submitted it (epoch ms). */
  createdAt: number;
  /**
   * When a webhook was asked for: what the secret the upstream signs its deliveries with is derived from,
   * `derived:<nonce>` (with the server's webhook key, src/submit/webhook-request.ts), or, in a record written by a
   * release before, that secret itself. Never log it.
   */
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
  /**
   * Records a submitted task (insert or replace by id). With `ifNew`, a record already kept under that id is left as
   * it is (an outcome written late, from the outbox, never overwrites a state observed since). True when written.
   */
  remember(record: TaskRecord, options?: { ifNew?: boolean }): Promise<boolean>;
  lookup(id: string): Promise<TaskRecord | undefined>;
  /**
   * The record of `id` when it is at hand in memory, without waiting; undefined says only that it is not at hand
   * (`lookup` then answers). The read path's common case, a task read again and again, skips the store's promises.
   */
  lookupKept?(id: string): TaskRecord | undefined;
  /**
   * The record whose `webhookSecret` is `webhookSecret` (a derived secret's `derived:<nonce>`, which the delivery's
   * URL names), for a delivery whose body names no task.
   */
  lookupByWebhook(webhookSecret: string): Promise<TaskRecord | undefined>;
  /**
   * Records a status the gateway observed. Returns true only for the one call that moved the record to a final
   * status (so that what must happen once per finished task, such as returning a reservation, happens once even when
   * a poll, a webhook and a query all see it), false otherwise and for unknown ids.
   */
  observe(id: string, status: TaskStatus, at: number): Promise<boolean>;
  /** A tenant's tasks, newest first, as cursor pages. */
  list(tenant: string, query: TaskListQuery): Promise<TaskPage>;
}

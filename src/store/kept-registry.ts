/**
 * The task registry as this instance can answer it: the store's records, and the records of tasks whose outcome still
 * waits in the outbox (outbox.ts) because the store could not take it. So a task paid for and answered while Redis was
 * down or the disk full still reads on this instance with its owner, kind and webhook secret (`task`, webhooks,
 * `submittedAt`), and is listed in its owner's `viewer.tasks` once the store lists again.
 *
 * A read the store cannot answer (Redis unreachable) is STORE_UNAVAILABLE, a defined and retryable error, on every
 * path that looks a record up (reads, subscriptions, webhooks), not an unexpected one.
 */
import { GatewayError } from '../domain/errors.js';
import type { TaskListQuery, TaskPage, TaskRecord, TaskRegistry } from '../domain/records.js';
import type { TaskStatus } from '../domain/status.js';
import type { Outbox } from './outbox.js';
import { decodeCursor, encodeCursor, listPosition } from './rules.js';

const position = (record: TaskRecord) => listPosition(record.createdAt, record.id);

export class KeptRegistry implements TaskRegistry {
  constructor(
    private readonly store: TaskRegistry,
    private readonly outbox: Outbox,
  ) {}

  remember(record: TaskRecord, options?: { ifNew?: boolean }): Promise<boolean> {
    return this.store.remember(record, options);
  }

  async lookup(id: string): Promise<TaskRecord | undefined> {
    return this.outbox.record(id) ?? readOrRefuse(this.store.lookup(id));
  }

  lookupKept(id: string): TaskRecord | undefined {
    return this.outbox.record(id) ?? this.store.lookupKept?.(id);
  }

  async lookupByWebhook(webhookSecret: string): Promise<TaskRecord | undefined> {
    return this.outbox.recordByWebhook(webhookSecret) ?? readOrRefuse(this.store.lookupByWebhook(webhookSecret));
  }

  observe(id: string, status: TaskStatus, at: number): Promise<boolean> {
    return this.store.observe(id, status, at);
  }

  /** The store's page, with the kept records that belong in it (newest first, ties by id, as the stores sort). */
  async list(tenant: string, query: TaskListQuery): Promise<TaskPage> {
    const after = query.after ? decodeCursor(query.after) : undefined;
    const statuses = query.statuses?.length ? new Set<string>(query.statuses) : undefined;
    const kept = this.outbox
      .records(tenant)
      .filter((r) => (!after || position(r) < listPosition(after.createdAt, after.id)) && (!statuses || statuses.has(r.status)));
    const page = await readOrRefuse(this.store.list(tenant, query));
    if (kept.length === 0) return page;
    const listed = new Set(page.records.map((r) => r.id));
    let merged = [...page.records, ...kept.filter((r) => !listed.has(r.id))].sort((a, b) => (position(a) < position(b) ? 1 : -1));
    // Older than the store's last record on a page that goes on: it belongs to a later page, which will hold it.
    const last = page.records.at(-1);
    if (page.hasNextPage && last) merged = merged.filter((r) => position(r) >= position(last));
    const records = merged.slice(0, query.first);
    const end = records.at(-1);
    return {
      records,
      hasNextPage: page.hasNextPage || merged.length > query.first,
      endCursor: end ? encodeCursor(end.createdAt, end.id) : null,
    };
  }
}

/** The store's answer, or STORE_UNAVAILABLE when it cannot give one now (its own GatewayErrors, e.g. a bad cursor, pass). */
async function readOrRefuse<T>(reading: Promise<T>): Promise<T> {
  try {
    return await reading;
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    throw new GatewayError(
      'STORE_UNAVAILABLE',
      'The gateway cannot read its task records right now (its store is unreachable). Nothing was charged: retry in a few seconds.',
      { retryAfterSeconds: 2 },
    );
  }
}

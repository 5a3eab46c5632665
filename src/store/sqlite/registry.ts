/** The task registry in SQLite: one row per submitted task, listed per tenant by (created_at, id), newest first. */
import type { SubmittedTaskKind } from '../../domain/kinds.js';
import { isTerminal, type TaskStatus } from '../../domain/status.js';
import { decodeCursor, encodeCursor, taskRecordMaxAgeMs } from '../rules.js';
import type { TaskListQuery, TaskPage, TaskRecord, TaskRegistry } from '../../domain/records.js';
import type { Database } from './database.js';

interface Row {
  id: string;
  tenant: string;
  kind: string;
  created_at: number;
  webhook_secret: string | null;
  status: string;
  finished_at: number | null;
  reservation_id: string | null;
}

function toRecord(row: Row): TaskRecord {
  return {
    id: row.id,
    kind: row.kind as SubmittedTaskKind,
    tenant: row.tenant,
    createdAt: row.created_at,
    status: row.status as TaskStatus,
    ...(row.webhook_secret !== null ? { webhookSecret: row.webhook_secret } : {}),
    ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
    ...(row.reservation_id !== null ? { reservationId: row.reservation_id } : {}),
  };
}

export class SqliteTaskRegistry implements TaskRegistry {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = taskRecordMaxAgeMs,
  ) {}

  async remember(record: TaskRecord, options: { ifNew?: boolean } = {}): Promise<boolean> {
    const { changes } = this.db.run(
      `INSERT OR ${options.ifNew ? 'IGNORE' : 'REPLACE'} INTO tasks (id, tenant, kind, created_at, webhook_secret, status, finished_at, reservation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      record.id,
      record.tenant,
      record.kind,
      record.createdAt,
      record.webhookSecret ?? null,
      record.status,
      record.finishedAt ?? null,
      record.reservationId ?? null,
    );
    return changes > 0;
  }

  async lookup(id: string): Promise<TaskRecord | undefined> {
    const row = this.db.get<Row>('SELECT * FROM tasks WHERE id = ? AND created_at > ?', id, this.cutoff());
    return row && toRecord(row);
  }

  async lookupByWebhook(webhookSecret: string): Promise<TaskRecord | undefined> {
    const row = this.db.get<Row>('SELECT * FROM tasks WHERE webhook_secret = ? AND created_at > ?', webhookSecret, this.cutoff());
    return row && toRecord(row);
  }

  async observe(id: string, status: TaskStatus, at: number): Promise<boolean> {
    // One statement: of concurrent observers of the final state, exactly one changes the row.
    const final = isTerminal(status);
    const { changes } = this.db.run(
      `UPDATE tasks SET status = ?, finished_at = ? WHERE id = ? AND finished_at IS NULL AND status <> ?`,
      status,
      final ? at : null,
      id,
      status,
    );
    return final && changes === 1;
  }

  async list(tenant: string, query: TaskListQuery): Promise<TaskPage> {
    const after = query.after ? decodeCursor(query.after) : { createdAt: Number.MAX_SAFE_INTEGER, id: '' };
    const statuses = query.statuses ?? [];
    const byStatus = statuses.length ? `AND status IN (${statuses.map(() => '?').join(', ')})` : '';
    const rows = this.db.all<Row>(
      `SELECT * FROM tasks WHERE tenant = ? AND created_at > ? AND (created_at, id) < (?, ?) ${byStatus}
       ORDER BY created_at DESC, id DESC LIMIT ?`,
      tenant,
      this.cutoff(),
      after.createdAt,
      after.id,
      ...statuses,
      query.first + 1,
    );
    const records = rows.slice(0, query.first).map(toRecord);
    const last = records.at(-1);
    return { records, hasNextPage: rows.length > query.first, endCursor: last ? encodeCursor(last.createdAt, last.id) : null };
  }

  /** Deletes the records past their age. */
  sweep(): void {
    this.db.run('DELETE FROM tasks WHERE created_at <= ?', this.cutoff());
  }

  private cutoff(): number {
    return this.now() - this.maxAgeMs;
  }
}

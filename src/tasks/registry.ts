/**
 * What the gateway remembers of the tasks it submitted: their kind (the upstream's task answer does not say) and
 * the tenant that owns them. Memory by default, bounded by age and count; Redis (redis-registry.ts) with REDIS_URL.
 */
import type { TaskKind } from '../upstream/operations.js';

export interface TaskRecord {
  id: string;
  kind: Exclude<TaskKind, 'UNKNOWN'>;
  /** Fingerprint of the API key that submitted the task. */
  tenant: string;
  createdAt: number;
  /** The secret the upstream signs this task's webhook deliveries with, when one was asked for. Never log it. */
  webhookSecret?: string;
}

export interface TaskRegistry {
  remember(record: TaskRecord): Promise<void>;
  lookup(id: string): Promise<TaskRecord | undefined>;
}

/** How long a task is remembered. */
export const taskRecordMaxAgeMs = 7 * 24 * 3600_000;

export class MemoryTaskRegistry implements TaskRegistry {
  private readonly records = new Map<string, TaskRecord>();

  constructor(
    private readonly maxEntries = 100_000,
    private readonly maxAgeMs = taskRecordMaxAgeMs,
    private readonly now: () => number = Date.now,
  ) {}

  async remember(record: TaskRecord): Promise<void> {
    this.records.delete(record.id);
    this.records.set(record.id, record);
    // Maps iterate in insertion order, so the first entries are the oldest.
    for (const [id, r] of this.records) {
      if (this.records.size <= this.maxEntries && this.now() - r.createdAt <= this.maxAgeMs) break;
      this.records.delete(id);
    }
  }

  async lookup(id: string): Promise<TaskRecord | undefined> {
    const record = this.records.get(id);
    if (record && this.now() - record.createdAt > this.maxAgeMs) {
      this.records.delete(id);
      return undefined;
    }
    return record;
  }
}

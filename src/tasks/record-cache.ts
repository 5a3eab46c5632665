/**
 * The task registry, with the records of recently used tasks kept in memory. Every read of a task looks its record
 * up (whose it is, of which kind): in the embedded store that was a SQLite query per read, about 8 % of a read's CPU,
 * and with Redis a round trip. What a record says of its task's owner, kind, creation, webhook secret and budget
 * reservation never changes, so a kept copy is always right about them. Its status follows every `observe` made
 * through this registry; a change another instance observed may show here up to `ttlMs` late, which costs at most an
 * extra write that changes nothing or an extra upstream read.
 */
import { LRUCache } from 'lru-cache';
import type { TaskListQuery, TaskPage, TaskRecord, TaskRegistry } from '../domain/records.js';
import { isTerminal, type TaskStatus } from '../domain/status.js';

export class RecentRecords implements TaskRegistry {
  private readonly recent: LRUCache<string, TaskRecord>;

  constructor(
    private readonly store: TaskRegistry,
    options: { max?: number; ttlMs?: number } = {},
  ) {
    // Counted by `maxSize` (one per record) rather than `max`, which makes lru-cache set aside room for all at once.
    this.recent = new LRUCache({ maxSize: options.max ?? 10_000, sizeCalculation: () => 1, ttl: options.ttlMs ?? 30_000 });
  }

  async remember(record: TaskRecord, options: { ifNew?: boolean } = {}): Promise<boolean> {
    const written = await this.store.remember(record, options);
    if (written) this.recent.set(record.id, record);
    else this.recent.delete(record.id);
    return written;
  }

  lookupKept(id: string): TaskRecord | undefined {
    return this.recent.get(id);
  }

  async lookup(id: string): Promise<TaskRecord | undefined> {
    const kept = this.recent.get(id);
    if (kept) return kept;
    const record = await this.store.lookup(id);
    if (record) this.recent.set(id, record);
    return record;
  }

  async lookupByWebhook(webhookSecret: string): Promise<TaskRecord | undefined> {
    const record = await this.store.lookupByWebhook(webhookSecret);
    if (record) this.recent.set(record.id, record);
    return record;
  }

  async observe(id: string, status: TaskStatus, at: number): Promise<boolean> {
    const moved = await this.store.observe(id, status, at);
    // As the store does: a final status stays final.
    const kept = this.recent.get(id);
    if (kept && kept.finishedAt === undefined) this.recent.set(id, { ...kept, status, ...(isTerminal(status) ? { finishedAt: at } : {}) });
    return moved;
  }

  list(tenant: string, query: TaskListQuery): Promise<TaskPage> {
    return this.store.list(tenant, query);
  }
}

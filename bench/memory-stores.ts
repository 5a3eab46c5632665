/**
 * Bench only: the in-memory stores the gateway had before the durable ones (idempotency records and the task
 * registry in Maps, as in git history before issue 10), behind today's interfaces, so that benchmark 7 can put the
 * cost of SQLite and Redis beside what memory cost. Nothing here survives a restart; the gateway never uses it.
 */
import { LocalSignals } from '../src/store/local-signals.js';
import type {
  IdempotencyRecord,
  IdempotencyStore,
  PendingRecord,
  BudgetPolicy,
  BudgetStore,
  BudgetUsage,
  Reservation,
  Stores,
} from '../src/store/types.js';
import type { SubmittedTaskKind } from '../src/domain/kinds.js';
import { isTerminal, type TaskStatus } from '../src/domain/status.js';
import type { TaskListQuery, TaskPage, TaskRecord, TaskRegistry } from '../src/domain/records.js';

class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();
  private readonly signals = new LocalSignals();

  async claim(key: string, pending: PendingRecord, ttlMs: number): Promise<IdempotencyRecord | null> {
    const current = await this.get(key);
    if (current && current.state !== 'failed') return current;
    this.entries.set(key, { record: pending, expiresAt: Date.now() + ttlMs });
    return null;
  }

  async get(key: string): Promise<IdempotencyRecord | null> {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > Date.now() ? entry.record : null;
  }

  async renew(key: string, attempt: string, leaseUntil: number): Promise<boolean> {
    const entry = this.entries.get(key);
    if (!entry || entry.record.state !== 'pending' || entry.record.attempt !== attempt) return false;
    entry.record = { ...entry.record, leaseUntil };
    return true;
  }

  async settle(key: string, attempt: string, outcome: IdempotencyRecord, ttlMs: number | null, keyTtlMs?: number): Promise<void> {
    const entry = this.entries.get(key);
    const keepFor = ttlMs ?? keyTtlMs;
    if (!entry && keepFor !== undefined) this.entries.set(key, { record: outcome, expiresAt: Date.now() + keepFor });
    if (!entry || entry.record.state !== 'pending' || entry.record.attempt !== attempt) return;
    this.entries.set(key, { record: outcome, expiresAt: ttlMs === null ? entry.expiresAt : Date.now() + ttlMs });
    this.signals.notify(key);
  }

  waitForChange(key: string, ms: number): Promise<void> {
    return this.signals.wait(key, ms);
  }
}

class MemoryTaskRegistry implements TaskRegistry {
  private readonly records = new Map<string, TaskRecord>();

  async remember(record: TaskRecord, options: { ifNew?: boolean } = {}): Promise<boolean> {
    if (options.ifNew && this.records.has(record.id)) return false;
    this.records.set(record.id, record);
    return true;
  }

  async lookup(id: string): Promise<TaskRecord | undefined> {
    return this.records.get(id);
  }

  async lookupByWebhook(webhookSecret: string): Promise<TaskRecord | undefined> {
    return [...this.records.values()].find((r) => r.webhookSecret === webhookSecret);
  }

  async observe(id: string, status: TaskStatus, at: number): Promise<boolean> {
    const record = this.records.get(id);
    if (!record || record.finishedAt !== undefined || record.status === status) return false;
    this.records.set(id, { ...record, status, ...(isTerminal(status) ? { finishedAt: at } : {}) });
    return isTerminal(status);
  }

  async list(tenant: string, query: TaskListQuery): Promise<TaskPage> {
    const records = [...this.records.values()].filter((r) => r.tenant === tenant).sort((a, b) => b.createdAt - a.createdAt);
    return { records: records.slice(0, query.first), hasNextPage: records.length > query.first, endCursor: null };
  }
}

/** Budgets and durations are not on the paths benchmark 7 measures: they only need to exist. */
const unusedBudgets: BudgetStore = {
  reserve: async (): Promise<Reservation> => ({ ok: false, usage: { limit: 0, used: 0, remaining: 0, resetsAt: 0 } }),
  release: async () => {},
  usage: async (_tenant: string, policy: BudgetPolicy): Promise<BudgetUsage> => ({
    limit: policy.limit,
    used: 0,
    remaining: policy.limit,
    resetsAt: 0,
  }),
};

export function memoryStores(): Stores {
  return {
    engine: 'memory' as Stores['engine'], // the gateway has two engines; this bench-only stand-in is neither
    registry: new MemoryTaskRegistry(),
    idempotency: new MemoryIdempotencyStore(),
    budgets: unusedBudgets,
    durations: { record: async () => {}, recent: async (_kind: SubmittedTaskKind) => [] },
    probe: async () => {},
    // The benchmarks run without sign-in: no id is checked against an owner, and what is recorded is not kept.
    ownership: { record: async () => {}, owns: async (_tenant, ids) => ids.map(() => false) },
    close: async () => {},
  };
}

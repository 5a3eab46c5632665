/**
 * The outcomes of paid work that the store could not take when they arrived. Once the upstream has answered a paid
 * POST, its outcome (the task's record with its owner and webhook secret, the idempotency key's result, the ids an
 * answer-at-once gave its caller, a budget reservation to give back) must outlive a store that is down for a moment (Redis restarting, a full disk): it is
 * written to the store at once when it can be, and otherwise kept here, in memory and, when the disk takes it, in a
 * file of `DATA_DIR/outbox/` (mode 0600: a record holds its webhook secret), then written as soon as the store takes
 * writes again (retried every `retryMs`, oldest first). Meanwhile this instance answers from it: reads of the task
 * (kept-registry.ts), the key's replays (src/submit/idempotency.ts) and who owns what (kept-ownership.ts). A file left by a process that stopped is read
 * at the next start and written then.
 *
 * Every write of an entry is idempotent (a record only if none is kept, a settle only over the same attempt's claim
 * or where the store lost the key, ownership recorded again, a reservation given back once), so an entry written twice changes nothing the
 * second time.
 *
 * Bounded without dropping anything paid for: at `maxEntries` it reports itself full, and the gateway takes no new
 * paid work until the store has taken what waits (src/store/health.ts).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { TaskRecord, TaskRegistry } from '../domain/records.js';
import type { OwnedId } from '../domain/ownership.js';
import type { BudgetStore, IdempotencyRecord, IdempotencyStore, OwnershipStore } from './types.js';

export interface OutboxEntry {
  /** Unique: the attempt whose outcome it is (a UUID, also its file name). */
  id: string;
  /** When it was made (epoch ms). */
  at: number;
  /** The submitted task's record: written unless the registry already keeps one under its id. */
  record?: TaskRecord;
  /** The idempotency key's (or the intent's) outcome: written only over the pending claim of the same attempt. */
  /** `keyTtlMs`: how long a key the store lost meanwhile keeps the outcome written anew (IdempotencyStore.settle). */
  settle?: { key: string; attempt: string; outcome: IdempotencyRecord; ttlMs: number | null; keyTtlMs?: number };
  /** What an answer-at-once gave its caller (an uploaded clip, a persona, a vox id): theirs from now on. */
  owned?: { tenant: string; ids: OwnedId[] };
  /** A budget reservation to give back: the work surely spent nothing. */
  release?: string;
  /**
   * Housekeeping, not an outcome: freeing a claim whose write seemed to fail but may have landed, so that the key is
   * not held for nothing. Kept in memory only, not counted as waiting work, the first dropped at the bound.
   */
  cleanup?: boolean;
}

/** Where entries are written (a part an entry does not use may be left out). */
export interface OutboxTargets {
  registry?: TaskRegistry;
  idempotency?: IdempotencyStore;
  budgets?: BudgetStore;
  ownership?: OwnershipStore;
}

export interface OutboxOptions {
  /** Where kept outcomes are mirrored (`DATA_DIR/outbox`); unset: memory only. */
  dir?: string;
  /** Kept outcomes at which the outbox reports itself full (1,000). */
  maxEntries?: number;
  /** How often kept entries are tried again (500 ms). */
  retryMs?: number;
  logger?: Logger;
  /** Each write the store refused, for readiness. */
  onStoreError?: (err: unknown) => void;
}

const fileName = /^[0-9a-f-]{36}\.json$/;

export class Outbox {
  /** In the order they were kept. */
  private readonly kept = new Map<string, OutboxEntry>();
  private readonly byTask = new Map<string, OutboxEntry>();
  private readonly byKey = new Map<string, OutboxEntry>();
  private readonly maxEntries: number;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly targets: OutboxTargets,
    private readonly options: OutboxOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 1_000;
    this.load();
  }

  /** Outcomes waiting for the store (housekeeping not counted). */
  get size(): number {
    let n = 0;
    for (const entry of this.kept.values()) if (!entry.cleanup) n++;
    return n;
  }

  get full(): boolean {
    return this.size >= this.maxEntries;
  }

  /** Writes the entry now, or keeps it until the store takes it. Never throws. */
  async write(entry: OutboxEntry): Promise<'stored' | 'kept'> {
    try {
      await this.apply(entry);
      return 'stored';
    } catch (err) {
      this.options.onStoreError?.(err);
      this.keep(entry, true);
      return 'kept';
    }
  }

  /** The record of a task whose outcome waits here. */
  record(taskId: string): TaskRecord | undefined {
    return this.byTask.get(taskId)?.record;
  }

  /** The record of a task whose outcome waits here, by its webhook secret (TaskRegistry.lookupByWebhook). */
  recordByWebhook(webhookSecret: string): TaskRecord | undefined {
    for (const entry of this.byTask.values()) if (entry.record?.webhookSecret === webhookSecret) return entry.record;
    return undefined;
  }

  /** For each of `ids`, in order, whether an outcome waiting here gives it to `tenant`. */
  owns(tenant: string, ids: readonly OwnedId[]): boolean[] {
    const given = new Set<string>();
    for (const { owned } of this.kept.values()) {
      if (owned?.tenant === tenant) for (const id of owned.ids) given.add(`${id.kind} ${id.id}`);
    }
    return ids.map((id) => given.has(`${id.kind} ${id.id}`));
  }

  /** The records of a tenant's tasks that wait here. */
  records(tenant: string): TaskRecord[] {
    const records: TaskRecord[] = [];
    for (const entry of this.byTask.values()) if (entry.record?.tenant === tenant) records.push(entry.record);
    return records;
  }

  /** The outcome of an idempotency key (its store key) that waits here. */
  settled(key: string): IdempotencyRecord | undefined {
    return this.byKey.get(key)?.settle?.outcome;
  }

  /** Writes what is kept, oldest first, until the store refuses one (then it is tried again later). */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = undefined;
      this.schedule();
    });
    return this.flushing;
  }

  /** A last try; what is still kept then stays in its files for the next start (memory-only entries are lost: logged). */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.flush();
    const left = [...this.kept.values()].filter((entry) => !entry.cleanup);
    if (left.length) {
      this.options.logger?.error(
        { waiting: left.length, dir: this.options.dir ?? null },
        'stopping with paid outcomes the store has not taken; those with a file in the outbox directory are written at the next start',
      );
    }
  }

  private async drain(): Promise<void> {
    for (const entry of [...this.kept.values()]) {
      try {
        await this.apply(entry);
      } catch (err) {
        this.options.onStoreError?.(err);
        return;
      }
      this.forget(entry);
      if (!entry.cleanup) this.options.logger?.info({ taskId: entry.record?.id }, 'a kept paid outcome was written to the store');
    }
  }

  private async apply(entry: OutboxEntry): Promise<void> {
    const { registry, idempotency, budgets, ownership } = this.targets;
    if (entry.record) await need(registry, 'registry').remember(entry.record, { ifNew: true });
    if (entry.owned) await need(ownership, 'ownership').record(entry.owned.tenant, entry.owned.ids, entry.at);
    if (entry.settle) {
      const { key, attempt, outcome, ttlMs, keyTtlMs } = entry.settle;
      await need(idempotency, 'idempotency').settle(key, attempt, outcome, ttlMs, keyTtlMs);
    }
    if (entry.release) await need(budgets, 'budgets').release(entry.release);
  }

  /** `mirror`: a new entry, to write to its file; else one read from a file an earlier process left (logged by `load`). */
  private keep(entry: OutboxEntry, mirror: boolean): void {
    if (entry.cleanup) this.dropOldCleanups();
    this.kept.set(entry.id, entry);
    if (entry.record) this.byTask.set(entry.record.id, entry);
    if (entry.settle && !entry.cleanup) this.byKey.set(entry.settle.key, entry);
    if (!entry.cleanup && mirror) {
      const file = this.mirror(entry);
      this.options.logger?.error(
        { taskId: entry.record?.id, waiting: this.size, file },
        'the store could not take a paid outcome: kept in the outbox until it can',
      );
    }
    this.schedule();
  }

  private forget(entry: OutboxEntry): void {
    this.kept.delete(entry.id);
    if (entry.record && this.byTask.get(entry.record.id) === entry) this.byTask.delete(entry.record.id);
    if (entry.settle && this.byKey.get(entry.settle.key) === entry) this.byKey.delete(entry.settle.key);
    if (this.options.dir && !entry.cleanup) rmSync(join(this.options.dir, `${entry.id}.json`), { force: true });
  }

  private dropOldCleanups(): void {
    const cleanups = [...this.kept.values()].filter((entry) => entry.cleanup);
    for (const entry of cleanups.slice(0, Math.max(0, cleanups.length - this.maxEntries + 1))) this.forget(entry);
  }

  /** Writes the entry's file (written whole, then renamed); where it cannot be written, memory holds it alone. */
  private mirror(entry: OutboxEntry): 'file' | 'memory only' {
    const { dir } = this.options;
    if (!dir) return 'memory only';
    const file = join(dir, `${entry.id}.json`);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(`${file}.tmp`, JSON.stringify(entry), { mode: 0o600, flush: true });
      renameSync(`${file}.tmp`, file);
      return 'file';
    } catch (err) {
      rmSync(`${file}.tmp`, { force: true });
      this.options.logger?.error(
        { err: { message: (err as Error).message, code: (err as NodeJS.ErrnoException).code } },
        'the outbox file could not be written: the outcome is kept in memory only until the store takes it',
      );
      return 'memory only';
    }
  }

  /** Reads the entries a stopped process left in the outbox directory; they are written at the first flush. */
  private load(): void {
    const { dir } = this.options;
    if (!dir) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // no directory: nothing was left
    }
    for (const name of names) {
      if (name.endsWith('.json.tmp')) rmSync(join(dir, name), { force: true });
      if (!fileName.test(name)) continue;
      try {
        const entry = JSON.parse(readFileSync(join(dir, name), 'utf8')) as OutboxEntry;
        if (`${entry.id}.json` !== name) continue;
        this.keep(entry, false);
        this.options.logger?.info(
          { taskId: entry.record?.id, file: name },
          'a paid outcome an earlier process left in the outbox: written to the store as soon as it takes it',
        );
      } catch (err) {
        this.options.logger?.error(
          { file: name, err: { message: (err as Error).message } },
          'an outbox file cannot be read; left in place',
        );
      }
    }
  }

  private schedule(): void {
    if (this.closed || this.timer || this.kept.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.retryMs ?? 500).unref();
  }
}

function need<T>(target: T | undefined, name: string): T {
  if (!target) throw new Error(`the outbox has no ${name} to write to`);
  return target;
}

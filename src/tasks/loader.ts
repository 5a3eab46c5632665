/**
 * Per-request task loading: DataLoader collapses repeated ids into one upstream read each, and at most
 * `concurrency` reads run at once. A task the registry knows to belong to another tenant is NOT_FOUND. A finished
 * task is read from the upstream once and then served from the finished-task cache (finished-cache.ts); a running
 * one is read at most once per freshness window (fresh-cache.ts). Every upstream read a caller causes is charged to
 * it first (`charge`: UPSTREAM_READS_PER_MINUTE_PER_CALLER).
 */
import DataLoader from 'dataloader';
import { GatewayError } from '../domain/errors.js';
import type { UpstreamClient } from '../upstream/client.js';
import type { TaskRecord } from '../domain/records.js';
import { familyOf } from '../domain/kinds.js';
import { isTerminal } from '../domain/status.js';
import type { ClipIndex } from './clip-locator.js';
import type { FinishedTasks } from './finished-cache.js';
import type { FreshTasks } from './fresh-cache.js';
import { noteObserved, type ObserveDeps } from './observe.js';
import { seesOnlyRecordedTasks } from '../domain/tenancy.js';
import { type Task } from '../domain/task.js';

export interface TaskLoaderDeps extends ObserveDeps {
  upstream: UpstreamClient;
  /** Unset: every read goes to the upstream. */
  finished?: FinishedTasks | undefined;
  /** Running tasks as last observed (TASK_READ_MAX_AGE_MS); unset: every read of a running task goes upstream. */
  fresh?: FreshTasks | undefined;
  /** Told the clips of every task read here from outside this instance's memory (for `node(id:)` of a clip). */
  clips?: ClipIndex | undefined;
}

/**
 * What a request's upstream reads must pass first (src/access/index.ts: readGuard): resolves when the read of `id`
 * may go out, else throws (RATE_LIMITED, or BAD_USER_INPUT past the request's bound on tasks without a record).
 */
export interface ReadGuard {
  /** Undefined when the read may go out at once (nothing to wait for). */
  admit(id: string, recorded: boolean): Promise<void> | undefined;
}

/** Where an observed state is kept for later reads: a final one for good, a running one for the freshness window. */
export function keepState(deps: Pick<TaskLoaderDeps, 'finished' | 'fresh'>, task: Task, tenant: string): void {
  if (isTerminal(task.status)) deps.finished?.put(task, tenant);
  deps.fresh?.put(task, tenant);
}

export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  // The common batch, one id (a page reading its task): no workers to set up.
  if (items.length === 1) return [await fn(items[0] as T)];
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Any task, as `tenant` may see it: from the finished-task cache, or a running one from the freshness window, else
 * from the upstream (kept for the next reads). A task another tenant submitted is NOT_FOUND without an upstream call.
 * `guard`, for a request, is what its upstream read must pass first (a poll, made for no one caller, passes none);
 * `window: false` (a watch's own poll) skips the freshness window.
 */
export async function loadTask(
  deps: TaskLoaderDeps,
  apiKey: string,
  tenant: string,
  id: string,
  guard?: ReadGuard,
  options: { window?: boolean } = {},
): Promise<Task> {
  const { finished } = deps;
  // A watch's own poll is made to learn news: it is not answered from the window (it still leaves its state there).
  const fresh = options.window === false ? undefined : deps.fresh;
  const kept = finished?.get(id, tenant) ?? fresh?.get(id, tenant);
  if (kept) return kept;
  const record = deps.registry.lookupKept?.(id) ?? (await deps.registry.lookup(id));
  if (record ? record.tenant !== tenant : seesOnlyRecordedTasks(tenant)) throw new GatewayError('NOT_FOUND', `Task ${id} was not found.`);
  // The shared copies are looked for only where one may exist: a finished task's not for a task its record says is
  // still running.
  const shared =
    (finished?.shared && (!record || isTerminal(record.status)) ? await finished.getShared(id, tenant) : undefined) ??
    (fresh?.shared && !(record && isTerminal(record.status)) ? await fresh.getShared(id, tenant) : undefined);
  if (shared) {
    deps.clips?.note(shared, tenant);
    return shared;
  }
  // With Redis, one instance reads a running task per window; the others wait for its observation.
  const turn = fresh?.shared && !(record && isTerminal(record.status)) ? await fresh.readOrWait(id, tenant) : undefined;
  if (turn && turn !== 'mine') {
    deps.clips?.note(turn, tenant);
    return turn;
  }
  let task: Task;
  try {
    const admission = guard?.admit(id, record !== undefined);
    if (admission) await admission;
    task = await readTask(deps.upstream, apiKey, id, record);
  } catch (err) {
    if (turn === 'mine') fresh?.readDone(id, true);
    throw err;
  }
  deps.clips?.note(task, tenant);
  if (record) await noteObserved(deps, record, task);
  keepState(deps, task, tenant);
  // Only now: another instance that misses from here on finds this observation instead of claiming a read.
  if (turn === 'mine') fresh?.readDone(id);
  return task;
}

/**
 * Reads a task from the upstream. The registry's kind says which family's endpoint holds it. A task the gateway has
 * no record of was not submitted through it: it is read once, from the Sonic endpoint (where tasks made elsewhere
 * live), not once per family, so that a list of unknown ids costs one read each. (A Producer task made elsewhere is
 * therefore NOT_FOUND; every task submitted through the gateway is recorded with its kind.)
 */
async function readTask(upstream: UpstreamClient, apiKey: string, id: string, record: TaskRecord | undefined): Promise<Task> {
  const snapshot = await upstream.getTask(apiKey, id, record ? familyOf(record.kind) : 'sonic');
  // Stamped once, when the read answered: every request that shared the read (the client's reads in flight) shows the
  // same observation, and a slow request does not make it look newer than it is.
  const observedAt = ((snapshot as Partial<Task>).observedAt ??= new Date().toISOString());
  return { ...snapshot, kind: record ? record.kind : 'UNKNOWN', observedAt };
}

/** `apiKey` is asked for only when a task is loaded, so a request without a key fails on the fields that need one. */
export function createTaskLoader(deps: TaskLoaderDeps, apiKey: () => string, tenant: string, guard?: ReadGuard, concurrency = 8) {
  return new DataLoader<string, Task>((ids) =>
    mapWithConcurrency(ids, concurrency, async (id) => {
      try {
        return await loadTask(deps, apiKey(), tenant, id, guard);
      } catch (err) {
        return err instanceof Error ? err : new Error(String(err));
      }
    }),
  );
}

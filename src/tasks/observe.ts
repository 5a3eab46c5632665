/**
 * The one place that records what the gateway observes of a task it submitted: its registry record follows the
 * state, and the call that sees it final does, once, what a finished task needs: its duration is kept for
 * completion estimates (successes only: a quick refusal says nothing of how long work takes), and a task that ended
 * FAILED gives its budget reservation back (the upstream refunds failed tasks). Called wherever a state arrives: a
 * read (the task loader, and so every poll), a webhook.
 */
import type { Logger } from 'pino';
import type { BudgetStore, DurationHistory } from '../store/types.js';
import type { TaskRecord, TaskRegistry } from '../domain/records.js';
import type { TaskStatus } from '../domain/status.js';

export interface ObserveDeps {
  registry: TaskRegistry;
  durations: DurationHistory;
  budgets: BudgetStore;
  logger: Logger;
}

/**
 * Notes that `record`'s task was seen in `status` at `at`. Writes nothing when the record already says so (the
 * common case of a read), and never throws: a state that could not be noted must not fail the read that saw it.
 */
export async function noteObserved(deps: ObserveDeps, record: TaskRecord, status: TaskStatus, at = Date.now()): Promise<void> {
  if (record.status === status || record.finishedAt !== undefined) return;
  try {
    if (!(await deps.registry.observe(record.id, status, at))) return;
    await Promise.all([
      status === 'SUCCEEDED' ? deps.durations.record(record.kind, at - record.createdAt, at) : undefined,
      status === 'FAILED' && record.reservationId ? deps.budgets.release(record.reservationId) : undefined,
    ]);
  } catch (err) {
    deps.logger.warn({ err, taskId: record.id, status }, 'could not record an observed task state');
  }
}

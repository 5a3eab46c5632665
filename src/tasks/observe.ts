/**
 * The one place that records what the gateway observes of a task it submitted: its registry record follows the
 * state, and the call that sees it final does, once, what a finished task needs: its duration is kept for
 * completion estimates (successes only: a quick refusal says nothing of how long work takes), and a task that ended
 * FAILED gives its budget reservation back (the upstream refunds failed tasks). What a finished task made (its clips
 * that succeeded, or the persona of a create-voice task) becomes its owner's (src/store OwnershipStore), so that its
 * owner, and only its owner, may work on it: every clip of a SUCCEEDED task, and the good clip of a song whose other
 * clip failed (the task is FAILED then, but that clip is there to extend or cover). Called wherever a state arrives:
 * a read (the task loader, and so every poll), a webhook.
 */
import type { Logger } from 'pino';
import type { BudgetStore, DurationHistory, OwnershipStore } from '../store/types.js';
import type { TaskRecord, TaskRegistry } from '../domain/records.js';
import type { OwnedId } from '../domain/ownership.js';
import type { TaskSnapshot } from '../domain/task.js';
import { isTerminal } from '../domain/status.js';

/** What an observation holds: its status, its clips, and the persona a finished create-voice task made. */
export type ObservedState = Pick<TaskSnapshot, 'status' | 'clips'> & { persona?: { id: string } | null };

/** What a finished task made, which its owner owns from then on: the clips that succeeded, and a persona. */
function madeBy(task: ObservedState): OwnedId[] {
  const made: OwnedId[] = [];
  for (const clip of task.clips) if (clip.status === 'SUCCEEDED') made.push({ kind: 'clip', id: clip.id });
  if (task.persona?.id) made.push({ kind: 'persona', id: task.persona.id });
  return made;
}

export interface ObserveDeps {
  registry: TaskRegistry;
  durations: DurationHistory;
  budgets: BudgetStore;
  ownership: OwnershipStore;
  logger: Logger;
}

/**
 * Notes that `record`'s task was seen as `task` (its status and clips) at `at`. Writes nothing when the record
 * already says so (the common case of a read), and never throws: a state that could not be noted must not fail the
 * read that saw it.
 *
 * What a finished task made is recorded before the record moves, and whenever a final state arrives from the
 * upstream (a write that changes nothing when they are known): if that write fails, the record stays unfinished and
 * the next observation tries again; and a task that finished before the gateway recorded owners gets what it made
 * recorded at its next upstream read.
 */
export async function noteObserved(deps: ObserveDeps, record: TaskRecord, task: ObservedState, at = Date.now()): Promise<void> {
  const { status } = task;
  try {
    if (isTerminal(status)) {
      const made = madeBy(task);
      if (made.length > 0) await deps.ownership.record(record.tenant, made, at);
    }
    if (record.status === status || record.finishedAt !== undefined) return;
    if (!(await deps.registry.observe(record.id, status, at))) return;
    await Promise.all([
      status === 'SUCCEEDED' ? deps.durations.record(record.kind, at - record.createdAt, at) : undefined,
      status === 'FAILED' && record.reservationId ? deps.budgets.release(record.reservationId) : undefined,
    ]);
  } catch (err) {
    deps.logger.warn({ err, taskId: record.id, status }, 'could not record an observed task state');
  }
}

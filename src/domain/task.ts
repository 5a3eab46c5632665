/**
 * A task as the gateway knows it: one upstream read of it (its clips and the status they add up to), and the
 * gateway's own view, which adds its kind.
 */
import type { Clip } from './clip.js';
import type { TaskKind } from './kinds.js';
import type { TaskStatus } from './status.js';

/** The persona a finished create-voice task made, for songs sung in that voice (docs/upstream.md §3.5). */
export interface TaskPersona {
  id: string;
  name: string | null;
}

/** One upstream read of a task: its clips and the status they add up to. */
export interface TaskSnapshot {
  id: string;
  status: TaskStatus;
  clips: Clip[];
  error: string | null;
  /** Set on a create-voice task that succeeded. */
  persona?: TaskPersona | null;
}

/** The answer to any submitting POST. */
export interface SubmittedTask {
  taskId: string;
}

/** The gateway's view of a task: an upstream snapshot plus what only the gateway knows (its kind). */
export interface Task extends TaskSnapshot {
  kind: TaskKind;
  /** When the gateway read this state (or received it by webhook), as ISO-8601; unset means "just now". */
  observedAt?: string;
}

/** A task just submitted: the upstream has only answered with its id. */
export function submittedTask(id: string, kind: TaskKind): Task {
  return { id, kind, status: 'PENDING', clips: [], error: null };
}

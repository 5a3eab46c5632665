/** The gateway's view of a task: an upstream snapshot plus what only the gateway knows (its kind). */
import { createHash } from 'node:crypto';
import type { TaskKind } from '../upstream/operations.js';
import type { TaskSnapshot } from '../upstream/types.js';

export interface Task extends TaskSnapshot {
  kind: TaskKind;
  /** When the gateway read this state (or received it by webhook), as ISO-8601; unset means "just now". */
  observedAt?: string;
}

/** A task just submitted: the upstream has only answered with its id. */
export function submittedTask(id: string, kind: TaskKind): Task {
  return { id, kind, status: 'PENDING', clips: [], error: null };
}

/** A stable, non-reversible name for the owner of an API key, safe to store and log. */
export function tenantOf(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('base64url').slice(0, 22);
}

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

const recentTenants = new Map<string, string>();

/**
 * A stable, non-reversible name for the owner of an API key, safe to store and log. Every request needs it (context,
 * rate limit), so the hashes of recently seen keys are kept; the map is cleared when it grows past 10,000 keys.
 */
export function tenantOf(apiKey: string): string {
  let tenant = recentTenants.get(apiKey);
  if (tenant === undefined) {
    tenant = createHash('sha256').update(apiKey).digest('base64url').slice(0, 22);
    if (recentTenants.size >= 10_000) recentTenants.clear();
    recentTenants.set(apiKey, tenant);
  }
  return tenant;
}

/** The tenant of a signed-in end user (tenantOf's names never hold a colon, so the two cannot meet). */
export const userTenant = (sub: string) => `user:${sub}`;

/**
 * Whether a tenant sees only the tasks recorded as its own. Signed-in users all spend the server's key, which can read
 * any task made with it, so a task the registry does not record as theirs is not theirs.
 */
export const seesOnlyRecordedTasks = (tenant: string) => tenant.startsWith('user:');

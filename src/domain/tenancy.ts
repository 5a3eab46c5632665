/**
 * Tenancy: who owns a task. A caller on its own API key is the fingerprint of that key; a signed-in end user is
 * `user:<sub>`. Signed-in users all spend the server's key, so they see only what is recorded as theirs.
 */
import { createHash } from 'node:crypto';

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

/**
 * What both engines must agree on, kept in one place: how long records live, what a task-list cursor looks like
 * (so a cursor stays valid whichever engine serves the next page), and which budget window a moment falls in.
 */
import { badInput } from '../domain/errors.js';
import type { BudgetPolicy, BudgetUsage } from './types.js';

/** How long a submitted task is remembered (its owner, kind, webhook secret; the tenant's task list). */
export const taskRecordMaxAgeMs = 30 * 24 * 3600_000;

/**
 * How long the gateway remembers that a tenant owns a clip, persona or vox id, from when it last recorded it: far
 * longer than a task record, since a user comes back to a song long after the task that made it.
 */
export const ownershipMaxAgeMs = 365 * 24 * 3600_000;

/** How many recent durations are kept per task kind. */
export const durationsKeptPerKind = 1_000;

/** How old a kept duration may be: estimates should follow what the upstream does now. */
export const durationMaxAgeMs = 30 * 24 * 3600_000;

/** How often the expired rows of the embedded engine are deleted. */
export const sweepIntervalMs = 10 * 60_000;

/** Sorts like the time it stands for, for the 300 millennia after 1970. */
const padded = (createdAt: number) => String(createdAt).padStart(16, '0');

/** The position of a task in its tenant's list: newest first, ties broken by id. */
export function listPosition(createdAt: number, id: string): string {
  return `${padded(createdAt)}:${id}`;
}

export function encodeCursor(createdAt: number, id: string): string {
  return Buffer.from(listPosition(createdAt, id)).toString('base64url');
}

/** The (createdAt, id) a cursor stands for; BAD_USER_INPUT for anything that is not a cursor of a task list. */
export function decodeCursor(cursor: string): { createdAt: number; id: string } {
  const match = /^(\d{16}):(.+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after: not a cursor from this list; pass the endCursor of the previous page.', 'after');
  return { createdAt: Number(match[1]), id: match[2] as string };
}

/** The fixed window `now` falls in: windows start at multiples of `windowMs` since the epoch. */
export function budgetWindow(policy: BudgetPolicy, now: number): { start: number; end: number } {
  const start = Math.floor(now / policy.windowMs) * policy.windowMs;
  return { start, end: start + policy.windowMs };
}

export function budgetUsage(policy: BudgetPolicy, used: number, resetsAt: number): BudgetUsage {
  return { limit: policy.limit, used, remaining: Math.max(0, policy.limit - used), resetsAt };
}

/** Credits are whole numbers; a reservation of anything else is a gateway bug, not a request to round. */
export function checkAmount(amount: number): void {
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`a budget reservation must be a whole number ≥ 0, not ${amount}`);
}

/**
 * Idempotency keys for paid work. The first request with a key (per tenant) runs; every later request with the
 * same key within the TTL gets its result without running again, also when they race it:
 * - while the first is in flight, the others wait for it and get its result (or its error);
 * - after it succeeded, they get the same result;
 * - after it failed in a way that surely created nothing (input refused, 4xx, upstream not reachable), the key is
 *   free again, and a new request runs;
 * - after it failed in a way that may have created a task (`taskMayExist`), they get that error for the whole TTL:
 *   only the client can decide to pay again, by sending a new key.
 * The same key with different arguments is refused as BAD_USER_INPUT.
 */
import { createHash, randomUUID } from 'node:crypto';
import { badInput, GatewayError } from '../domain/errors.js';
import type { IdempotencyRecord, IdempotencyStore, StoredError } from '../store/types.js';

export interface IdempotencyOptions {
  /** How long a key is remembered (24 h). */
  ttlMs?: number;
  /** Longest a first request may take; after it, an unfinished one counts as failed with unknown outcome. */
  leaseMs: number;
  /** How long a sure failure stays visible to the requests that waited on it. */
  failedTtlMs?: number;
  now?: () => number;
  /** A store failure after the work succeeded: the client still gets its result; replays may not. */
  onStoreError?: (err: unknown) => void;
}

export const idempotencyTtlMs = 24 * 3600_000;

/** A stable digest of a request's arguments: equal arguments, in any key order, give the same fingerprint. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const toStored = (error: GatewayError): StoredError => ({ code: error.code, message: error.message, details: error.details });
const fromStored = (error: StoredError, prefix = '') => new GatewayError(error.code, prefix + error.message, error.details);

const vanished: StoredError = {
  code: 'INTERNAL_SERVER_ERROR',
  message:
    'The first request with this idempotencyKey did not finish (its gateway stopped). It may have created a task, so ' +
    'it is not submitted again; send a new idempotencyKey to submit anew.',
  details: { taskMayExist: true },
};

export class Idempotency {
  private readonly ttlMs: number;
  private readonly failedTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly options: IdempotencyOptions,
  ) {
    this.ttlMs = options.ttlMs ?? idempotencyTtlMs;
    this.failedTtlMs = options.failedTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Runs `work` once per (scope, key) and fingerprint; see the module comment for what the others get. */
  async run<T>(scope: string, key: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    // A scope (a tenant, `user:<sub>`) may hold ":" and so may a key: ":" in the key is escaped ("%" is not a key
    // character), so that user "a" with key "x:k" and user "a:x" with key "k" never meet. Keys without ":" are stored
    // as before, so their records still answer after an upgrade.
    const storeKey = `${scope}:${key.replaceAll(':', '%3A')}`;
    for (;;) {
      const attempt = randomUUID();
      const pending = { state: 'pending' as const, fingerprint, attempt, leaseUntil: this.now() + this.options.leaseMs };
      const existing = await this.store.claim(storeKey, pending, this.ttlMs);
      if (!existing) return this.runFirst(storeKey, attempt, fingerprint, work);
      if (existing.fingerprint !== fingerprint) {
        throw badInput(
          'idempotencyKey: was already used with different arguments in the last 24 hours; use a new key for a new request.',
          'idempotencyKey',
        );
      }
      if (existing.state === 'done') return existing.result as T;
      if (existing.state === 'unknown') throw fromStored(existing.error, 'Replay of the first request with this idempotencyKey: ');
      if (existing.state === 'pending') {
        if (existing.leaseUntil <= this.now()) throw fromStored(vanished);
        const settled = await this.waitWhilePending(storeKey, existing.attempt, existing.leaseUntil);
        if (settled?.state === 'failed' && settled.attempt === existing.attempt) throw fromStored(settled.error);
      }
      // Settled or gone: claim again, which reads the outcome (or, after a sure failure, runs anew).
    }
  }

  private async runFirst<T>(storeKey: string, attempt: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await work();
    } catch (err) {
      // Anything but a GatewayError is a gateway bug; it may have struck after the upstream call, so assume the worst.
      const error =
        err instanceof GatewayError ? err : new GatewayError('INTERNAL_SERVER_ERROR', 'Unexpected error.', { taskMayExist: true });
      const outcome: IdempotencyRecord = error.details.taskMayExist
        ? { state: 'unknown', fingerprint, error: toStored(error) }
        : { state: 'failed', fingerprint, attempt, error: toStored(error) };
      await this.store.settle(storeKey, attempt, outcome, outcome.state === 'failed' ? this.failedTtlMs : null);
      throw err;
    }
    try {
      await this.store.settle(storeKey, attempt, { state: 'done', fingerprint, result }, null);
    } catch (err) {
      this.options.onStoreError?.(err);
    }
    return result;
  }

  /** Waits until the record leaves the pending state of `attempt`, or its lease ends; returns what it became. */
  private async waitWhilePending(storeKey: string, attempt: string, leaseUntil: number): Promise<IdempotencyRecord | null> {
    for (;;) {
      const record = await this.store.get(storeKey);
      if (!record || record.state !== 'pending' || record.attempt !== attempt) return record;
      const left = leaseUntil - this.now();
      if (left <= 0) return record;
      await this.store.waitForChange(storeKey, left);
    }
  }
}

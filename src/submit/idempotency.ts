/**
 * Paid work, once, and never without its record, across restarts and outages.
 *
 * Intent before payment: every paid request first writes its intent in the store (who, which operation, the input's
 * fingerprint, the budget reservation it will hold): for a request with an idempotencyKey that is the key's claim,
 * for one without, an intent under a fresh id. A request whose intent cannot be written (Redis unreachable, the disk
 * full or read-only), or that arrives while the store is known not to take writes, is refused with STORE_UNAVAILABLE
 * before anything is sent. Outcome kept until stored: the outcome (the task's record, the key's result, a reservation
 * to give back) goes through the outbox (src/store/outbox.ts), so once the upstream has answered, its answer is never
 * lost to a store that is down for a moment.
 *
 * For a key, the first request (per tenant) runs; every later one within the TTL gets its outcome without running again:
 * - while the first is in flight, the others wait for it and get its result (or its error): on this instance at once,
 *   on another as soon as the store has it;
 * - after it succeeded, they get the same result, from the outbox on this instance while the store cannot take it;
 * - after it failed in a way that surely created nothing (input refused, 4xx, upstream not reachable, nothing could be
 *   recorded), the key is free again, and a new request runs;
 * - after it failed in a way that may have created a task (`taskMayExist`), they get that error for the whole TTL;
 * - when its holder died mid-request (a crash, kill -9), they get `taskMayExist`, never a second POST: with SQLite at
 *   once (the holder's lock is gone), with Redis once its claim ran out. The claim lasts `leaseMs` (the longest a POST
 *   may wait for its answer: connect and upstream timeouts, plus slack) and is renewed every third of it while its
 *   holder lives, in the submit queue and during the POST alike, so a dead holder is known within `leaseMs`.
 * The same key with different arguments is refused as BAD_USER_INPUT.
 */
import { randomUUID } from 'node:crypto';
import { badInput, GatewayError, storeUnavailable } from '../domain/errors.js';
import type { OwnedId } from '../domain/ownership.js';
import type { TaskRecord } from '../domain/records.js';
import { Outbox, type OutboxEntry } from '../store/outbox.js';
import type { IdempotencyRecord, IdempotencyStore, Intent, PendingRecord, StoredError } from '../store/types.js';

export { fingerprintOf } from './fingerprint.js';

export interface IdempotencyOptions {
  /** How long a key is remembered (24 h). */
  ttlMs?: number;
  /** How long a claim lasts unless its holder renews it (it does, every third of it, while it runs). */
  leaseMs: number;
  /** How long a sure failure stays visible to the requests that waited on it. */
  failedTtlMs?: number;
  now?: () => number;
  /** Where outcomes go: the store at once, or kept until it takes them. Default: an outbox in memory. */
  outbox?: Outbox;
  /** Whether paid work can be recorded now (src/store/health.ts); while not, paid work is refused before its intent. */
  readiness?: () => { ready: true } | { ready: false; reason: string };
}

/** A paid request, as its intent records it. */
export interface PaidRequest {
  tenant: string;
  /** The upstream operation (its path). */
  operation: string;
  fingerprint: string;
  /** The client's idempotencyKey, or null. */
  key: string | null;
  /** The id its budget reservation will have, when a budget applies. */
  reservationId?: string;
}

/** What a paid request's work gives back: its result, and the record of the task it started, if any. */
export interface Sent<T> {
  result: T;
  record?: TaskRecord;
  /** What an answer-at-once gave its caller: recorded as theirs with the outcome (through the outbox). */
  owned?: { tenant: string; ids: OwnedId[] };
}

/** `first`: this call did the work (it is not a replay). */
export type Paid<T> = Sent<T> & { first: boolean };

export const idempotencyTtlMs = 24 * 3600_000;

/** The claim's lease: the longest a sent POST waits for its answer (connect, then the upstream's timeout), plus slack. */
export function claimLeaseMs(connectTimeoutMs: number, upstreamTimeoutMs: number): number {
  return connectTimeoutMs + upstreamTimeoutMs + 2_000;
}

/** A store step before anything is sent (the budget reservation): its failure refuses the request, nothing sent. */
export async function beforeSending<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    throw err instanceof GatewayError ? err : storeUnavailable();
  }
}

const toStored = (error: GatewayError): StoredError => ({ code: error.code, message: error.message, details: error.details });
const fromStored = (error: StoredError, prefix = '') => new GatewayError(error.code, prefix + error.message, error.details);
const replayPrefix = 'Replay of the first request with this idempotencyKey: ';

const vanished: StoredError = {
  code: 'INTERNAL_SERVER_ERROR',
  message:
    'The first request with this idempotencyKey did not finish (its gateway stopped while it was in flight). It may ' +
    'have created a task, which may be charged, so it is not submitted again; send a new idempotencyKey to submit (and pay) anew.',
  details: { taskMayExist: true },
};

const reusedKey = () =>
  badInput(
    'idempotencyKey: was already used with different arguments in the last 24 hours; use a new key for a new request.',
    'idempotencyKey',
  );

/** `user "a" with key "x:k"` and `user "a:x" with key "k"` never meet: ":" in a key is escaped ("%" is no key character). */
const storeKeyOf = (scope: string, key: string) => `${scope}:${key.replaceAll(':', '%3A')}`;

export class Idempotency {
  private readonly ttlMs: number;
  private readonly failedTtlMs: number;
  private readonly now: () => number;
  private readonly outbox: Outbox;
  /** Keyed requests this instance is running: its own replays wait for them here, whatever the store's state. */
  private readonly running = new Map<string, { fingerprint: string; done: Promise<Sent<unknown>> }>();

  constructor(
    private readonly store: IdempotencyStore,
    private readonly options: IdempotencyOptions,
  ) {
    this.ttlMs = options.ttlMs ?? idempotencyTtlMs;
    this.failedTtlMs = options.failedTtlMs ?? 60_000;
    this.now = options.now ?? Date.now;
    this.outbox = options.outbox ?? new Outbox({ idempotency: store });
  }

  /** Runs `work` once per (scope, key) and fingerprint, as the module comment says (e.g. webhook deliveries). */
  async run<T>(scope: string, key: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    const { result } = await this.once(storeKeyOf(scope, key), fingerprint, undefined, async () => ({ result: await work() }));
    return result;
  }

  /** A paid request: its intent first (or STORE_UNAVAILABLE, nothing sent), then `send` once, then its outcome. */
  async runPaid<T>(request: PaidRequest, send: () => Promise<Sent<T>>): Promise<Paid<T>> {
    const { tenant, operation, reservationId, fingerprint } = request;
    const intent: Intent = { tenant, operation, createdAt: this.now(), ...(reservationId ? { reservationId } : {}) };
    // A replay this instance can answer (its first request runs here, or its outcome waits in the outbox) is answered
    // whatever the store's state; anything else needs the store first.
    if (request.key !== null) return this.once(storeKeyOf(tenant, request.key), fingerprint, intent, send, () => this.gate());
    this.gate();
    // No key: the intent stands alone, under an id no client key can take ("~" is no key character).
    const attempt = randomUUID();
    const storeKey = `${tenant}:~${attempt}`;
    await this.claim(storeKey, this.pending(fingerprint, attempt, intent));
    return this.runFirst(storeKey, attempt, fingerprint, intent, false, send);
  }

  /** Refuses paid work while the store is known not to take writes (STORE_UNAVAILABLE, nothing sent). */
  private gate(): void {
    const state = this.options.readiness?.();
    if (state && !state.ready) throw storeUnavailable(state.reason);
  }

  private async once<T>(
    storeKey: string,
    fingerprint: string,
    intent: Intent | undefined,
    work: () => Promise<Sent<T>>,
    gate?: () => void,
  ): Promise<Paid<T>> {
    for (;;) {
      const local = this.running.get(storeKey);
      if (local) {
        if (local.fingerprint !== fingerprint) throw reusedKey();
        try {
          return { ...((await local.done) as Sent<T>), first: false };
        } catch (err) {
          // A sure failure reaches its waiters as it is; any other is read back as the key's replay.
          if (err instanceof GatewayError && !err.details.taskMayExist) throw err;
          continue;
        }
      }
      const kept = this.outbox.settled(storeKey);
      if (kept?.state === 'failed') throw storeUnavailable(); // the store has not yet taken that the key is free again
      if (!kept) gate?.();
      const attempt = randomUUID();
      const existing = kept ?? (await this.claim(storeKey, this.pending(fingerprint, attempt, intent)));
      // (Our own claim, written before a lost answer and sent again by the Redis client, is ours.)
      if (!existing || (existing.state === 'pending' && existing.attempt === attempt)) {
        return this.runFirst(storeKey, attempt, fingerprint, intent, true, work);
      }
      if (existing.fingerprint !== fingerprint) throw reusedKey();
      if (existing.state === 'done') return { result: existing.result as T, first: false };
      if (existing.state === 'unknown') throw fromStored(existing.error, replayPrefix);
      if (existing.state === 'pending') {
        const settled = await this.waitWhilePending(storeKey, existing.attempt);
        if (settled?.state === 'pending') throw fromStored(vanished);
        if (settled?.state === 'failed' && settled.attempt === existing.attempt) throw fromStored(settled.error);
      }
      // Settled or gone: look again, which reads the outcome (or, after a sure failure, runs anew).
    }
  }

  private pending(fingerprint: string, attempt: string, intent: Intent | undefined): PendingRecord {
    return { state: 'pending', fingerprint, attempt, leaseUntil: this.now() + this.options.leaseMs, ...(intent ? { intent } : {}) };
  }

  /** Writes the intent (the claim); a store that fails refuses the request before anything is sent. */
  private async claim(storeKey: string, pending: PendingRecord): Promise<IdempotencyRecord | null> {
    try {
      return await this.store.claim(storeKey, pending, this.ttlMs);
    } catch {
      // The claim may have been written before the failure: free the key again once the store is back.
      const outcome: IdempotencyRecord = {
        state: 'failed',
        fingerprint: pending.fingerprint,
        attempt: pending.attempt,
        error: toStored(storeUnavailable()),
      };
      void this.outbox.write({
        id: pending.attempt,
        at: this.now(),
        cleanup: true,
        settle: { key: storeKey, attempt: pending.attempt, outcome, ttlMs: this.failedTtlMs },
      });
      throw storeUnavailable();
    }
  }

  private async runFirst<T>(
    storeKey: string,
    attempt: string,
    fingerprint: string,
    intent: Intent | undefined,
    keyed: boolean,
    work: () => Promise<Sent<T>>,
  ): Promise<Paid<T>> {
    let resolve!: (sent: Sent<T>) => void;
    let reject!: (err: unknown) => void;
    const done = new Promise<Sent<T>>((res, rej) => ((resolve = res), (reject = rej)));
    done.catch(() => undefined);
    if (keyed) this.running.set(storeKey, { fingerprint, done });
    const renewal = keyed ? this.renewWhileRunning(storeKey, attempt) : undefined;
    const entry = (rest: Partial<OutboxEntry>): OutboxEntry => ({ id: attempt, at: this.now(), ...rest });
    try {
      let sent: Sent<T>;
      try {
        sent = await work();
      } catch (err) {
        // Anything but a GatewayError is a gateway bug; it may have struck after the upstream call, so assume the worst.
        const error =
          err instanceof GatewayError ? err : new GatewayError('INTERNAL_SERVER_ERROR', 'Unexpected error.', { taskMayExist: true });
        const mayExist = Boolean(error.details.taskMayExist);
        const outcome: IdempotencyRecord = mayExist
          ? { state: 'unknown', fingerprint, error: toStored(error) }
          : { state: 'failed', fingerprint, attempt, error: toStored(error) };
        // Surely unspent: the reservation goes back (a second release, or one never made, does nothing).
        const release = !mayExist && intent?.reservationId ? { release: intent.reservationId } : {};
        await this.outbox.write(
          entry({
            settle: { key: storeKey, attempt, outcome, ttlMs: mayExist ? null : this.failedTtlMs, keyTtlMs: this.ttlMs },
            ...release,
          }),
        );
        this.running.delete(storeKey);
        reject(err);
        throw err;
      }
      const outcome: IdempotencyRecord = { state: 'done', fingerprint, result: sent.result };
      const ttlMs = keyed ? null : this.failedTtlMs; // an intent without a key is kept only for its waiters' sake
      await this.outbox.write(
        entry({
          ...(sent.record ? { record: sent.record } : {}),
          ...(sent.owned ? { owned: sent.owned } : {}),
          settle: { key: storeKey, attempt, outcome, ttlMs, keyTtlMs: this.ttlMs },
        }),
      );
      this.running.delete(storeKey);
      resolve(sent);
      return { ...sent, first: true };
    } finally {
      clearInterval(renewal);
    }
  }

  /** Renews the claim every third of its lease while its work runs (queued for a send slot, sending, awaiting the answer). */
  private renewWhileRunning(storeKey: string, attempt: string): NodeJS.Timeout {
    const { leaseMs } = this.options;
    const renew = () => void this.store.renew(storeKey, attempt, this.now() + leaseMs).catch(() => undefined);
    return setInterval(renew, Math.max(50, Math.floor(leaseMs / 3))).unref();
  }

  /** Waits until the key leaves the pending state of `attempt`, or its lease ends; returns what it became. */
  private async waitWhilePending(storeKey: string, attempt: string): Promise<IdempotencyRecord | null> {
    for (;;) {
      const kept = this.outbox.settled(storeKey);
      if (kept) return kept;
      let record: IdempotencyRecord | null;
      try {
        record = await this.store.get(storeKey);
      } catch {
        throw storeUnavailable('the outcome of the first request with this idempotencyKey cannot be read now');
      }
      if (!record || record.state !== 'pending' || record.attempt !== attempt) return record;
      // The holder renews its lease while it lives: the lease read now is the one to wait for.
      const left = record.leaseUntil - this.now();
      if (left <= 0) return record;
      await this.store.waitForChange(storeKey, left);
    }
  }
}

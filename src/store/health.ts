/**
 * Whether this instance can record paid work now. /health answers it to the load balancer (503 with the reason while
 * it cannot), and the paid submit refuses new work while it cannot (STORE_UNAVAILABLE, nothing sent), so that no task
 * is paid for that the gateway could not remember. It cannot while:
 * - the last write probe failed (`Stores.probe`: Redis unreachable or refusing writes; DATA_DIR full or read-only),
 *   or a real write failed since the last good probe;
 * - outcomes of paid work wait in the outbox (outbox.ts) for the store to take them.
 * The probe runs every `intervalMs` while all is well and every `retryMs` while not, and at once after a failed
 * write, so /health turns 503 at the first failed write and 200 again about `retryMs` after the store takes writes.
 * A full disk is found by the probe's own write (a row of gateway.db and a file of DATA_DIR), never assumed away.
 */
import type { Logger } from 'pino';
import type { Outbox } from './outbox.js';
import { writeFailure } from './sqlite/database.js';
import type { Stores } from './types.js';

export type StoreState = { ready: true } | { ready: false; reason: string };

export interface StoreHealthOptions {
  /** Between probes while the store takes writes (2 s). */
  intervalMs?: number;
  /** Between probes while it does not (500 ms). */
  retryMs?: number;
  logger?: Logger;
}

/** What a failed write says, in words safe for /health and logs (never an address, never the error's own text). */
export function describeFailure(engine: Stores['engine'], err: unknown): string {
  if (engine === 'sqlite') {
    const kind = writeFailure(err);
    if (kind === 'full') return "DATA_DIR's disk is full";
    if (kind === 'read-only') return 'DATA_DIR is read-only';
    return 'gateway.db refused a write';
  }
  const message = err instanceof Error ? err.message : '';
  if (message.startsWith('OOM')) return 'Redis refuses writes (out of memory)';
  if (message.startsWith('MISCONF')) return 'Redis refuses writes (it cannot save to disk)';
  if (message.startsWith('READONLY')) return 'Redis refuses writes (a read-only replica)';
  return 'Redis is unreachable';
}

export class StoreHealth {
  private failure: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | undefined;
  private closed = false;
  private readonly intervalMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly stores: Pick<Stores, 'engine' | 'probe'>,
    private readonly outbox: Outbox,
    private readonly options: StoreHealthOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 2_000;
    this.retryMs = options.retryMs ?? 500;
    void this.probe();
  }

  /** Ready, or why paid work cannot be recorded now. */
  state(): StoreState {
    const waiting = this.outbox.size;
    const outcomes = `${waiting} paid outcome${waiting === 1 ? ' waits' : 's wait'}`;
    if (this.failure) return { ready: false, reason: waiting ? `${this.failure}; ${outcomes} for it` : this.failure };
    if (this.outbox.full) return { ready: false, reason: `the outbox is full: ${outcomes} for the store` };
    if (waiting) return { ready: false, reason: `${outcomes} for the store` };
    return { ready: true };
  }

  /** A real write failed: not ready until a probe succeeds (one is made at once). */
  failed(err: unknown): void {
    this.note(describeFailure(this.stores.engine, err));
    this.schedule(0);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private probe(): Promise<void> {
    this.probing ??= this.stores
      .probe()
      .then(
        () => {
          if (this.failure) this.options.logger?.info('the store takes writes again: paid work is accepted');
          this.failure = undefined;
          if (this.outbox.size) void this.outbox.flush();
        },
        (err: unknown) => this.note(describeFailure(this.stores.engine, err)),
      )
      .finally(() => {
        this.probing = undefined;
        this.schedule(this.failure || this.outbox.size ? this.retryMs : this.intervalMs);
      });
    return this.probing;
  }

  private note(failure: string): void {
    if (this.failure !== failure) this.options.logger?.warn({ reason: failure }, 'the store cannot record paid work: it is refused');
    this.failure = failure;
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.probe();
    }, ms).unref();
  }
}

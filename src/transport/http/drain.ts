/**
 * Graceful shutdown of the HTTP server: report draining (/health 503), stop accepting connections, let the requests in flight finish (keep-alive
 * connections are closed after their current response), run the other closers (e.g. the WebSocket server) at the
 * same time, and after `timeoutMs` cut whatever is left.
 */
import type { Server, ServerResponse } from 'node:http';

/** Where a response sits in `Drain.inFlight` while it is tracked. */
const slot = Symbol('drain slot');
type Tracked = ServerResponse & { [slot]?: number | undefined };

export class Drain {
  /**
   * The responses in flight, as an array with swap-removal rather than a Set: a Set that every request adds to and
   * deletes from is rehashed every few dozen requests, and each table it leaves behind (in the old generation until the
   * next full GC) still points at the responses that were in flight. The young-generation GC takes those pointers as
   * roots, so nearly every request's objects were copied and promoted: 3.2 KB per request and 12 µs of scavenge per
   * request under running-task reads, against 0.1 KB and 4 µs without (bench/RESULTS.md, benchmark 1, window off).
   */
  private readonly inFlight: Tracked[] = [];
  private readonly closers: (() => void | Promise<void>)[] = [];
  private idle: (() => void) | undefined;
  draining = false;

  /** One listener for every response's `close` (the response is `this`), not a closure per request. */
  private readonly closed: (this: ServerResponse) => void;

  constructor(private readonly server: Server) {
    const drain = this;
    this.closed = function (this: ServerResponse) {
      drain.untrack(this);
    };
  }

  /** Counts a response as in flight until it is finished or its connection closes. */
  track(res: ServerResponse): void {
    if (this.draining) res.setHeader('connection', 'close');
    (res as Tracked)[slot] = this.inFlight.push(res) - 1;
    res.on('close', this.closed);
  }

  private untrack(res: Tracked): void {
    const at = res[slot];
    if (at === undefined) return;
    res[slot] = undefined;
    const last = this.inFlight.pop() as Tracked;
    if (last !== res) {
      this.inFlight[at] = last;
      last[slot] = at;
    }
    if (!this.draining) return;
    this.server.closeIdleConnections();
    if (this.inFlight.length === 0) this.idle?.();
  }

  /** Something else to close on shutdown, in parallel with the HTTP drain (e.g. graphql-ws `dispose`). */
  onClose(closer: () => void | Promise<void>): void {
    this.closers.push(closer);
  }

  get pending(): number {
    return this.inFlight.length;
  }

  /**
   * `delayMs`: how long to keep accepting (with /health at 503, so a load balancer stops sending traffic) before
   * the listener closes. `timeoutMs`: how long requests in flight then get to finish. `onTimeout`: called when that
   * time is up, to make the requests still running answer now (e.g. stop waiting for the upstream); they get up to
   * `graceMs` more to send that answer before their connections are cut.
   */
  async close(timeoutMs: number, delayMs = 0, onTimeout?: () => void, graceMs = 1_000): Promise<void> {
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const finished = this.inFlight.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.idle = resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const others = Promise.allSettled(this.closers.map(async (close) => close()));
    const done = Promise.all([finished, others]);
    if ((await Promise.race([done, timedOut])) === 'timeout' && onTimeout && this.inFlight.length > 0) {
      onTimeout();
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    }
    clearTimeout(timer);
    // Whatever is still open now is cut; idle keep-alive connections go too.
    this.server.closeAllConnections();
    await closed;
  }
}

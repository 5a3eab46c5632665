/**
 * Graceful shutdown of the HTTP server: report draining (/health 503), stop accepting connections, let the requests in flight finish (keep-alive
 * connections are closed after their current response), run the other closers (e.g. the WebSocket server) at the
 * same time, and after `timeoutMs` cut whatever is left.
 */
import type { Server, ServerResponse } from 'node:http';

export class Drain {
  private readonly inFlight = new Set<ServerResponse>();
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
    this.inFlight.add(res);
    res.on('close', this.closed);
  }

  private untrack(res: ServerResponse): void {
    this.inFlight.delete(res);
    if (!this.draining) return;
    this.server.closeIdleConnections();
    if (this.inFlight.size === 0) this.idle?.();
  }

  /** Something else to close on shutdown, in parallel with the HTTP drain (e.g. graphql-ws `dispose`). */
  onClose(closer: () => void | Promise<void>): void {
    this.closers.push(closer);
  }

  get pending(): number {
    return this.inFlight.size;
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
    const finished = this.inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (this.idle = resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const others = Promise.allSettled(this.closers.map(async (close) => close()));
    const done = Promise.all([finished, others]);
    if ((await Promise.race([done, timedOut])) === 'timeout' && onTimeout && this.inFlight.size > 0) {
      onTimeout();
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    }
    clearTimeout(timer);
    // Whatever is still open now is cut; idle keep-alive connections go too.
    this.server.closeAllConnections();
    await closed;
  }
}

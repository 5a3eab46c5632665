/**
 * Caps on what a caller holds open: subscriptions, per caller (API key or user) and per client IP, across every
 * socket and SSE stream of this instance (the per-socket cap is the WebSocket adapter's, from graphql-ws's own
 * count); and graphql-ws sockets, per caller (an idle socket costs memory and a place, and one user could otherwise
 * hold any number). Each open thing holds one place in each of its buckets until it ends.
 */
import { GatewayError } from '../domain/errors.js';

export class SubscriptionCaps {
  private readonly open = new Map<string, number>();

  /** `refusal`: what a caller over the cap is told (the default speaks of subscriptions). */
  constructor(
    private readonly perCaller: number,
    private readonly refusal = `Too many open subscriptions: at most ${perCaller} per caller. Complete one before subscribing again.`,
  ) {}

  /** Takes a place in each bucket and returns the way to give them back (once), or RATE_LIMITED when one is full. */
  acquire(buckets: readonly string[]): (() => void) | GatewayError {
    if (buckets.some((bucket) => (this.open.get(bucket) ?? 0) >= this.perCaller)) {
      return new GatewayError('RATE_LIMITED', this.refusal);
    }
    for (const bucket of buckets) this.open.set(bucket, (this.open.get(bucket) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const bucket of buckets) {
        const left = (this.open.get(bucket) ?? 1) - 1;
        if (left > 0) this.open.set(bucket, left);
        else this.open.delete(bucket);
      }
    };
  }
}

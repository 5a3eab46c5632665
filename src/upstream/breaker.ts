/**
 * A circuit breaker for one upstream origin. After `failureThreshold` consecutive upstream faults it opens: calls
 * fail at once with UPSTREAM_UNAVAILABLE instead of waiting on a failing upstream. After `cooldownMs` it lets one
 * probe through (half-open); the probe's success closes it, its failure opens it again for another cooldown.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
  onStateChange?: (state: BreakerState) => void;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private current: BreakerState = 'closed';
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Whether a call may go out now. A `true` in half-open state makes that call the probe. */
  tryAcquire(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.now() - this.openedAt < this.options.cooldownMs) return false;
      this.transition('half-open');
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Milliseconds until an open breaker lets a probe through. */
  retryAfterMs(): number {
    return this.current === 'open' ? Math.max(0, this.options.cooldownMs - (this.now() - this.openedAt)) : 0;
  }

  /** The outcome of a call that `tryAcquire` let through. */
  record(outcome: 'success' | 'fault' | 'neutral'): void {
    const wasProbe = this.current === 'half-open' && this.probing;
    if (wasProbe) this.probing = false;
    if (outcome === 'success') {
      this.failures = 0;
      if (this.current !== 'closed') this.transition('closed');
    } else if (outcome === 'fault') {
      this.failures += 1;
      if (wasProbe || this.failures >= this.options.failureThreshold) {
        this.openedAt = this.now();
        this.transition('open');
      }
    } else if (wasProbe) {
      // The upstream answered (e.g. 4xx): it is up.
      this.failures = 0;
      this.transition('closed');
    }
  }

  private transition(state: BreakerState): void {
    if (state === this.current) return;
    this.current = state;
    if (state !== 'half-open') this.probing = false;
    this.options.onStateChange?.(state);
  }
}

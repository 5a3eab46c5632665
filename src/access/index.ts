/**
 * The access rules, in one place for every transport (as graphql-ws keeps its protocol in one core with thin
 * adapters): who the caller is, whether its browser origin may call, whether an operation is within the rate limit,
 * and whether it may open another subscription. The HTTP adapter (src/transport/http/admit.ts, used by yoga and the fast
 * path) and the WebSocket adapter (src/transport/websocket/server.ts) only carry these verdicts to their clients.
 */
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { GatewayError } from '../domain/errors.js';
import { clientIp, identify, type Caller, type RequestFacts } from './caller.js';
import { OriginPolicy } from './origin.js';
import { OperationLimiter } from './rate-limit.js';
import { TokenVerifier } from './sign-in.js';
import { SubscriptionCaps } from './subscriptions.js';
import { UpstreamReadLimiter } from './upstream-reads.js';
import { UnrecordedReads } from './unrecorded-reads.js';
import type { ReadGuard } from '../tasks/loader.js';

export type { Caller, RequestFacts } from './caller.js';

export class Access {
  /** Whether callers must sign in (AUTH_JWT_SECRET or AUTH_JWKS_URL). */
  readonly signIn: boolean;
  readonly maxSubscriptionsPerSocket: number;
  private readonly verifier: TokenVerifier | undefined;
  private readonly origins: OriginPolicy;
  private readonly limiter: OperationLimiter;
  private readonly caps: SubscriptionCaps;
  private readonly reads: UpstreamReadLimiter;
  private readonly sockets: SubscriptionCaps;

  constructor(
    private readonly config: Config,
    redis?: Redis,
  ) {
    this.verifier = config.auth ? new TokenVerifier(config.auth) : undefined;
    this.signIn = this.verifier !== undefined;
    this.origins = new OriginPolicy(config.corsOrigins, config.publicUrl);
    this.limiter = new OperationLimiter({ perCaller: config.limits.ratePerMinute, perIp: config.limits.ratePerIpPerMinute }, redis);
    this.caps = new SubscriptionCaps(config.limits.maxSubscriptionsPerCaller);
    this.reads = new UpstreamReadLimiter(config.limits.upstreamReadsPerMinute, redis);
    const perCaller = config.limits.maxSocketsPerCaller;
    this.sockets = new SubscriptionCaps(
      perCaller,
      `Too many open sockets: at most ${perCaller} per caller. Close one before opening another.`,
    );
    this.maxSubscriptionsPerSocket = config.limits.maxSubscriptionsPerSocket;
  }

  /** Whether a request with this `Origin` (undefined: not a browser) may be served (src/access/origin.ts). */
  originAllowed(origin: string | undefined): boolean {
    return this.origins.allows(origin);
  }

  /** Whether the origin is named in CORS_ORIGINS (a site the deployer trusts by name, not by `*`). */
  originListed(origin: string): boolean {
    return this.origins.lists(origin);
  }

  /** Whether the origin is the gateway's own, by the configuration (PUBLIC_URL, else loopback names). */
  originIsOwn(origin: string): boolean {
    return this.origins.isOwn(origin);
  }

  /** Whether a `Host` header names the gateway as configured (PUBLIC_URL's host, else a loopback name). */
  hostIsOwn(host: string | undefined): boolean {
    return this.origins.isOwnHost(host);
  }

  /** The caller; with sign-in on, UNAUTHENTICATED (thrown) unless it carries a valid token. */
  identify(facts: RequestFacts): Promise<Caller> {
    return identify(facts, this.config, this.verifier);
  }

  /**
   * Counts a request whose credential was refused (a bad token) against its IP's rate limit, as any operation: a
   * client trying tokens is limited like one trying keys. The error to answer with instead when it is over it.
   */
  countRefused(facts: RequestFacts): Promise<GatewayError | undefined> {
    return this.limiter.take(`ip:${clientIp(facts.remoteAddress, facts.forwardedFor, this.config.trustProxy)}`, undefined);
  }

  /** Counts one operation against the caller's rate limits; the error to answer with when it is over them. */
  admit(caller: Caller): Promise<GatewayError | undefined> {
    return this.limiter.take(`ip:${caller.ip}`, caller.identity);
  }

  /**
   * What one request's upstream reads of tasks must pass first: each counts against the caller's upstream reads per
   * minute (UPSTREAM_READS_PER_MINUTE_PER_CALLER, src/access/upstream-reads.ts), and one of a task the gateway has no
   * record of also against the request's bound and the caller's rate limits (src/access/unrecorded-reads.ts).
   */
  readGuard(caller: Caller): ReadGuard {
    const unrecorded = new UnrecordedReads(() => this.admit(caller));
    const pass = async (id: string, recorded: boolean) => {
      if (!recorded) await unrecorded.admit(id);
      const refusal = await this.reads.take(caller);
      if (refusal) throw refusal;
    };
    // A recorded task's read with no per-caller read limit has nothing to wait for: no promise to await.
    return { admit: (id, recorded) => (recorded && !this.reads.limited ? undefined : pass(id, recorded)) };
  }

  /** Takes a place for one more open graphql-ws socket (per user or key; per IP without); its release, or RATE_LIMITED. */
  openSocket(caller: Caller): (() => void) | GatewayError {
    return this.sockets.acquire([caller.identity ?? `ip:${caller.ip}`]);
  }

  /** Takes a place for one more open subscription; returns its release, or RATE_LIMITED. */
  openSubscription(caller: Caller): (() => void) | GatewayError {
    return this.caps.acquire(caller.identity ? [`ip:${caller.ip}`, caller.identity] : [`ip:${caller.ip}`]);
  }
}

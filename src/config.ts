/**
 * Configuration from the environment, validated once at start with messages that say what to fix, and frozen: what
 * only start-up can know (where the in-process sandbox listens, this process's own address) is filled in by
 * `resolveConfig` before any service is built, never written into a Config afterwards.
 */
import type { z } from 'zod';
import { normalize as normalizeOrigin } from './access/origin.js';
import type { ClipAccess } from './domain/ownership.js';
import type { BudgetPolicy } from './store/types.js';
import { defaultUpstreamUrl, envSchema } from './settings.js';
import { brandOf, loadCostTable, type Brand, type CostTable } from './upstream/prices.js';

export interface Config {
  port: number;
  host: string;
  /** Where the upstream is; in sandbox mode, the in-process sandbox's address (`resolveConfig`). */
  upstreamUrl: string;
  /** The server's own key, used when a request brings none. */
  apiKey: string | undefined;
  /** Run on the built-in sandbox: SANDBOX=true, or (SANDBOX unset) no key and no upstream URL were given. */
  sandbox: boolean;
  /** SANDBOX was set to true: the sandbox was asked for, not fallen back to. */
  sandboxAskedFor: boolean;
  sandboxPort: number;
  sandboxTaskMs: number;
  /** Added by the in-process sandbox before each API answer, to try the gateway against a distant upstream. */
  sandboxLatencyMs: number;
  connectTimeoutMs: number;
  upstreamTimeoutMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Total time for one upstream read with its retries. */
  readDeadlineMs: number;
  readAttempts: number;
  /** First backoff ceiling; it doubles per attempt (full jitter), up to 2 s. */
  retryBaseMs: number;
  breakerFailureThreshold: number;
  breakerCooldownMs: number;
  /**
   * Set: every store (task registry, idempotency keys, budgets, durations) and the live events and poll leases are in
   * this Redis, shared by the instances. Unset: the stores are in SQLite in `dataDir`, and one instance serves.
   */
  redisUrl: string | undefined;
  /** Where the embedded engine keeps its database (created at start); unused with Redis. */
  dataDir: string;
  /** Paid POSTs per minute per upstream key, queued in order; undefined: not paced. */
  submitsPerMinute: number | undefined;
  /** The longest a paid POST waits for its turn before RATE_LIMITED. */
  submitMaxWaitMs: number;
  /** How often a watched task is read from the upstream (the upstream recommends 15-25 s). */
  pollIntervalMs: number;
  /** The gateway's public address (PUBLIC_URL): the upstream's webhooks, the browser origin policy. */
  publicUrl: string | undefined;
  /**
   * Where tasks ask the upstream to send webhooks: PUBLIC_URL, or, with the in-process sandbox, this process's own
   * loopback address (`resolveConfig`, once src/main.ts has bound its listener). Unset: no webhooks, polling only.
   */
  webhookBaseUrl: string | undefined;
  limits: Limits;
  /** Browser origins allowed to call the API (HTTP, SSE, WebSocket) besides the gateway's own; `['*']` allows any. */
  corsOrigins: string[];
  /** How many proxies in front of the gateway append to X-Forwarded-For (0: the header is not believed). */
  trustProxy: number;
  /** End-user sign-in with JWTs; unset: callers bring API keys (or use the server's). */
  auth: AuthConfig | undefined;
  /**
   * `owner`: every clip, persona and vox id a caller gives must be recorded as its own (src/submit/ownership.ts);
   * `any`: ids are not checked. CLIP_ACCESS, by default `owner` with sign-in and `any` without.
   */
  clipAccess: ClipAccess;
  /** Credits each signed-in user may spend per window (USER_CREDIT_BUDGET per USER_BUDGET_WINDOW); unset: no budget. */
  userBudget: BudgetPolicy | undefined;
  /** Where /metrics is served: a port of its own, else the public one. */
  metricsPort: number | undefined;
  /** WEBHOOK_SIGNING_KEY: what webhook secrets are derived from (else a key file in DATA_DIR). Never log it. */
  webhookSigningKey: string | undefined;
  /** A bearer token /metrics requires, when set. Never log it. */
  metricsToken: string | undefined;
  /** How long requests in flight get at shutdown; by default long enough for a paid POST just sent to be answered. */
  shutdownTimeoutMs: number;
  /** How long /health reports 503 before the listener closes (time for a load balancer to notice). */
  shutdownDelayMs: number;
  /** OpenTelemetry: on when `endpoint` (OTLP/HTTP) is set; `sampleRatio` of new traces (a caller's sampled flag wins). */
  tracing: { endpoint: string | undefined; sampleRatio: number; serviceName: string };
  /** Trusted documents: `only` refuses every other document; `file` is the manifest (else operations/generated's). */
  persistedOperations: { only: boolean; file: string | undefined };
  /** Finished tasks (immutable upstream) kept in memory, and in Redis when set; bytes 0 turns the cache off. */
  finishedTaskCache: { maxBytes: number; ttlMs: number };
  /** How old an observation of a running task may be when a read is answered from it (TASK_READ_MAX_AGE_MS); 0: off. */
  taskReadMaxAgeMs: number;
  /** The prices in force (src/upstream/prices.ts): the host's brand's, OPERATION_COSTS_FILE's over them. */
  operationCosts: { brand: Brand; file: string | undefined; table: CostTable };
  /** Serve the Apollo Federation subgraph schema (`_service`, `_entities`, `@key` on Task and Clip) instead of the plain one. */
  federation: boolean;
  /** Operations one HTTP request may carry as a JSON array (each counted on its own); 0 refuses batches. */
  maxBatchOperations: number;
}

export interface Limits {
  allowIntrospection: boolean;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxBodyBytes: number;
  /** GraphQL operations per minute per caller (API key or user); 0 turns the limit off. */
  ratePerMinute: number;
  /** GraphQL operations per minute per client IP address, whatever key or user it uses; 0 turns it off. */
  ratePerIpPerMinute: number;
  maxSubscriptionsPerSocket: number;
  /** Open subscriptions per caller and per IP address, over every socket and SSE stream of this instance. */
  maxSubscriptionsPerCaller: number;
  /** Upstream reads a caller's requests may cause per minute (UPSTREAM_READS_PER_MINUTE_PER_CALLER); 0 turns it off. */
  upstreamReadsPerMinute: number;
  /** Open graphql-ws sockets per caller (user or own key; per IP address for callers on the server's key), per instance. */
  maxSocketsPerCaller: number;
}

export interface AuthConfig {
  /** HS256 secret (AUTH_JWT_SECRET) or the URL of a JSON Web Key Set (AUTH_JWKS_URL): exactly one is set. */
  jwtSecret?: string;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** A claim that makes a user an admin: its name, and the value it must have (else `true`). */
  adminClaim?: { name: string; value?: string };
  /** AUTH_MAX_TOKEN_AGE: the oldest a token's `iat` may be, in seconds; unset: any age until `exp`. */
  maxTokenAgeSeconds?: number;
}

/** The bearer token the gateway uses against its own in-process sandbox when nobody sends a key. */
export const sandboxApiKey = 'sandbox-demo-key';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A frozen copy of `value`, and of every object and array it holds. */
function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The configuration with what start-up learnt once it ran (the in-process sandbox's URL, the address the sandbox's
 * webhooks reach this process at), frozen. src/main.ts calls it before building any service.
 */
export function resolveConfig(config: Config, resolved: { upstreamUrl: string; webhookBaseUrl: string | undefined }): Config {
  return deepFreeze({ ...config, upstreamUrl: resolved.upstreamUrl, webhookBaseUrl: resolved.webhookBaseUrl });
}

/** The price table in force; a bad OPERATION_COSTS_FILE stops the start with a message that names what is wrong. */
function operationCostsOf(upstreamUrl: string, file: string | undefined): Config['operationCosts'] {
  const brand = brandOf(upstreamUrl);
  try {
    return { brand, file, table: loadCostTable(brand, file) };
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  OPERATION_COSTS_FILE: ${(err as Error).message}`);
  }
}

/** The configuration the environment gives, frozen (see `resolveConfig` for what only start-up can add). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // A variable set to the empty string (`PORT=` in a compose file) is unset, for every setting: never a 0 by coercion.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const noUpstream = !e.AIMUSICAPI_API_KEY && !e.AIMUSICAPI_BASE_URL;
  // Unset, the sandbox runs when no upstream is given (`npm start` on a developer's machine); the Docker image sets
  // SANDBOX=false, so that a container whose key was forgotten refuses to start rather than serve simulated songs.
  if (e.SANDBOX === false && noUpstream) {
    throw new ConfigError(
      'Invalid configuration:\n  AIMUSICAPI_API_KEY: not set, and SANDBOX=false (as the Docker image sets it): the gateway does not ' +
        'run on the simulated sandbox unless asked. Set AIMUSICAPI_API_KEY to your upstream key, or SANDBOX=true to run the sandbox on purpose',
    );
  }
  if (e.SANDBOX === true && !noUpstream) {
    throw new ConfigError(
      'Invalid configuration:\n  SANDBOX: true runs the simulated sandbox, but AIMUSICAPI_API_KEY or AIMUSICAPI_BASE_URL names a real upstream: unset one or the other',
    );
  }
  const sandbox = e.SANDBOX ?? noUpstream;
  if (e.AUTH_JWT_SECRET && e.AUTH_JWKS_URL)
    throw new ConfigError('Invalid configuration:\n  AUTH_JWT_SECRET and AUTH_JWKS_URL: set one, not both');
  const signIn = Boolean(e.AUTH_JWT_SECRET || e.AUTH_JWKS_URL);
  if (signIn && !e.AIMUSICAPI_API_KEY && !sandbox) {
    throw new ConfigError(
      'Invalid configuration:\n  AIMUSICAPI_API_KEY: required with sign-in (AUTH_JWT_SECRET or AUTH_JWKS_URL): signed-in users spend the server key',
    );
  }
  const [adminName, adminValue] = e.AUTH_ADMIN_CLAIM?.split(/=(.*)/s) ?? [];
  return deepFreeze({
    port: e.PORT,
    host: e.HOST,
    upstreamUrl: e.AIMUSICAPI_BASE_URL ?? defaultUpstreamUrl,
    apiKey: e.AIMUSICAPI_API_KEY ?? (sandbox ? sandboxApiKey : undefined),
    sandbox,
    sandboxAskedFor: e.SANDBOX === true,
    sandboxPort: e.SANDBOX_PORT,
    sandboxTaskMs: e.SANDBOX_TASK_MS,
    sandboxLatencyMs: e.SANDBOX_LATENCY_MS,
    connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    readDeadlineMs: e.UPSTREAM_READ_DEADLINE_MS,
    readAttempts: e.UPSTREAM_READ_ATTEMPTS,
    retryBaseMs: e.UPSTREAM_RETRY_BASE_MS,
    breakerFailureThreshold: e.BREAKER_FAILURE_THRESHOLD,
    breakerCooldownMs: e.BREAKER_COOLDOWN_MS,
    redisUrl: e.REDIS_URL,
    dataDir: e.DATA_DIR,
    submitsPerMinute: e.UPSTREAM_SUBMITS_PER_MINUTE,
    submitMaxWaitMs: e.UPSTREAM_SUBMIT_MAX_WAIT_MS,
    pollIntervalMs: e.POLL_INTERVAL_MS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    webhookBaseUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    limits: {
      allowIntrospection: e.ALLOW_INTROSPECTION,
      maxDepth: e.MAX_QUERY_DEPTH,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxTokens: e.MAX_QUERY_TOKENS,
      maxCost: e.MAX_QUERY_COST,
      maxBodyBytes: e.MAX_BODY_BYTES,
      ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
      ratePerIpPerMinute: e.RATE_LIMIT_PER_IP_PER_MINUTE ?? e.RATE_LIMIT_PER_MINUTE,
      maxSubscriptionsPerSocket: e.MAX_SUBSCRIPTIONS_PER_SOCKET,
      maxSubscriptionsPerCaller: e.MAX_SUBSCRIPTIONS_PER_CALLER,
      upstreamReadsPerMinute: e.UPSTREAM_READS_PER_MINUTE_PER_CALLER,
      maxSocketsPerCaller: e.MAX_SOCKETS_PER_CALLER,
    },
    // As browsers send an Origin (lower case, no trailing slash), so that yoga's CORS headers match what is allowed.
    corsOrigins: e.CORS_ORIGINS.split(',').map(normalizeOrigin).filter(Boolean),
    trustProxy: e.TRUST_PROXY,
    auth: signIn
      ? {
          ...(e.AUTH_JWT_SECRET ? { jwtSecret: e.AUTH_JWT_SECRET } : {}),
          ...(e.AUTH_JWKS_URL ? { jwksUrl: e.AUTH_JWKS_URL } : {}),
          ...(e.AUTH_ISSUER ? { issuer: e.AUTH_ISSUER } : {}),
          ...(e.AUTH_AUDIENCE ? { audience: e.AUTH_AUDIENCE } : {}),
          ...(adminName ? { adminClaim: adminValue ? { name: adminName, value: adminValue } : { name: adminName } } : {}),
          ...(e.AUTH_MAX_TOKEN_AGE ? { maxTokenAgeSeconds: Math.floor(e.AUTH_MAX_TOKEN_AGE / 1000) } : {}),
        }
      : undefined,
    clipAccess: e.CLIP_ACCESS ?? (signIn ? 'owner' : 'any'),
    userBudget: e.USER_CREDIT_BUDGET ? { limit: e.USER_CREDIT_BUDGET, windowMs: e.USER_BUDGET_WINDOW } : undefined,
    metricsPort: e.METRICS_PORT,
    metricsToken: e.METRICS_TOKEN,
    webhookSigningKey: e.WEBHOOK_SIGNING_KEY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS ?? e.UPSTREAM_CONNECT_TIMEOUT_MS + e.UPSTREAM_TIMEOUT_MS,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    persistedOperations: { only: e.PERSISTED_OPERATIONS_ONLY, file: e.PERSISTED_OPERATIONS_FILE },
    tracing: { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, sampleRatio: e.OTEL_TRACES_SAMPLER_ARG, serviceName: e.OTEL_SERVICE_NAME },
    finishedTaskCache: { maxBytes: Math.round(e.FINISHED_TASK_CACHE_MB * 1024 * 1024), ttlMs: e.FINISHED_TASK_CACHE_TTL_MS },
    taskReadMaxAgeMs: e.TASK_READ_MAX_AGE_MS,
    operationCosts: operationCostsOf(e.AIMUSICAPI_BASE_URL ?? defaultUpstreamUrl, e.OPERATION_COSTS_FILE),
    federation: e.FEDERATION,
    maxBatchOperations: e.MAX_BATCH_OPERATIONS,
  });
}

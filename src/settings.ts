/**
 * Every setting the gateway reads from the environment, as one zod schema: its type, its bounds and its default,
 * with the message a wrong value gets. src/config.ts turns what it parses into the frozen Config; docs/configuration.md
 * documents each setting (test/docs.test.ts fails when one is missing there).
 */
import { z } from 'zod';

export const defaultUpstreamUrl = 'https://api.aimusicapi.ai';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const millis = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const durationUnits = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
/** A duration such as "12h": a number and a unit (ms, s, m, h, d), at least 1 s; in milliseconds. */
const duration = (examples: string) =>
  z
    .string()
    .regex(/^\d+(ms|s|m|h|d)$/, `must be a duration such as ${examples}`)
    .transform((v) => Number(/^\d+/.exec(v)![0]) * durationUnits[/[a-z]+$/.exec(v)![0] as keyof typeof durationUnits])
    .refine((ms) => ms >= 1000, 'must be at least 1 s');

export const envSchema = z.object({
  PORT: port(4000),
  HOST: z.string().default('0.0.0.0'),
  AIMUSICAPI_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  AIMUSICAPI_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(8).optional()),
  SANDBOX_PORT: port(0),
  SANDBOX_TASK_MS: millis(20_000),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  UPSTREAM_CONNECT_TIMEOUT_MS: millis(5_000),
  UPSTREAM_TIMEOUT_MS: millis(30_000),
  POLL_INTERVAL_MS: millis(15_000),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  UPSTREAM_SUBMITS_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(60_000).optional()),
  UPSTREAM_SUBMIT_MAX_WAIT_MS: z.coerce.number().int().min(0).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  UPSTREAM_READ_DEADLINE_MS: millis(20_000),
  UPSTREAM_READ_ATTEMPTS: count(3),
  UPSTREAM_RETRY_BASE_MS: millis(200),
  BREAKER_FAILURE_THRESHOLD: count(5),
  BREAKER_COOLDOWN_MS: millis(10_000),
  ALLOW_INTROSPECTION: z.stringbool().default(true),
  MAX_QUERY_DEPTH: count(10),
  MAX_QUERY_ALIASES: count(15),
  MAX_QUERY_TOKENS: count(2_000),
  MAX_QUERY_COST: count(5_000),
  MAX_BODY_BYTES: count(100_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_PER_IP_PER_MINUTE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).optional()),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: z
    .preprocess(emptyAsUndefined, z.union([z.enum(['true', 'false']), z.coerce.number().int().min(0).max(10)]).default('false'))
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : v)),
  MAX_SUBSCRIPTIONS_PER_SOCKET: count(50),
  MAX_SUBSCRIPTIONS_PER_CALLER: count(200),
  AUTH_JWT_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit secret)').optional(),
  ),
  AUTH_JWKS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  AUTH_ISSUER: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_AUDIENCE: z.preprocess(emptyAsUndefined, z.string().optional()),
  AUTH_ADMIN_CLAIM: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[^=\s]+(=.+)?$/, 'must be "<claim>" or "<claim>=<value>"')
      .optional(),
  ),
  // Who may use which ids, webhook keys, token age, open sockets, and whether the sandbox may run: one block.
  CLIP_ACCESS: z.preprocess(emptyAsUndefined, z.enum(['owner', 'any']).optional()),
  WEBHOOK_SIGNING_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  AUTH_MAX_TOKEN_AGE: z.preprocess(emptyAsUndefined, duration('"1h", "30m", "86400s"').optional()),
  MAX_SOCKETS_PER_CALLER: count(50),
  SANDBOX: z.preprocess(emptyAsUndefined, z.stringbool().optional()),
  USER_CREDIT_BUDGET: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).optional()),
  USER_BUDGET_WINDOW: z
    .string()
    .regex(/^\d+(ms|s|m|h|d)$/, 'must be a duration such as "1d", "12h", "30m"')
    .default('1d')
    .transform((v) => Number(/^\d+/.exec(v)![0]) * durationUnits[/[a-z]+$/.exec(v)![0] as keyof typeof durationUnits])
    .refine((ms) => ms >= 1000, 'must be at least 1 s'),
  METRICS_PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).optional()),
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).optional()),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(0),
  PERSISTED_OPERATIONS_ONLY: z.stringbool().default(false),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  OTEL_SERVICE_NAME: z.string().min(1).default('aimusic-graphql'),
  PERSISTED_OPERATIONS_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  FINISHED_TASK_CACHE_MB: z.coerce.number().min(0).default(64),
  FINISHED_TASK_CACHE_TTL_MS: millis(3_600_000),
  TASK_READ_MAX_AGE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  UPSTREAM_READS_PER_MINUTE_PER_CALLER: z.coerce.number().int().min(0).default(300),
  // Prices (src/upstream/prices.ts): the brand's published table, or an operator's figures over it.
  OPERATION_COSTS_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  // What frontend and platform teams reach for (docs/configuration.md, "Federation and batching").
  FEDERATION: z.stringbool().default(false),
  MAX_BATCH_OPERATIONS: z.coerce.number().int().min(0).max(100).default(0),
});

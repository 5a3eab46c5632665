/** Configuration from the environment, validated once at start with messages that say what to fix. */
import { z } from 'zod';

export const defaultUpstreamUrl = 'https://api.aimusicapi.ai';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const millis = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const envSchema = z.object({
  PORT: port(4000),
  HOST: z.string().default('0.0.0.0'),
  AIMUSICAPI_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  AIMUSICAPI_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(8).optional()),
  SANDBOX_PORT: port(0),
  SANDBOX_TASK_MS: millis(20_000),
  UPSTREAM_CONNECT_TIMEOUT_MS: millis(5_000),
  UPSTREAM_TIMEOUT_MS: millis(30_000),
  POLL_INTERVAL_MS: millis(15_000),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Where the upstream is; in sandbox mode, filled in once the in-process sandbox listens. */
  upstreamUrl: string;
  /** The server's own key, used when a request brings none. */
  apiKey: string | undefined;
  /** No key and no upstream URL were given: run on the built-in sandbox. */
  sandbox: boolean;
  sandboxPort: number;
  sandboxTaskMs: number;
  connectTimeoutMs: number;
  upstreamTimeoutMs: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** How often a watched task is read from the upstream (the upstream recommends 15-25 s). */
  pollIntervalMs: number;
  /** The gateway's address as the upstream reaches it, for webhooks; unset: no webhooks, polling only. */
  publicUrl: string | undefined;
  /** Redis for the task registry, live events and poll leases across instances; unset: memory, one instance. */
  redisUrl: string | undefined;
}

/** The bearer token the gateway uses against its own in-process sandbox when nobody sends a key. */
export const sandboxApiKey = 'sandbox-demo-key';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const sandbox = !e.AIMUSICAPI_API_KEY && !e.AIMUSICAPI_BASE_URL;
  return {
    port: e.PORT,
    host: e.HOST,
    upstreamUrl: e.AIMUSICAPI_BASE_URL ?? defaultUpstreamUrl,
    apiKey: e.AIMUSICAPI_API_KEY ?? (sandbox ? sandboxApiKey : undefined),
    sandbox,
    sandboxPort: e.SANDBOX_PORT,
    sandboxTaskMs: e.SANDBOX_TASK_MS,
    connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    pollIntervalMs: e.POLL_INTERVAL_MS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    redisUrl: e.REDIS_URL,
  };
}

/** The long-lived parts of a gateway process, built once from the configuration. */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { Idempotency } from './idempotency/idempotency.js';
import { MemoryIdempotencyStore } from './idempotency/memory.js';
import { RedisIdempotencyStore } from './idempotency/redis.js';
import { createMetrics, type Metrics } from './metrics.js';
import { MemoryTaskRegistry, type TaskRegistry } from './tasks/registry.js';
import { UpstreamClient } from './upstream/client.js';

export interface Services {
  config: Config;
  upstream: UpstreamClient;
  registry: TaskRegistry;
  logger: Logger;
  metrics: Metrics;
  idempotency: Idempotency;
  /** The shared Redis connection, when REDIS_URL is set. */
  redis: Redis | undefined;
}

export function createServices(config: Config, logger: Logger): Services {
  const metrics = createMetrics();
  const upstream = new UpstreamClient({
    baseUrl: config.upstreamUrl,
    connectTimeoutMs: config.connectTimeoutMs,
    headersTimeoutMs: config.upstreamTimeoutMs,
    bodyTimeoutMs: config.upstreamTimeoutMs,
    retry: { deadlineMs: config.readDeadlineMs, maxAttempts: config.readAttempts, baseDelayMs: config.retryBaseMs },
    breaker: { failureThreshold: config.breakerFailureThreshold, cooldownMs: config.breakerCooldownMs },
    onCall: (call) => {
      metrics.recordUpstreamCall(call);
      logger.debug({ upstream: call }, 'upstream call');
    },
    onBreakerChange: (state) => logger.warn({ breaker: state }, `upstream circuit breaker ${state}`),
  });
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: false }) : undefined;
  redis?.on('error', (err: Error) => logger.error({ err: { message: err.message } }, 'redis connection error'));
  const idempotency = new Idempotency(redis ? new RedisIdempotencyStore(redis) : new MemoryIdempotencyStore(), {
    // The longest a submit can take: connection (with retries of unsent ones), headers and body.
    leaseMs: config.readDeadlineMs + config.connectTimeoutMs + 2 * config.upstreamTimeoutMs,
    onStoreError: (err) => logger.error({ err }, 'idempotency store failed to record a result'),
  });
  return { config, upstream, registry: new MemoryTaskRegistry(), logger, metrics, idempotency, redis };
}

export async function closeServices(services: Services): Promise<void> {
  await services.upstream.close();
  await services.redis?.quit().catch(() => services.redis?.disconnect());
}

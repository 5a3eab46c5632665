/** The long-lived parts of a gateway process, built once from the configuration. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Access } from '../access/index.js';
import type { Config } from '../config.js';
import type { Services } from '../context.js';
import { claimLeaseMs, Idempotency } from '../submit/idempotency.js';
import { pollPolicy } from '../domain/backoff.js';
import { MemoryTaskEventBus, RedisTaskEventBus, type TaskEventBus } from '../live/bus.js';
import { pollLeaseMs, RedisPollLease, soleInstanceLease, type PollLease } from '../live/lease.js';
import { LiveTasks } from '../live/live-tasks.js';
import { RecentClips } from '../tasks/clip-locator.js';
import { FinishedTasks } from '../tasks/finished-cache.js';
import { FreshTasks } from '../tasks/fresh-cache.js';
import { sameForEveryKind } from '../domain/estimate.js';
import { loadTask } from '../tasks/loader.js';
import { ProgressEstimates } from '../tasks/progress.js';
import { RecentRecords } from '../tasks/record-cache.js';
import { createMetrics } from '../observability/metrics.js';
import { StoreHealth } from '../store/health.js';
import { KeptOwnership } from '../store/kept-ownership.js';
import { KeptRegistry } from '../store/kept-registry.js';
import { UnreadableAnswers } from '../observability/unreadable.js';
import { openStores } from '../store/open.js';
import { Outbox } from '../store/outbox.js';
import type { Stores } from '../store/types.js';
import type { Tracing } from '../observability/tracing.js';
import { UpstreamClient } from '../upstream/client.js';
import { localSlots, RedisSlots, SubmitPacer } from '../upstream/pacing.js';
import { loadWebhookKey } from './webhook-key.js';

/**
 * ioredis, loaded from node_modules when REDIS_URL asks for it: a gateway without Redis does not load (or bundle
 * into its start-up) a client it never uses.
 */
const requireHere = createRequire(import.meta.url);

function connectRedis(url: string, role: string, logger: Logger): Redis {
  const { Redis: RedisClient } = requireHere('ioredis') as typeof import('ioredis');
  const redis = new RedisClient(url, {
    maxRetriesPerRequest: 2,
    connectionName: `aimusic-graphql-${role}`,
    // Reconnect at most every 500 ms (ioredis's default grows to 2 s): while Redis is down, every command waits for
    // up to maxRetriesPerRequest reconnections before it fails, and a request that runs several (rate limit, claim,
    // registry) would otherwise wait many seconds for its answer.
    retryStrategy: (times: number) => Math.min(times * 50, 500),
  });
  // ioredis reconnects by itself; an error event without a listener would only be printed.
  redis.on('error', (err: Error) => logger.warn({ err: { message: err.message }, role }, 'redis connection error'));
  return redis;
}

/**
 * Builds the services. `stores` is for benchmarks and tests that bring their own; by default they are opened from
 * the configuration (which throws a StoreOpenError naming DATA_DIR when it cannot hold them).
 */
export function createServices(config: Config, logger: Logger, tracing?: Tracing, stores?: Stores): Services {
  const metrics = createMetrics();
  const unreadable = new UnreadableAnswers(metrics, logger, [config.apiKey, config.metricsToken, config.auth?.jwtSecret]);
  let redis: Services['redis'];
  if (config.redisUrl) {
    redis = {
      commands: connectRedis(config.redisUrl, 'commands', logger),
      subscriber: connectRedis(config.redisUrl, 'events', logger),
    };
  }
  let webhookKey: Uint8Array | undefined;
  try {
    stores ??= openStores(config, redis?.commands, logger);
    webhookKey = loadWebhookKey(config, redis !== undefined, logger);
  } catch (err) {
    if (redis) for (const connection of Object.values(redis)) connection.disconnect();
    throw err;
  }
  const pacer = config.submitsPerMinute
    ? new SubmitPacer(config.submitsPerMinute, config.submitMaxWaitMs, redis ? new RedisSlots(redis.commands) : localSlots())
    : undefined;
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
    onUnreadable: ({ operation, error, body, secrets }) => unreadable.report(operation, error, body, secrets),
    ...(pacer ? { pacer } : {}),
    ...(tracing ? { tracing } : {}),
  });
  const recent = new RecentRecords(stores.registry);
  // Outcomes the store cannot take yet wait here, mirrored in DATA_DIR/outbox (with Redis too: the one local disk).
  const outbox = new Outbox(
    { registry: recent, idempotency: stores.idempotency, budgets: stores.budgets, ownership: stores.ownership },
    { dir: join(config.dataDir, 'outbox'), logger, onStoreError: (err) => health.failed(err) },
  );
  const health = new StoreHealth(stores, outbox, { logger });
  // Reads see the records still waiting in the outbox, before the cache and the store.
  const registry = new KeptRegistry(recent, outbox);
  let bus: TaskEventBus = new MemoryTaskEventBus();
  let lease: PollLease = soleInstanceLease;
  if (redis) {
    bus = new RedisTaskEventBus(redis.commands, redis.subscriber, logger);
    lease = new RedisPollLease(redis.commands, pollLeaseMs(config.pollIntervalMs));
  }
  const idempotency = new Idempotency(stores.idempotency, {
    // Renewed while the request runs (in the submit queue too), so only a dead holder's claim runs out.
    leaseMs: claimLeaseMs(config.connectTimeoutMs, config.upstreamTimeoutMs),
    outbox,
    readiness: () => health.state(),
  });
  const { maxBytes, ttlMs } = config.finishedTaskCache;
  const finished = maxBytes > 0 ? new FinishedTasks({ maxBytes, ttlMs, logger, ...(redis ? { redis: redis.commands } : {}) }) : undefined;
  const maxAgeMs = config.taskReadMaxAgeMs;
  const fresh =
    maxAgeMs > 0
      ? new FreshTasks({
          maxAgeMs,
          logger,
          ...(redis ? { redis: redis.commands, subscriber: redis.subscriber } : {}),
          onFinished: (task, tenant) => finished?.put(task, tenant),
        })
      : undefined;
  const live = new LiveTasks({
    read: (apiKey, tenant, id, poll, admission) => loadTask(services, apiKey, tenant, id, admission, { window: !poll }),
    registry,
    finished,
    bus,
    lease,
    policy: pollPolicy(config.pollIntervalMs),
    logger,
  });
  metrics.gauge(
    'aimusic_finished_task_cache_bytes',
    'Bytes of finished tasks kept in memory (their JSON size).',
    () => finished?.bytes ?? 0,
  );
  metrics.gauge('aimusic_live_watched_tasks', 'Tasks this instance watches now (each has at most one poll loop).', () => live.watched);
  metrics.gauge('aimusic_store_ready', 'Whether this instance can record paid work now (1), as /health says; 0 while it refuses it.', () =>
    health.state().ready ? 1 : 0,
  );
  metrics.gauge('aimusic_outbox_outcomes', 'Outcomes of paid work waiting in the outbox for the store to take them.', () => outbox.size);
  const services: Services = {
    config,
    upstream,
    registry,
    budgets: stores.budgets,
    durations: stores.durations,
    // What the outbox holds counts as owned on this instance until the store has it.
    ownership: new KeptOwnership(stores.ownership, outbox),
    ...(webhookKey ? { webhookKey } : {}),
    stores,
    outbox,
    health,
    ...(finished ? { finished } : {}),
    ...(fresh ? { fresh } : {}),
    clips: new RecentClips(),
    logger,
    metrics,
    unreadable,
    idempotency,
    access: new Access(config, redis?.commands),
    live,
    progress: new ProgressEstimates(registry, stores.durations, logger, {
      // On the in-process sandbox every task takes SANDBOX_TASK_MS, so its first estimates are right from the start.
      ...(config.sandbox ? { defaults: sameForEveryKind(config.sandboxTaskMs) } : {}),
    }),
    ...(redis ? { redis } : {}),
    ...(tracing ? { tracing } : {}),
  };
  return services;
}

export async function closeServices(services: Services): Promise<void> {
  await services.live.close();
  await services.upstream.close();
  services.health.close();
  await services.outbox.close();
  await services.stores.close();
  await services.tracing?.shutdown();
  if (services.redis) {
    const { commands, subscriber } = services.redis;
    await Promise.all([commands.quit().catch(() => commands.disconnect()), subscriber.quit().catch(() => subscriber.disconnect())]);
  }
}

/** The long-lived parts of a gateway process, built once from the configuration. */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { pollPolicy } from './live/backoff.js';
import { MemoryTaskEventBus, RedisTaskEventBus, type TaskEventBus } from './live/bus.js';
import { RedisPollLease, soleInstanceLease, type PollLease } from './live/lease.js';
import { LiveTasks } from './live/live-tasks.js';
import { loadTask } from './tasks/loader.js';
import { RedisTaskRegistry } from './tasks/redis-registry.js';
import { MemoryTaskRegistry, type TaskRegistry } from './tasks/registry.js';
import { UpstreamClient } from './upstream/client.js';

export interface Services {
  config: Config;
  upstream: UpstreamClient;
  registry: TaskRegistry;
  logger: Logger;
  /** Live task updates: subscriptions, their polls, and states pushed by webhooks. */
  live: LiveTasks;
  /** The Redis connections, when REDIS_URL is set (commands; pub/sub subscriber). */
  redis?: { commands: Redis; subscriber: Redis };
}

function connectRedis(url: string, role: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, connectionName: `aimusic-graphql-${role}` });
  // ioredis reconnects by itself; an error event without a listener would only be printed.
  redis.on('error', (err: Error) => logger.warn({ err: { message: err.message }, role }, 'redis connection error'));
  return redis;
}

export function createServices(config: Config, logger: Logger): Services {
  const upstream = new UpstreamClient({
    baseUrl: config.upstreamUrl,
    connectTimeoutMs: config.connectTimeoutMs,
    headersTimeoutMs: config.upstreamTimeoutMs,
    bodyTimeoutMs: config.upstreamTimeoutMs,
    onCall: (call) => logger.debug({ upstream: call }, 'upstream call'),
  });
  let registry: TaskRegistry = new MemoryTaskRegistry();
  let bus: TaskEventBus = new MemoryTaskEventBus();
  let lease: PollLease = soleInstanceLease;
  let redis: Services['redis'];
  if (config.redisUrl) {
    redis = {
      commands: connectRedis(config.redisUrl, 'commands', logger),
      subscriber: connectRedis(config.redisUrl, 'events', logger),
    };
    registry = new RedisTaskRegistry(redis.commands);
    bus = new RedisTaskEventBus(redis.commands, redis.subscriber, logger);
    lease = new RedisPollLease(redis.commands);
  }
  const live = new LiveTasks({
    read: (apiKey, tenant, id) => loadTask(services, apiKey, tenant, id),
    registry,
    bus,
    lease,
    policy: pollPolicy(config.pollIntervalMs, config.upstreamTimeoutMs),
    logger,
  });
  const services: Services = { config, upstream, registry, logger, live, ...(redis ? { redis } : {}) };
  return services;
}

export async function closeServices(services: Services): Promise<void> {
  await services.live.close();
  await services.upstream.close();
  if (services.redis) await Promise.all([services.redis.commands.quit(), services.redis.subscriber.quit()]);
}

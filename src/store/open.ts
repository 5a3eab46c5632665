/** Picks the engine: Redis when the gateway has a Redis connection (REDIS_URL), else SQLite in DATA_DIR. */
import { resolve } from 'node:path';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RedisStores } from './redis/index.js';
import { databaseFile } from './sqlite/database.js';
import { openSqliteStores } from './sqlite/index.js';
import type { Stores } from './types.js';

export { StoreOpenError } from './sqlite/index.js';

export function openStores(config: { dataDir: string }, redis: Redis | undefined, logger: Logger): Stores {
  if (redis) return new RedisStores(redis);
  const stores = openSqliteStores(config.dataDir, { logger });
  logger.info(`Task registry, idempotency keys and budgets are kept in ${resolve(config.dataDir, databaseFile)} (DATA_DIR).`);
  return stores;
}

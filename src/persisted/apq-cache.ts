/**
 * Where automatic persisted queries (Apollo's protocol) keep the documents clients registered: the trusted manifest
 * first (its hashes always resolve, for everyone), then a bounded in-memory LRU, or Redis when REDIS_URL is set so
 * that a hash one instance learned serves on every instance. A registered document is its tenant's: it may hold what
 * a user typed (lyrics, ids), so another tenant asking for its hash misses (and sends the document, as the protocol
 * has it) rather than learning that someone ran it. A store fault is not the client's: a lookup that fails is a miss
 * (the client then sends the document again) and a registration that fails is skipped (the request still runs).
 */
import type { APQStore } from '@graphql-yoga/plugin-apq';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';

/** Registered documents kept in memory, counted in characters (a document is at most MAX_BODY_BYTES). */
const memoryBudgetChars = 10_000_000;
/** How long Redis keeps a registered document after its last registration. */
const redisTtlSeconds = 24 * 60 * 60;
const redisPrefix = 'aimusic:apq:';

interface TextStore {
  get(hash: string): Promise<string | undefined | null> | string | undefined;
  set(hash: string, document: string): Promise<unknown> | unknown;
}

function memoryStore(): TextStore {
  const cache = new LRUCache<string, string>({ maxSize: memoryBudgetChars, sizeCalculation: (document) => Math.max(1, document.length) });
  return { get: (hash) => cache.get(hash), set: (hash, document) => cache.set(hash, document) };
}

function redisStore(redis: Redis): TextStore {
  return {
    get: (hash) => redis.get(redisPrefix + hash),
    set: (hash, document) => redis.set(redisPrefix + hash, document, 'EX', redisTtlSeconds),
  };
}

/** The store a tenant's requests see: a hash is 64 hex digits, so `<hash>:<tenant>` never reads as another pair. */
export type TenantAPQStores = (tenant: string) => APQStore;

export function createAPQStore(manifest: ReadonlyMap<string, string>, logger: Logger, redis?: Redis): TenantAPQStores {
  const registered = redis ? redisStore(redis) : memoryStore();
  return (tenant) => scoped(manifest, registered, logger, (hash) => `${hash}:${tenant}`);
}

function scoped(manifest: ReadonlyMap<string, string>, registered: TextStore, logger: Logger, keyOf: (hash: string) => string): APQStore {
  return {
    async get(hash) {
      const trusted = manifest.get(hash);
      if (trusted !== undefined) return trusted;
      try {
        return (await registered.get(keyOf(hash))) ?? null;
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, 'persisted query lookup failed; treated as not found');
        return null;
      }
    },
    async set(hash, document) {
      if (manifest.has(hash)) return;
      try {
        await registered.set(keyOf(hash), document);
      } catch (err) {
        logger.warn({ err: { message: (err as Error).message } }, 'persisted query registration failed');
      }
    },
  };
}

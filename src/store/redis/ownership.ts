/**
 * Ownership of clips, personas and vox ids in Redis, shared by every gateway instance: one set per id
 * (`aimusic:owners:<kind>:<id>`) whose members are its owners' tenant names. Each recording renews the set's expiry
 * to `ownershipMaxAgeMs` from then, so an id is forgotten a year after anyone last recorded it.
 */
import type { Redis } from 'ioredis';
import type { OwnedId } from '../../domain/ownership.js';
import { ownershipMaxAgeMs } from '../rules.js';
import type { OwnershipStore } from '../types.js';

export class RedisOwnershipStore implements OwnershipStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'aimusic:owners:',
    private readonly maxAgeMs = ownershipMaxAgeMs,
  ) {}

  async record(tenant: string, ids: readonly OwnedId[], at: number): Promise<void> {
    if (ids.length === 0) return;
    const transaction = this.redis.multi();
    for (const owned of ids) {
      transaction.sadd(this.key(owned), tenant);
      transaction.pexpireat(this.key(owned), at + this.maxAgeMs);
    }
    const results = (await transaction.exec()) ?? [];
    for (const [err] of results) if (err) throw err;
  }

  async owns(tenant: string, ids: readonly OwnedId[]): Promise<boolean[]> {
    if (ids.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const owned of ids) pipeline.sismember(this.key(owned), tenant);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, member]) => {
      if (err) throw err;
      return member === 1;
    });
  }

  private key({ kind, id }: OwnedId): string {
    return `${this.prefix}${kind}:${id}`;
  }
}

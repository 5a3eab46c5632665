/**
 * Ownership of clips, personas and vox ids in SQLite: one row per (kind, id, tenant), its time renewed each time it
 * is recorded; rows older than `ownershipMaxAgeMs` are not read and are swept.
 */
import type { OwnedId } from '../../domain/ownership.js';
import { ownershipMaxAgeMs } from '../rules.js';
import type { OwnershipStore } from '../types.js';
import type { Database } from './database.js';

export class SqliteOwnershipStore implements OwnershipStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
    private readonly maxAgeMs = ownershipMaxAgeMs,
  ) {}

  async record(tenant: string, ids: readonly OwnedId[], at: number): Promise<void> {
    if (ids.length === 0) return;
    this.db.immediate(() => {
      for (const { kind, id } of ids) {
        this.db.run(
          `INSERT INTO owned (kind, id, tenant, recorded_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (kind, id, tenant) DO UPDATE SET recorded_at = max(recorded_at, excluded.recorded_at)`,
          kind,
          id,
          tenant,
          at,
        );
      }
    });
  }

  async owns(tenant: string, ids: readonly OwnedId[]): Promise<boolean[]> {
    const cutoff = this.now() - this.maxAgeMs;
    return ids.map(
      ({ kind, id }) =>
        this.db.get(
          'SELECT 1 AS owned FROM owned WHERE kind = ? AND id = ? AND tenant = ? AND recorded_at > ?',
          kind,
          id,
          tenant,
          cutoff,
        ) !== undefined,
    );
  }

  /** Deletes the pairs past their age. */
  sweep(): void {
    this.db.run('DELETE FROM owned WHERE recorded_at <= ?', this.now() - this.maxAgeMs);
  }
}

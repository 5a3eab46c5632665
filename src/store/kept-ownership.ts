/**
 * Who owns what, as this instance can answer it: the store's answer, and what the outcomes still waiting in the outbox
 * (outbox.ts) gave their callers. So an upload, a voice or a vox id paid for and answered while Redis was down or the
 * disk full is its caller's to use on this instance at once, and everywhere once the store has taken it.
 */
import type { OwnedId } from '../domain/ownership.js';
import type { Outbox } from './outbox.js';
import type { OwnershipStore } from './types.js';

export class KeptOwnership implements OwnershipStore {
  constructor(
    private readonly store: OwnershipStore,
    private readonly outbox: Outbox,
  ) {}

  record(tenant: string, ids: readonly OwnedId[], at: number): Promise<void> {
    return this.store.record(tenant, ids, at);
  }

  /** The outbox first: the store is asked only about what no waiting outcome gives (and not at all when none is left). */
  async owns(tenant: string, ids: readonly OwnedId[]): Promise<boolean[]> {
    const kept = this.outbox.owns(tenant, ids);
    const rest = ids.filter((_, i) => !kept[i]);
    if (rest.length === 0) return kept;
    const stored = await this.store.owns(tenant, rest);
    let next = 0;
    return kept.map((owned) => owned || (stored[next++] ?? false));
  }
}

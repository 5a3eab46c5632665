/**
 * The upstream reads in flight, by key, so that overlapping reads of one task share one call (src/upstream/client.ts).
 *
 * Not a plain Map that every read adds to and deletes from: such a Map is rehashed every few dozen reads, and V8 keeps
 * each table it leaves behind (for iterators that might still walk it) pointing at the promises it held. Those tables
 * sit in the old generation until the next full GC, and the young-generation GC takes their pointers as roots: nearly
 * every read's answer was copied and then promoted, and scavenges cost the gateway several µs per read (bench/RESULTS.md,
 * benchmark 1 with the window off). So a finished read only empties its entry, in place, and the empty entries are
 * removed together once there are more than `sweepAt` of them.
 */
export class ReadsInFlight<V extends object> {
  private readonly entries = new Map<string, V | undefined>();
  private empty = 0;

  constructor(private readonly sweepAt = 1024) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (this.entries.get(key) === undefined && this.entries.has(key)) this.empty--;
    this.entries.set(key, value);
  }

  /** Ends `value`'s time under `key` (nothing, if another has taken its place since). */
  finish(key: string, value: V): void {
    if (this.entries.get(key) !== value) return;
    this.entries.set(key, undefined);
    if (++this.empty > this.sweepAt) this.sweep();
  }

  /** How many reads are in flight. */
  get size(): number {
    return this.entries.size - this.empty;
  }

  private sweep(): void {
    for (const [key, value] of this.entries) if (value === undefined) this.entries.delete(key);
    this.empty = 0;
  }
}

/** Benchmark 7's section of bench/RESULTS.md: the cost of the durable store, engine by engine. */
import { fmt, type Section } from './report.js';
import type { StoreResult, Timing } from './store.js';

/** What the durable engines add to the memory figures of the same run, at the median. */
function storeNotes(results: StoreResult[]): string[] {
  const memory = results.find((r) => r.engine === 'memory');
  if (!memory) return [];
  const added = (a: number, b: number) => {
    const delta = Math.round((a - b) * 100) / 100 || 0; // no "-0.00"
    return `${delta >= 0 ? '+' : ''}${fmt(delta, 2)} ms`;
  };
  return [
    ...results
      .filter((r) => r !== memory)
      .map(
        (r) =>
          `${r.engine === 'sqlite' ? 'SQLite' : 'Redis'} against memory, p50: ${added(r.unkeyed.p50Ms, memory.unkeyed.p50Ms)} for a paid ` +
          `mutation without a key, ${added(r.keyed.p50Ms, memory.keyed.p50Ms)} with a new key, ${added(r.replay.p50Ms, memory.replay.p50Ms)} for a replay.`,
      ),
    'SQLite commits in WAL mode with synchronous=NORMAL: a commit survives a killed process at once, and a power cut once ' +
      'the WAL is checkpointed; Redis with fsync every second may lose the last second on a power cut.',
    'Through HTTP the figures follow the machine: on a machine shared with other work (see its load above) they move ' +
      'from run to run by more than the engines differ (a paid mutation is a whole GraphQL request and an upstream round ' +
      'trip). The store calls alone are the steady figures: they are what each engine adds to a paid mutation.',
  ];
}

export function storeSection(results: StoreResult[]): Section {
  const cell = (t: Timing) => `p50 ${fmt(t.p50Ms, 2)} ms, p99 ${fmt(t.p99Ms, 2)} ms; ${fmt(t.throughput)} req/s with 16 in flight`;
  const label: Record<StoreResult['engine'], string> = {
    memory: 'memory (before: bench-only Maps, lost on restart)',
    sqlite: 'SQLite in DATA_DIR (the default)',
    redis: 'Redis (appendonly, fsync every second)',
  };
  return {
    title: '7. Cost of the durable store: paid mutations and idempotent replays',
    method:
      'A gateway per store engine, all in the bench process, in front of a stub upstream that starts a task at once ' +
      '(the sandbox slows down as it holds more tasks, which would drown the figures); the engines take turns in 5 rounds. ' +
      '`splitStemsBasic` 1,000 times one after another (latency) and 1,000 times 16 at a time (throughput), per engine: ' +
      'without an `idempotencyKey` (the POST and one registry write), with a new key each time (a claim, the POST, the ' +
      'registry write, the settle) and a replay of a key already used (one claim that finds the result; no POST). Then ' +
      'the same store calls alone, 2,000 times one after another, without HTTP or GraphQL. The ' +
      '"memory" figures come from a bench-only copy of the Map-based stores the gateway had before issue 10 ' +
      '(bench/memory-stores.ts), run now beside the others.',
    rows: results.flatMap((r) => [
      { measure: `${label[r.engine]}: paid mutation, no key`, value: cell(r.unkeyed) },
      { measure: `${label[r.engine]}: paid mutation, new key`, value: cell(r.keyed) },
      { measure: `${label[r.engine]}: idempotent replay`, value: cell(r.replay) },
      {
        measure: `${label[r.engine]}: the store calls alone`,
        value: `${fmt(r.submitOpsUs)} µs for a keyed submit (claim, remember, settle), ${fmt(r.replayOpsUs)} µs for a replay (claim)`,
      },
    ]),
    notes: storeNotes(results),
  };
}

/**
 * Benchmark 4: many graphql-ws subscriptions on one gateway process. For each scenario: the gateway's memory (after
 * full GCs) before and with `subscribers` subscriptions spread over `tasks` running tasks; then, with those still
 * held, the time from a webhook delivery (stamped here) until each of `fanout` subscribers of one task has it
 * (stamped here, on arrival: the same clock).
 *
 * Scenarios: subscribers of a task send the same document, variables and key (what one web app does: the gateway
 * shares the execution), or each sends variables of its own (nothing can be shared: the cost of a lone subscription).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { firstEventsWithin, openSubscribers, withDeadline, type SubscriberPool } from './live-clients.js';
import { startLiveRig, type LiveRig } from './live-rig.js';
import { benchKey } from './overhead.js';

export interface SubscriptionsOptions {
  subscribers?: number;
  tasks?: number;
  /** WebSocket connections for the `subscribers` (default: one each, as browsers do). */
  sockets?: number;
  fanout?: number;
  rounds?: number;
}

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface ScenarioResult {
  /** Subscriptions are identical per task (shared) or each has variables of its own. */
  distinct: boolean;
  /** From the first connect until every subscriber had its first event. */
  openMs: number;
  baseline: MemoryFigures;
  loaded: MemoryFigures;
  /** Bytes per subscription: (loaded − baseline) / subscribers. */
  perSubscription: MemoryFigures;
  /** Gateway CPU time spent opening the subscriptions. */
  openCpuMs: number;
  latenciesMs: number[];
  /** Gateway CPU time per fan-out round (webhook in, every event out). */
  gatewayCpuMsPerRound: number;
}

export interface SubscriptionsResult {
  subscribers: number;
  sockets: number;
  tasks: number;
  fanout: number;
  rounds: number;
  scenarios: ScenarioResult[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function summarize(latencies: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

const memoryOf = ({ rss, heapUsed, external }: NodeJS.MemoryUsage): MemoryFigures => ({ rss, heapUsed, external });
const cpuMs = ({ user, system }: NodeJS.CpuUsage) => (user + system) / 1000;

/** One webhook per round, each a new state (its marker), to every subscriber in `pool`; the last one is final. */
async function fanOutRounds(pool: SubscriberPool, deliver: (marker: number, final: boolean) => Promise<number>, rounds: number) {
  const latencies: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const receivedAt = new Float64Array(pool.size).fill(Number.NaN);
    let received = 0;
    const allReceived = new Promise<void>((resolve) =>
      pool.onEvent((subscriber, task, at) => {
        if (task.clips[0]?.duration !== round || !Number.isNaN(receivedAt[subscriber])) return;
        receivedAt[subscriber] = at;
        if (++received === pool.size) resolve();
      }),
    );
    const sentAt = await deliver(round, round === rounds);
    await withDeadline(allReceived, 10_000, `fan-out round ${round} (${received} of ${pool.size} received)`);
    for (const at of receivedAt) latencies.push(at - sentAt);
    await sleep(100);
  }
  pool.onEvent(undefined);
  return latencies;
}

async function scenario(
  rig: LiveRig,
  taskIds: string[],
  distinct: boolean,
  options: Required<SubscriptionsOptions>,
): Promise<ScenarioResult> {
  const { subscribers, tasks, sockets, fanout, rounds } = options;
  const pools: SubscriberPool[] = [];
  const open = async (ids: string[], socketCount = ids.length) => {
    const pool = await openSubscribers({
      gatewayUrl: rig.gateway.url,
      apiKey: benchKey,
      taskIds: ids,
      sockets: socketCount,
      distinct,
      deadlineMs: 60_000,
    });
    pools.push(pool);
    await firstEventsWithin(pool, 60_000);
    return pool;
  };
  try {
    await sleep(500); // sockets of an earlier phase are gone
    const before = await rig.probe();
    const started = performance.now();
    await open(
      Array.from({ length: subscribers }, (_, i) => taskIds[i % tasks] as string),
      sockets,
    );
    const openMs = performance.now() - started;
    await sleep(500);
    const after = await rig.probe();

    const [fanOutTask = ''] = await rig.createTasks(1); // PENDING: polls of it never pass for news after a webhook's RUNNING
    const fanOutPool = await open(Array.from({ length: fanout }, () => fanOutTask));
    const cpuBefore = await rig.cpu();
    const latenciesMs = await fanOutRounds(fanOutPool, (marker, final) => rig.deliverWebhook(fanOutTask, marker, final), rounds);
    const cpuAfter = await rig.cpu();
    if (fanOutPool.completed !== fanout) throw new Error(`${fanout - fanOutPool.completed} fan-out subscribers did not complete`);

    const baseline = memoryOf(before.memory);
    const loaded = memoryOf(after.memory);
    const per = (key: keyof MemoryFigures) => (loaded[key] - baseline[key]) / subscribers;
    return {
      distinct,
      openMs,
      baseline,
      loaded,
      perSubscription: { rss: per('rss'), heapUsed: per('heapUsed'), external: per('external') },
      openCpuMs: cpuMs(after.cpu) - cpuMs(before.cpu),
      latenciesMs,
      gatewayCpuMsPerRound: (cpuMs(cpuAfter) - cpuMs(cpuBefore)) / rounds,
    };
  } finally {
    await Promise.all(pools.map((pool) => pool.dispose()));
  }
}

export async function benchSubscriptions(options: SubscriptionsOptions = {}): Promise<SubscriptionsResult> {
  const { subscribers = 10_000, tasks = 100, fanout = 1_000, rounds = 10 } = options;
  const settings = { subscribers, tasks, fanout, rounds, sockets: options.sockets ?? subscribers };
  const scenarios = [];
  // A gateway process of its own per scenario: the second would otherwise find the heap the first grew (and its
  // resident pages) and look cheaper than it is.
  for (const distinct of [false, true]) {
    // The default poll interval: the tasks are polled as in production while the fan-out is measured.
    const rig = await startLiveRig({ POLL_INTERVAL_MS: '15000' });
    try {
      const [warmUpTask = '', ...taskIds] = await rig.createTasks(tasks + 1);
      rig.makeRunning();
      // Warm-up: a subscription's code paths run (and are compiled) before the baseline.
      const warm = await openSubscribers({
        gatewayUrl: rig.gateway.url,
        apiKey: benchKey,
        taskIds: Array(200).fill(warmUpTask),
        distinct,
        deadlineMs: 30_000,
      });
      await firstEventsWithin(warm, 30_000).finally(() => warm.dispose());
      scenarios.push(await scenario(rig, taskIds, distinct, settings));
    } finally {
      await rig.stop();
    }
  }
  return { ...settings, scenarios };
}

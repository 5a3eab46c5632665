/**
 * Benchmark 5: what `subscribers` graphql-ws subscriptions on `tasks` running tasks cost the upstream. Task reads
 * are stamped at the sandbox (in this process) over a fixed window with a short POLL_INTERVAL_MS, then reported per
 * poll interval and per minute at the default interval (15 s).
 *
 * A plain count over a window is off by up to one read per task (where the window's edges fall between two polls),
 * ±10 % over ten intervals; so the rate is taken per task from its first and last read in the window, and the
 * shortest gap between two reads of one task shows that none is read twice in an interval.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { firstEventsWithin, openSubscribers } from './live-clients.js';
import { startLiveRig } from './live-rig.js';
import { benchKey } from './overhead.js';

export interface UpstreamLoadOptions {
  subscribers?: number;
  tasks?: number;
  pollIntervalMs?: number;
  windowMs?: number;
  /** Subscriptions with variables of their own, so that none shares an execution (the poll is shared regardless). */
  distinct?: boolean;
}

export interface UpstreamLoadResult {
  subscribers: number;
  tasks: number;
  pollIntervalMs: number;
  windowMs: number;
  /** Reads while the subscriptions were opened (each task's first read, then its polls), and how long that took. */
  openingReads: number;
  openMs: number;
  /** Reads stamped in the window, and tasks read in it. */
  windowReads: number;
  tasksRead: number;
  /** The sum over tasks of each one's read rate, per poll interval. */
  readsPerInterval: number;
  /** The shortest and longest time between two reads of one task in the window. */
  minGapMs: number;
  maxGapMs: number;
  /** Events the subscribers received in the window (the tasks did not change: should be none). */
  eventsInWindow: number;
}

function rates(readTimes: Map<string, number[]>, from: number, to: number, intervalMs: number) {
  let windowReads = 0;
  let tasksRead = 0;
  let readsPerInterval = 0;
  let minGapMs = Number.POSITIVE_INFINITY;
  let maxGapMs = 0;
  for (const all of readTimes.values()) {
    const times = all.filter((t) => t >= from && t <= to);
    windowReads += times.length;
    if (times.length > 0) tasksRead += 1;
    if (times.length < 2) continue;
    readsPerInterval += ((times.length - 1) / ((times.at(-1) as number) - (times[0] as number))) * intervalMs;
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] as number) - (times[i - 1] as number);
      minGapMs = Math.min(minGapMs, gap);
      maxGapMs = Math.max(maxGapMs, gap);
    }
  }
  return { windowReads, tasksRead, readsPerInterval, minGapMs, maxGapMs };
}

export async function benchUpstreamLoad(options: UpstreamLoadOptions = {}): Promise<UpstreamLoadResult> {
  const { subscribers = 10_000, tasks = 100, pollIntervalMs = 1_000, windowMs = 10_000, distinct = false } = options;
  const rig = await startLiveRig({ POLL_INTERVAL_MS: String(pollIntervalMs) });
  try {
    const taskIds = await rig.createTasks(tasks);
    rig.makeRunning();
    const beforeOpening = rig.taskReads();
    const opening = performance.now();
    const pool = await openSubscribers({
      gatewayUrl: rig.gateway.url,
      apiKey: benchKey,
      taskIds: Array.from({ length: subscribers }, (_, i) => taskIds[i % tasks] as string),
      distinct,
      deadlineMs: 60_000,
    });
    try {
      await firstEventsWithin(pool, 60_000);
      const openingReads = rig.taskReads() - beforeOpening;
      const openMs = performance.now() - opening;
      await sleep(pollIntervalMs); // every task's poll loop is running
      let eventsInWindow = 0;
      pool.onEvent(() => void (eventsInWindow += 1));
      const from = performance.now();
      await sleep(windowMs);
      const to = performance.now();
      if (pool.completed > 0) throw new Error(`${pool.completed} subscriptions ended during the window`);
      const measured = rates(rig.readTimes, from, to, pollIntervalMs);
      return { subscribers, tasks, pollIntervalMs, windowMs: to - from, openingReads, openMs, ...measured, eventsInWindow };
    } finally {
      await pool.dispose();
    }
  } finally {
    await rig.stop();
  }
}

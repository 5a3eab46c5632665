/**
 * Benchmark 4: what `subscribers` graphql-ws subscriptions on `tasks` running tasks cost the upstream. Task reads
 * are counted at the sandbox (in this process) over a fixed window with a short POLL_INTERVAL_MS, then reported per
 * poll interval and per minute at the default interval (15 s).
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
  /** Reads in the window, and the window's length in poll intervals. */
  windowReads: number;
  intervals: number;
  /** Events the subscribers received in the window (the tasks did not change: should be none). */
  eventsInWindow: number;
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
      const start = rig.taskReads();
      const started = performance.now();
      await sleep(windowMs);
      const windowReads = rig.taskReads() - start;
      const elapsed = performance.now() - started;
      if (pool.completed > 0) throw new Error(`${pool.completed} subscriptions ended during the window`);
      const intervals = elapsed / pollIntervalMs;
      return { subscribers, tasks, pollIntervalMs, windowMs: elapsed, openingReads, openMs, windowReads, intervals, eventsInWindow };
    } finally {
      await pool.dispose();
    }
  } finally {
    await rig.stop();
  }
}

/** The RESULTS.md sections of benchmark 1 (reads against the hand-written proxy) and 6 (startup and idle memory). */
import { loadavg } from 'node:os';
import { rounds, type ReadsResult, type SideResult } from './reads.js';
import { fmt, type Row, type Section } from './report.js';
import type { StartupResult } from './startup.js';

export const readsMethod =
  'The same task read, side by side in one run, through the gateway (`query($id: ID!) { task(id: $id) { status clips { id audioUrl } } }`, ' +
  'a JSON POST to /graphql) and through the hand-written proxy (bench/proxy.ts: node:http + an undici Pool, ' +
  '`GET /task/{id}` → `GET /api/v1/sonic/task/{id}`, the answer passed back as it came), both in front of the same ' +
  'standalone sandbox, each its own process (the gateway runs dist/ with NODE_ENV=production, RATE_LIMIT_PER_MINUTE=0, ' +
  `LOG_LEVEL=warn). Closed loop from this process; each side warmed up for 5 s, then measured in ${rounds} rounds that ` +
  "alternate with the other side's (proxy, gateway, gateway, proxy, ...: a machine whose speed drifts weighs on both " +
  "alike). CPU per request is the process's user + system time over its measured rounds (from /proc) divided by the " +
  'requests it answered. Upstream reads ' +
  'are counted inside the sandbox process (bench/request-counter.ts).';

const side = (name: string, r: SideResult): Row => ({
  measure: `${name}`,
  value: `${fmt(r.throughput)} req/s, p50 ${fmt(r.p50Ms, 2)} ms, p99 ${fmt(r.p99Ms, 2)} ms, CPU ${fmt(r.cpuUsPerRequest)} µs per request${r.errors ? `, ${r.errors} errors` : ''}`,
});

export interface ReadsTargets {
  /** Gateway ÷ proxy throughput at least this. */
  throughput?: number;
  /** Gateway CPU per request at most this many times the proxy's. */
  cpu?: number;
  /** Upstream reads while the gateway was measured: none. */
  noReads?: boolean;
  /** Gateway p50 at most this many ms. */
  p50Ms?: number;
  /** Upstream reads per task per window of this many ms: at most one. */
  windowMs?: number;
}

export function readsSection(title: string, what: string, r: ReadsResult, targets: ReadsTargets, notes: string[] = []): Section {
  const { scenario: s, proxy, gateway } = r;
  const ratio = gateway.throughput / proxy.throughput;
  const cpuRatio = gateway.cpuUsPerRequest / proxy.cpuUsPerRequest;
  const rows: Row[] = [
    side('proxy', proxy),
    side('gateway', gateway),
    {
      measure: 'gateway ÷ proxy, requests per second',
      value: `${fmt(ratio, 2)}×`,
      ...(targets.throughput ? { target: `≥ ${targets.throughput}×`, met: ratio >= targets.throughput } : {}),
    },
    {
      measure: 'gateway ÷ proxy, CPU per request',
      value: `${fmt(cpuRatio, 2)}× (${fmt(gateway.cpuUsPerRequest)} µs vs ${fmt(proxy.cpuUsPerRequest)} µs)`,
      ...(targets.cpu ? { target: `≤ ${targets.cpu}×`, met: cpuRatio <= targets.cpu } : {}),
    },
    {
      measure: 'upstream task reads while measured',
      value: `gateway ${fmt(r.gatewayUpstreamReads)} for ${fmt(gateway.requests)} requests; proxy ${fmt(r.proxyUpstreamReads)} for ${fmt(proxy.requests)}`,
      ...(targets.noReads ? { target: '0 for the gateway (each task read once, in the warm-up)', met: r.gatewayUpstreamReads === 0 } : {}),
    },
  ];
  if (targets.windowMs !== undefined) {
    // The windows that overlap the measured stretches: each of the gateway's rounds (between the proxy's, while its
    // observations expired) begins with a read, and a 5 s round meets 3 windows of 2 s.
    const roundMs = s.durationMs / rounds;
    const windows = rounds * Math.ceil(roundMs / targets.windowMs);
    const perTaskPerWindow = r.gatewayUpstreamReads / r.tasks / windows;
    rows.push({
      measure: `gateway upstream reads per task per ${fmt(targets.windowMs / 1000, 0)} s window`,
      value: `${fmt(perTaskPerWindow, 2)} (${fmt(r.gatewayUpstreamReads)} reads of ${fmt(r.tasks)} tasks in ${rounds} rounds of ${fmt(roundMs / 1000, 1)} s: ${windows} windows)`,
      target: '≤ 1',
      met: perTaskPerWindow <= 1,
    });
  }
  if (targets.p50Ms !== undefined) {
    rows.push({
      measure: 'gateway p50 latency',
      value: `${fmt(gateway.p50Ms, 2)} ms (the proxy's: ${fmt(proxy.p50Ms, 1)} ms)`,
      target: `≤ ${targets.p50Ms} ms`,
      met: gateway.p50Ms <= targets.p50Ms,
    });
  }
  return {
    title,
    method:
      `${what}: ${s.connections} connection${s.connections === 1 ? '' : 's'}, ${s.taskPerConnection ? 'each reading its own task' : 'all reading one task'}, ` +
      `${s.finished ? 'SUCCEEDED' : 'RUNNING'} tasks, ${s.latencyMs ? `SANDBOX_LATENCY_MS=${s.latencyMs}` : 'no added upstream latency'}, ` +
      `${fmt(s.durationMs / 1000)} s per side. Load average after the run: ${loadavg()
        .map((l) => fmt(l, 1))
        .join(', ')}.`,
    rows,
    notes,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export function startupSection(results: StartupResult[], targets: { readyMs: number; rssBytes: number }): Section {
  const rows: Row[] = [];
  for (const r of results) {
    const ready = r.runs.map((x) => x.readyMs);
    const rss = r.runs.map((x) => x.idleRssBytes);
    rows.push(
      {
        measure: `${r.mode}: start to a healthy /health`,
        value: `median ${fmt(median(ready))} ms, worst ${fmt(Math.max(...ready))} ms (${r.runs.length} starts)`,
        target: `≤ ${fmt(targets.readyMs)} ms`,
        met: median(ready) <= targets.readyMs,
      },
      {
        measure: `${r.mode}: resident memory, idle`,
        value: `median ${fmt(median(rss) / 2 ** 20)} MB, worst ${fmt(Math.max(...rss) / 2 ** 20)} MB (${fmt(r.idleMs / 1000)} s after ready)`,
        target: `≤ ${fmt(targets.rssBytes / 2 ** 20)} MB`,
        met: median(rss) <= targets.rssBytes,
      },
    );
  }
  return {
    title: '6. Startup and idle memory: `npm start` after a build',
    method:
      '`node scripts/start.mjs` (what `npm start` runs: it checks that dist/ is fresh, then runs dist/main.js with ' +
      'NODE_ENV=production) spawned from this process; the time until `GET /health` first answers 200 (polled every 5 ms), ' +
      "then VmRSS from /proc once the process has idled. **sandbox**: no key, as the README's `npm start` (the in-process " +
      'sandbox starts too); **upstream**: a key and an upstream URL, as in production. Verdicts on the median. Load average ' +
      `after the runs: ${loadavg()
        .map((l) => fmt(l, 1))
        .join(', ')}.`,
    rows,
  };
}

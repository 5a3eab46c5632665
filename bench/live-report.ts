/** The RESULTS.md sections of benchmarks 4 (subscriptions) and 5 (upstream load). */
import { fmt, type Row, type Section } from './report.js';
import { summarize, type ScenarioResult, type SubscriptionsResult } from './subscriptions.js';
import type { UpstreamLoadResult } from './upstream-load.js';

const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} KB`;
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20, 0)} MB`;
/** Issue 22's targets: JS heap per subscription, its socket included (RSS moves in pages and is reported beside it). */
const heapTargetBytes = { shared: 9 * 1024, unshared: 10 * 1024 };
const latencyTargetMs = 100;
const upstreamTargetPerInterval = 100;
const defaultPollIntervalMs = 15_000;

function scenarioRows(r: SubscriptionsResult, s: ScenarioResult): Row[] {
  const name = s.distinct ? 'unshared' : 'shared';
  const heapTarget = heapTargetBytes[name];
  const latency = summarize(s.latenciesMs);
  return [
    {
      measure: `${name}: server memory per subscription`,
      value:
        `${kb(s.perSubscription.rss)} RSS, ${kb(s.perSubscription.heapUsed)} JS heap ` +
        `(RSS ${mb(s.baseline.rss)} → ${mb(s.loaded.rss)}, heap ${mb(s.baseline.heapUsed)} → ${mb(s.loaded.heapUsed)})`,
      target: `≤ ${kb(heapTarget)} JS heap`,
      met: s.perSubscription.heapUsed <= heapTarget,
    },
    {
      measure: `${name}: opening ${fmt(r.subscribers)} subscriptions`,
      value: `${fmt(s.openMs / 1000, 1)} s, gateway CPU ${fmt(s.openCpuMs / 1000, 1)} s`,
    },
    {
      measure: `${name}: publish-to-receipt, ${fmt(r.fanout)} subscribers of one task`,
      value: `p50 ${fmt(latency.p50, 1)} ms, p99 ${fmt(latency.p99, 1)} ms, max ${fmt(latency.max, 1)} ms (p99 at ${fmt((latency.p99 / latencyTargetMs) * 100)} % of target)`,
      target: `p99 ≤ ${latencyTargetMs} ms`,
      met: latency.p99 <= latencyTargetMs,
    },
    {
      measure: `${name}: gateway CPU per fan-out`,
      value: `${fmt(s.gatewayCpuMsPerRound, 1)} ms (${fmt((s.gatewayCpuMsPerRound * 1000) / r.fanout, 0)} µs per subscriber)`,
    },
  ];
}

function subscriptionsSection(r: SubscriptionsResult): Section {
  const [shared, unshared] = r.scenarios;
  const ratios: Row[] =
    shared && unshared
      ? [
          {
            measure: 'unshared / shared',
            value:
              `memory ${fmt(unshared.perSubscription.heapUsed / shared.perSubscription.heapUsed, 1)}× (heap), ` +
              `p99 ${fmt(summarize(unshared.latenciesMs).p99 / summarize(shared.latenciesMs).p99, 1)}×, ` +
              `CPU per fan-out ${fmt(unshared.gatewayCpuMsPerRound / shared.gatewayCpuMsPerRound, 1)}×`,
          },
        ]
      : [];
  return {
    title: `4. Subscriptions: ${fmt(r.subscribers)} on one process`,
    method:
      `${fmt(r.subscribers)} graphql-ws subscriptions to \`taskUpdated\` (one key), spread evenly over ${r.tasks} running tasks, ` +
      `on ${fmt(r.sockets)} WebSocket connection${r.sockets === 1 ? '' : 's'} (${r.sockets === r.subscribers ? 'one per subscriber, as browsers do' : `${fmt(r.subscribers / r.sockets)} per socket`}). ` +
      'The gateway runs as a child process (POLL_INTERVAL_MS 15000, PUBLIC_URL set); its memory is read after two full GCs ' +
      '(bench/memory-probe.mjs) with the subscriptions held, against a baseline taken after a warm-up. Then, with them still held, ' +
      `${fmt(r.fanout)} more subscribers watch one task and ${r.rounds} signed webhooks (each a new state, the last final) are ` +
      'posted to `/webhooks/aimusic`; latency runs from the moment a delivery is sent until a subscriber has the event, both ' +
      'stamped in the bench process. **shared**: subscribers of a task send the same document and variables, as one web app ' +
      "does, so the gateway executes each task's stream once. **unshared**: each subscription has variables of its own " +
      '(an extra, unused one), so every subscription is executed alone.',
    rows: [...r.scenarios.flatMap((s) => scenarioRows(r, s)), ...ratios],
    notes: [
      'Clients (graphql-ws `createClient`, one per socket), the sandbox upstream and the webhook sender share the bench process; ' +
        'the gateway has its own. The two processes share the 2 cores: during a fan-out both are busy (the gateway sending, ' +
        'the clients parsing), so the latencies include client-side queueing.',
      'Memory is per subscription including its socket; RSS is read from the kernel and moves in pages. Part of it is the ' +
        'socket itself (TCP socket, ws WebSocket with its Receiver and Sender streams, timers; see below), ' +
        'which the gateway cannot shed; it already lets go of the upgrade request after connection_init.',
      'What limits it, from heap snapshots of the gateway with 2,000 unshared subscriptions diffed against none (9.4 KB of ' +
        'self sizes per subscription, which counts some objects the GC-based figure above does not): the socket objects ' +
        'themselves, about 2 KB (TCP handle and net Socket ~0.8 KB; ws WebSocket, Receiver, Sender and their stream states ' +
        "~0.9 KB; timers ~0.25 KB), and the rest in plain objects, closures, promises and contexts: graphql-ws's state for " +
        "the operation (its message handling for the subscription, ~0.4 KB, is graphql-ws's own core), the subscription's " +
        'stream with its latest rendered event (kept so that an identical subscription joining later gets it at once), and ' +
        "the caller's context. Issue 22 took the unshared figure from 10.3 KB to about 8.4 KB and the shared one from 8.2 " +
        'to about 6.9 KB: graphql-ws runs on `ws` through an adapter of our own (src/transport/websocket/adapter.ts: no ' +
        'suspended async listener per open operation, no closures per socket; ~0.9 KB), one map per socket of its ' +
        "operations, the subscribe message's query text let go once prepared, a stream's single subscriber held without a " +
        'Set, and channel owners told which channel ended instead of a closure per channel. Before issue 11 an unshared ' +
        "subscription also held yoga's per-operation pipeline: 21.2 KB of heap then.",
    ],
  };
}

function upstreamSection(r: UpstreamLoadResult): Section {
  const perInterval = r.readsPerInterval;
  const perMinuteAtDefault = (perInterval * 60_000) / defaultPollIntervalMs;
  return {
    title: `5. Upstream load: ${fmt(r.subscribers)} subscribers on ${r.tasks} running tasks`,
    method:
      `${fmt(r.subscribers)} graphql-ws subscriptions (one socket each, each with variables of its own so that no execution ` +
      `is shared) spread over ${r.tasks} running tasks; POLL_INTERVAL_MS ${r.pollIntervalMs}. Every task read is stamped ` +
      `at the sandbox (in the bench process) over ${fmt(r.windowMs / 1000, 1)} s, once every subscriber had its first event. ` +
      'A plain count over a window is off by up to one read per task where its edges fall, so the rate is taken per task ' +
      'from its first and last read in the window, and summed.',
    rows: [
      {
        measure: 'upstream reads per poll interval',
        value: `${fmt(perInterval, 1)} (${fmt(r.windowReads)} reads of ${r.tasksRead} tasks in ${fmt(r.windowMs / r.pollIntervalMs, 1)} intervals)`,
        target: `≤ ${upstreamTargetPerInterval}`,
        met: perInterval <= upstreamTargetPerInterval,
      },
      {
        measure: 'time between two reads of one task',
        value: `${fmt(r.minGapMs, 1)} ms shortest, ${fmt(r.maxGapMs, 1)} ms longest (the interval is ${fmt(r.pollIntervalMs)} ms)`,
      },
      {
        measure: 'reads per subscriber per interval',
        value: `${fmt(perInterval / r.subscribers, 4)} (one read per ${fmt(r.subscribers / perInterval)} subscribers)`,
      },
      { measure: `reads per minute at ${fmt(r.pollIntervalMs)} ms`, value: fmt((perInterval * 60_000) / r.pollIntervalMs) },
      { measure: 'reads per minute at the default 15 s', value: `${fmt(perMinuteAtDefault)} (scaled: ${fmt(perInterval, 1)} × 4)` },
      {
        measure: 'reads while subscribing',
        value: `${fmt(r.openingReads)} in ${fmt(r.openMs / 1000, 1)} s (each task's first read, shared by its subscribers, then its polls)`,
      },
      { measure: 'events in the window', value: `${fmt(r.eventsInWindow)} (the tasks did not change)` },
    ],
  };
}

export function liveSections(subscriptions: SubscriptionsResult | undefined, upstream: UpstreamLoadResult | undefined): Section[] {
  return [...(subscriptions ? [subscriptionsSection(subscriptions)] : []), ...(upstream ? [upstreamSection(upstream)] : [])];
}

/**
 * `npm run bench [-- --only reads,overhead,batching,subscriptions,upstream,startup,tracing,store] [--seconds N]`: runs the
 * benchmarks side by side on 127.0.0.1 and writes bench/RESULTS.md (sections not run this time are kept from the
 * last run). Each benchmark is bounded in time. The gateway runs from dist/, built first when it is stale, as
 * `npm start` does.
 */
import { parseArgs } from 'node:util';
import { build, isStale } from '../scripts/build.mjs';
import { benchBatching } from './batching.js';
import { benchOverhead } from './overhead.js';
import { liveSections } from './live-report.js';
import { benchReads, type ReadsScenario } from './reads.js';
import { readsMethod, readsSection, startupSection, type ReadsTargets } from './reads-report.js';
import { fmt, writeReport, type Section } from './report.js';
import { benchStartup } from './startup.js';
import { benchStore } from './store.js';
import { storeSection } from './store-report.js';
import { benchSubscriptions } from './subscriptions.js';
import { tracingSection } from './tracing.js';
import { benchUpstreamLoad } from './upstream-load.js';

const benchmarks = ['reads', 'overhead', 'batching', 'subscriptions', 'upstream', 'startup', 'tracing', 'store'];
const usage = `Usage: npm run bench [-- --only ${benchmarks.join(',')}] [--seconds N (default 10)]`;
let values: { only?: string | undefined; seconds: string; help?: boolean | undefined };
try {
  ({ values } = parseArgs({
    options: { only: { type: 'string' }, seconds: { type: 'string', default: '10' }, help: { type: 'boolean', short: 'h' } },
  }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const seconds = Number(values.seconds);
const only = new Set((values.only ?? benchmarks.join(',')).split(','));
const unknown = [...only].filter((name) => !benchmarks.includes(name));
if (values.help || unknown.length > 0 || !(seconds > 0)) {
  if (!values.help) console.error(unknown.length > 0 ? `Unknown benchmark: ${unknown.join(', ')}` : '--seconds must be a positive number');
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const sections: Section[] = [];
if (isStale()) build();

/** What limits benchmark 1b' (running tasks read without the window), from CPU profiles. */
const RAW_NOTES = [
  'What limits it, from a CPU profile of the gateway under this load (node --cpu-prof, measured stretch only; shares ' +
    'of busy time, by what is on the stack): the socket writes, which the proxy pays too (the answer to the client ' +
    "~20 %, the request to the sandbox ~8 %; reading the sandbox's answer with undici's llhttp ~5 %); the fast path " +
    "(the request body's JSON, admission, the compiled execution, the answer's JSON) ~20 %; the task read (loader, " +
    "upstream client, the answer's JSON.parse and mapping) ~20 %; the request listener and Node's HTTP server ~10 %; " +
    "GC ~3 %. The proxy does none of the GraphQL work and never parses either body: it pipes the upstream's bytes back.",
  "GC took ~7 % (and V8's helper threads a sixth more) while nearly every request's objects were promoted: a Set " +
    'of the responses in flight and a Map of the shared upstream reads, each added to and deleted from per request, ' +
    'left rehashed tables in the old generation still pointing at the requests of their moment, and the ' +
    'young-generation GC kept those alive (3.2 KB promoted per request then, 0.1 KB now: node --trace-gc-nvp). See ' +
    'src/transport/http/drain.ts and src/upstream/reads-in-flight.ts.',
];

/** Benchmark 1's scenarios, with their targets. */
const readScenarios: {
  title: string;
  what: string;
  scenario: Omit<ReadsScenario, 'durationMs'>;
  targets: ReadsTargets;
  notes?: string[];
}[] = [
  {
    title: '1a. Task reads against a hand-written proxy: finished tasks, a task per connection',
    what: 'Finished tasks (the case the finished-task cache serves)',
    scenario: { finished: true, connections: 50, taskPerConnection: true, latencyMs: 0 },
    targets: { throughput: 1.5, noReads: true },
  },
  {
    title: '1b. Task reads against a hand-written proxy: running tasks, a task per connection, default settings',
    what:
      'Running tasks with the default freshness window (TASK_READ_MAX_AGE_MS=2000): a read is answered from an ' +
      'observation of the task younger than 2 s, and whole answers of such reads are kept until a newer observation ' +
      'arrives, so each task costs the upstream at most one read per window; the proxy reads it every time',
    scenario: { finished: false, connections: 50, taskPerConnection: true, latencyMs: 0 },
    targets: { throughput: 1.5, windowMs: 2000 },
  },
  {
    title: "1b'. Task reads against a hand-written proxy: running tasks, a task per connection, TASK_READ_MAX_AGE_MS=0",
    what: 'Running tasks with the freshness window off: every gateway request is an upstream read, as every proxy request is',
    scenario: { finished: false, connections: 50, taskPerConnection: true, latencyMs: 0, env: { TASK_READ_MAX_AGE_MS: '0' } },
    targets: { throughput: 0.6, cpu: 2 },
    notes: RAW_NOTES,
  },
  {
    title: '1c. Task reads against a hand-written proxy: finished tasks, 150 ms from the upstream',
    what:
      'Finished tasks with an upstream across the internet (the sandbox adds 150 ms to every answer), 10 connections: ' +
      'a latency measure, below saturation (at 50 connections a closed loop on this machine queues every request behind ' +
      "the others, and p50 is then 50 ÷ the throughput whatever the upstream's latency)",
    scenario: { finished: true, connections: 10, taskPerConnection: true, latencyMs: 150 },
    targets: { p50Ms: 5, noReads: true },
  },
  {
    title: '1d. Task reads against a hand-written proxy: running tasks, one task for every connection',
    what: 'Running tasks, all connections reading one task (overlapping gateway reads share one upstream call)',
    scenario: { finished: false, connections: 50, taskPerConnection: false, latencyMs: 0 },
    targets: {},
  },
];

if (only.has('reads')) {
  for (const [i, { title, what, scenario, targets, notes }] of readScenarios.entries()) {
    console.log(`${title}...`);
    const result = await benchReads({ ...scenario, durationMs: seconds * 1000 });
    sections.push(readsSection(title, `${i === 0 ? `${readsMethod}\n\n` : ''}${what}`, result, targets, notes));
  }
}

/** What limits benchmark 2, from CPU profiles of the gateway under this load (node --cpu-prof). */
const overheadNotes = [
  'The gateway runs with RATE_LIMIT_PER_MINUTE=0: at the default (120 a minute per caller) one load generator is refused with 429.',
  'Per request the gateway does what the direct client does (one upstream round trip, reading its JSON) plus a whole HTTP ' +
    'server request, a GraphQL execution and the mapping to the schema; the sandbox answers from memory, so the direct ' +
    'request is close to the cost of one loopback round trip. With load generator, gateway and sandbox sharing 2 cores, ' +
    'the gateway saturates one core; its profile has no single hot spot (GC ~12 %, socket writes ~11 %, the executor, ' +
    'undici, the wire mapping a few % each).',
  "Done: the HTTP fast path (yoga's fetch-API layer cost more than the rest: a task per connection went from ~3,300 to " +
    '~6,600 req/s) and shared overlapping reads of one task (one task: ~6,000 to ~17,000 req/s). Tried and dropped: ' +
    'graphql-jit through @envelop/graphql-jit (slower here) and dropping the AsyncLocalStorage request scope (no measurable gain).',
  'Unloaded, one request adds about 0.3 ms (see the 1-connection table). The 50 %/1 ms targets would need the gateway ' +
    'to be about as cheap as a plain undici proxy (about 20k req/s on this machine) while doing a GraphQL execution per request.',
];

if (only.has('overhead')) {
  const variants = [
    { connections: 50, sameTask: true, scored: true, what: 'all connections read one task (the benchmark as issue 4 set it)' },
    { connections: 1, sameTask: true, scored: false, what: 'one connection: the latency one request adds, unloaded' },
  ];
  for (const v of variants) {
    console.log(`overhead: ${v.what}...`);
    const r = await benchOverhead(v.connections, seconds * 1000, v.sameTask);
    const ratio = r.gateway.throughput / r.direct.throughput;
    const added = r.gateway.p50Ms - r.direct.p50Ms;
    sections.push({
      title: `2. Gateway overhead against direct undici: ${v.connections} connection${v.connections === 1 ? '' : 's'}, ${v.sameTask ? 'one task' : 'a task per connection'}`,
      method:
        `\`{ task(id) { status clips { id audioUrl } } }\` through the gateway vs the same \`GET /api/v1/sonic/task/{id}\` ` +
        `sent directly with undici, both against the standalone sandbox (child processes), running tasks, closed loop, ` +
        `${seconds} s each after a warm-up; ${v.what}.`,
      rows: [
        {
          measure: 'direct throughput',
          value: `${fmt(r.direct.throughput)} req/s (p50 ${fmt(r.direct.p50Ms, 2)} ms, p99 ${fmt(r.direct.p99Ms, 2)} ms)`,
        },
        {
          measure: 'gateway throughput',
          value: `${fmt(r.gateway.throughput)} req/s (p50 ${fmt(r.gateway.p50Ms, 2)} ms, p99 ${fmt(r.gateway.p99Ms, 2)} ms)`,
        },
        { measure: 'gateway / direct', value: `${fmt(ratio * 100, 1)} %`, ...(v.scored ? { target: '≥ 50 %', met: ratio >= 0.5 } : {}) },
        { measure: 'added p50 latency', value: `${fmt(added, 2)} ms`, ...(v.scored ? { target: '≤ 1 ms', met: added <= 1 } : {}) },
        { measure: 'errors', value: `${r.direct.errors} direct, ${r.gateway.errors} gateway` },
      ],
      ...(v.scored ? { notes: overheadNotes } : {}),
    });
  }
}

if (only.has('batching')) {
  console.log('batching...');
  const r = await benchBatching();
  sections.push({
    title: '3. Batching',
    method: `One \`tasks(ids:)\` query for ${r.ids} ids of which ${r.distinct} are distinct; upstream reads counted at the (in-process) sandbox.`,
    rows: [
      {
        measure: 'upstream reads',
        value: String(r.upstreamReads),
        target: `≤ ${r.distinct} (distinct ids)`,
        met: r.upstreamReads <= r.distinct,
      },
      { measure: 'query time', value: `${fmt(r.elapsedMs, 1)} ms` },
    ],
  });
}

if (only.has('subscriptions') || only.has('upstream')) {
  const subscriptions = only.has('subscriptions') ? (console.log('subscriptions...'), await benchSubscriptions()) : undefined;
  const upstream = only.has('upstream') ? (console.log('upstream load...'), await benchUpstreamLoad({ distinct: true })) : undefined;
  sections.push(...liveSections(subscriptions, upstream));
}

if (only.has('startup')) {
  console.log('startup...');
  const results = [
    await benchStartup('sandbox', {}),
    await benchStartup('upstream', { AIMUSICAPI_API_KEY: 'bench-key-0123456789', AIMUSICAPI_BASE_URL: 'http://127.0.0.1:9' }),
  ];
  sections.push(startupSection(results, { readyMs: 1_000, rssBytes: 120 * 2 ** 20 }));
}

if (only.has('tracing')) {
  console.log('tracing...');
  sections.push(await tracingSection(seconds));
}

if (only.has('store')) {
  console.log('store...');
  sections.push(storeSection(await benchStore()));
}

const path = new URL('./RESULTS.md', import.meta.url).pathname;
writeReport(path, sections, `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`);
console.log(`wrote ${path}`);

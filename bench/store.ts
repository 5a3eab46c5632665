/**
 * Benchmark 7: what the durable store costs a paid mutation. One gateway per engine, all in this process: the
 * bench-only memory stores of before (memory-stores.ts), SQLite in a temp DATA_DIR (the default), and Redis (a local
 * redis-server with appendonly and fsync every second, its recommended durable setting). The upstream is a stub that
 * answers every POST with a new task id at once (the sandbox's cost per POST grows with the tasks it holds, which
 * would drown what is measured here). Per engine, sequential requests give the latency, and 16 concurrent ones the
 * throughput, of: a paid mutation without a key (one registry write), one with a new idempotency key (a claim, the
 * POST, a registry write and a settle) and an idempotent replay (a claim that finds the result; no POST). The engines
 * take turns in rounds, so that whatever else the machine does falls on all of them alike.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createGateway } from '../src/app/gateway.js';
import { closeServices, createServices } from '../src/app/services.js';
import type { Stores } from '../src/store/types.js';
import { startRedis } from '../test/support/redis.js';
import { percentile } from './load.js';
import { memoryStores } from './memory-stores.js';
import { benchKey } from './overhead.js';

export type Engine = 'memory' | 'sqlite' | 'redis';

export interface Timing {
  p50Ms: number;
  p99Ms: number;
  /** Requests per second with 16 in flight. */
  throughput: number;
}

export interface StoreResult {
  engine: Engine;
  unkeyed: Timing;
  keyed: Timing;
  replay: Timing;
  /** The store calls alone, without HTTP or GraphQL, one at a time: what a keyed submit and a replay cost (µs). */
  submitOpsUs: number;
  replayOpsUs: number;
}

const mutation = 'mutation($k: String) { splitStemsBasic(clipId: "5a4d8b0c-0000-4000-8000-000000000001", idempotencyKey: $k) { id } }';

/** An upstream whose every POST starts a task at once, at the same small cost however many came before. */
async function stubUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.once('end', () => {
      const body = JSON.stringify({ message: 'success', task_id: randomUUID() });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function redisServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'aimusic-bench-redis-'));
  const server = await startRedis({ dataDir: dir, appendfsync: 'everysec' });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One engine's gateway, and what was measured on it so far. */
interface Rig {
  engine: Engine;
  url: string;
  stores: Stores;
  close(): Promise<void>;
}

async function startRig(engine: Engine, upstreamUrl: string): Promise<Rig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aimusic-bench-data-'));
  const redis = engine === 'redis' ? await redisServer() : undefined;
  const config = loadConfig({
    AIMUSICAPI_BASE_URL: upstreamUrl,
    AIMUSICAPI_API_KEY: benchKey,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    ...(redis ? { REDIS_URL: redis.url } : {}),
  });
  // SQLite and Redis are opened from the configuration, as in production.
  const stores: Stores | undefined = engine === 'memory' ? memoryStores() : undefined;
  const services = createServices(config, pino({ level: 'silent' }), undefined, stores);
  const gateway = createGateway(services);
  const url = await gateway.listen(0);
  return {
    engine,
    url,
    stores: services.stores,
    async close() {
      await gateway.close();
      await closeServices(services);
      await redis?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `count` requests to `url`, `inFlight` at a time, each with its own variables: their latencies and the time taken. */
async function run(url: string, count: number, inFlight: number, variables: (i: number) => Record<string, unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: mutation, variables: variables(i) }),
      });
      const body = (await res.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`bench mutation failed: ${JSON.stringify(body.errors)}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { latencies, ms: performance.now() - started };
}

type Measure = 'unkeyed' | 'keyed' | 'replay';

/**
 * Each measure on every engine, in `rounds` rounds that take the engines in turn, so that whatever else the machine
 * does falls on all of them alike. `count` requests per engine, measure and mode (one at a time, 16 at a time).
 */
async function measureAll(rigs: Rig[], count: number, rounds: number): Promise<Omit<StoreResult, 'submitOpsUs' | 'replayOpsUs'>[]> {
  const per = Math.ceil(count / rounds);
  const variables: Record<Measure, (engine: Engine, i: number) => Record<string, unknown>> = {
    unkeyed: () => ({}),
    keyed: (engine, i) => ({ k: `bench-${engine}-${i}` }),
    // The keys the keyed runs used: each replay finds its result.
    replay: (engine, i) => ({ k: `bench-${engine}-${i % (2 * per * rounds)}` }),
  };
  const results = new Map(rigs.map((rig) => [rig.engine, {} as Record<Measure, Timing>]));
  for (const measure of ['unkeyed', 'keyed', 'replay'] as const) {
    const sequential = new Map(rigs.map((rig) => [rig.engine, [] as number[]]));
    const concurrent = new Map(rigs.map((rig) => [rig.engine, { count: 0, ms: 0 }]));
    for (let round = 0; round < rounds; round++) {
      for (const { engine, url } of rigs) {
        const base = 2 * per * round;
        const one = await run(url, per, 1, (i) => variables[measure](engine, base + i));
        sequential.get(engine)!.push(...one.latencies);
        const many = await run(url, per, 16, (i) => variables[measure](engine, base + per + i));
        const total = concurrent.get(engine)!;
        total.count += per;
        total.ms += many.ms;
      }
    }
    for (const { engine } of rigs) {
      const sorted = Float64Array.from(sequential.get(engine)!).sort();
      const { count: n, ms } = concurrent.get(engine)!;
      results.get(engine)![measure] = { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), throughput: (n / ms) * 1000 };
    }
  }
  return rigs.map(({ engine }) => ({ engine, ...results.get(engine)! }));
}

/** What a keyed submit asks of the stores (claim, remember, settle) and what a replay asks (one claim), in µs each. */
async function storeOps(stores: Stores, engine: Engine, count = 2_000): Promise<{ submitOpsUs: number; replayOpsUs: number }> {
  const key = (i: number) => `ops-${engine}:${i}`;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const attempt = randomUUID();
    await stores.idempotency.claim(key(i), { state: 'pending', fingerprint: 'fp', attempt, leaseUntil: Date.now() + 60_000 }, 3600_000);
    await stores.registry.remember({ id: randomUUID(), kind: 'STEMS_BASIC', tenant: 'ops', createdAt: Date.now(), status: 'PENDING' });
    await stores.idempotency.settle(key(i), attempt, { state: 'done', fingerprint: 'fp', result: { taskId: 'x' } }, null);
  }
  const t1 = performance.now();
  for (let i = 0; i < count; i++) {
    await stores.idempotency.claim(key(i), { state: 'pending', fingerprint: 'fp', attempt: 'replay', leaseUntil: 0 }, 3600_000);
  }
  const t2 = performance.now();
  return { submitOpsUs: ((t1 - t0) / count) * 1000, replayOpsUs: ((t2 - t1) / count) * 1000 };
}

export async function benchStore(engines: Engine[] = ['memory', 'sqlite', 'redis'], count = 1_000, rounds = 5): Promise<StoreResult[]> {
  const upstream = await stubUpstream();
  const rigs: Rig[] = [];
  try {
    for (const engine of engines) rigs.push(await startRig(engine, upstream.url));
    // Warm-up, each path one at a time and 16 at a time: JIT, connections, the first pages of each database.
    for (const rig of rigs) {
      for (const inFlight of [1, 16]) {
        await run(rig.url, 300, inFlight, () => ({}));
        await run(rig.url, 300, inFlight, (i) => ({ k: `warm-${rig.engine}-${inFlight}-${i}` }));
      }
    }
    const measured = await measureAll(rigs, count, rounds);
    const ops: { submitOpsUs: number; replayOpsUs: number }[] = [];
    for (const rig of rigs) ops.push(await storeOps(rig.stores, rig.engine));
    return measured.map((result, i) => ({ ...result, ...ops[i]! }));
  } finally {
    for (const rig of rigs) await rig.close();
    await upstream.close();
  }
}

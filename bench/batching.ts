/** Benchmark 3: one query for 100 task ids with duplicates; counts the upstream reads it costs. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { createGateway } from '../src/app/gateway.js';
import { closeServices, createServices } from '../src/app/services.js';
import { createSandbox } from '../src/sandbox/index.js';
import { benchKey, seedTask } from './overhead.js';

export interface BatchingResult {
  ids: number;
  distinct: number;
  upstreamReads: number;
  elapsedMs: number;
}

export async function benchBatching(total = 100, distinct = 37): Promise<BatchingResult> {
  const sandbox = createSandbox({ taskMs: 1 });
  await sandbox.listen(0);
  const dataDir = mkdtempSync(join(tmpdir(), 'aimusic-bench-data-'));
  const config = loadConfig({ AIMUSICAPI_BASE_URL: sandbox.url, AIMUSICAPI_API_KEY: benchKey, DATA_DIR: dataDir });
  const services = createServices(config, pino({ level: 'silent' }));
  const gateway = createGateway(services);
  const url = await gateway.listen(0);
  try {
    const query = async (ids: string[]) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($ids: [ID!]!) { tasks(ids: $ids) { id status } }', variables: { ids } }),
      });
      const body = (await res.json()) as { data?: { tasks: unknown[] }; errors?: unknown[] };
      if (body.errors || body.data?.tasks.length !== ids.length) throw new Error(`batching query failed: ${JSON.stringify(body.errors)}`);
    };
    const withRepeats = (unique: string[]) => Array.from({ length: total }, (_, i) => unique[(i * 7) % distinct] as string);
    const seed = () => Promise.all(Array.from({ length: distinct }, () => seedTask(sandbox.url)));
    await query(withRepeats(await seed())); // warm-up: JIT and upstream connections
    const ids = withRepeats(await seed());
    const before = sandbox.calls.filter((c) => c.method === 'GET').length;
    const started = performance.now();
    await query(ids);
    const elapsedMs = performance.now() - started;
    const upstreamReads = sandbox.calls.filter((c) => c.method === 'GET').length - before;
    return { ids: total, distinct: new Set(ids).size, upstreamReads, elapsedMs };
  } finally {
    await gateway.close();
    await closeServices(services);
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

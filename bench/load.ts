/** A closed-loop HTTP load generator on undici: `connections` requests in flight for `durationMs`. */
import { Pool } from 'undici';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Requests per second. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  /** How long the run took, in ms. */
  elapsedMs: number;
  /** Every request's latency in ms, sorted (to merge runs). */
  latencies: Float64Array;
}

/** Several runs as one: their requests over their summed time, percentiles of all their latencies. */
export function mergeLoads(runs: readonly LoadResult[]): LoadResult {
  const latencies = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const run of runs) {
    latencies.set(run.latencies, at);
    at += run.latencies.length;
  }
  latencies.sort();
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const elapsedMs = runs.reduce((n, r) => n + r.elapsedMs, 0);
  return {
    requests,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    throughput: (requests / elapsedMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    elapsedMs,
    latencies,
  };
}

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** `request` is one request for every connection, or a request per connection (by its index). */
export async function runLoad(
  origin: string,
  request: LoadRequest | ((connection: number) => LoadRequest),
  connections: number,
  durationMs: number,
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async (connection: number) => {
    const { method, path, headers, body } = typeof request === 'function' ? request(connection) : request;
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const res = await pool.request({ method, path, headers, body });
        const text = await res.body.text();
        if (res.statusCode !== 200 || text.includes('"errors"')) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => worker(i)));
  const elapsed = performance.now() - started;
  await pool.close();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    errors,
    throughput: (latencies.length / elapsed) * 1000,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    elapsedMs: elapsed,
    latencies: sorted,
  };
}

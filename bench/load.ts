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
  };
}

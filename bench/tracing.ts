/**
 * Benchmark 8: what tracing costs. The same task reads through two gateways on one sandbox: one without tracing (no
 * OpenTelemetry loaded), one exporting over OTLP/HTTP to a collector in this process with 10 % of traces sampled.
 * Rounds alternate between the two so that drift in the machine's load hits both alike.
 */
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { runLoad, type LoadRequest, type LoadResult } from './load.js';
import { benchKey, seedTask } from './overhead.js';
import { startGatewayProcess, startSandboxProcess, type Child } from './processes.js';
import { fmt, type Section } from './report.js';

const connections = 50;
const rounds = 8;
const sampleRatio = 0.1;

/** An OTLP/HTTP collector that counts what it is sent (JSON export bodies). */
async function startCollector() {
  const seen = { posts: 0, spans: 0, bytes: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.posts++;
      seen.bytes += body.length;
      seen.spans += (body.toString('utf8').match(/"spanId"/g) ?? []).length;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

/** One round's figures for one gateway. */
interface Round {
  load: LoadResult;
  cpuUs: number;
}

async function measure(gateway: Child, request: (connection: number) => LoadRequest, durationMs: number): Promise<Round> {
  const cpu = gateway.cpuMs();
  const load = await runLoad(gateway.url, request, connections, durationMs);
  return { load, cpuUs: ((gateway.cpuMs() - cpu) * 1000) / load.requests };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export async function tracingSection(seconds: number): Promise<Section> {
  const roundMs = Math.max(2000, (seconds * 1000) / 2);
  // Tasks that stay running: every request is an upstream read (finished ones would be served from the cache), so a
  // sampled request has all three spans.
  const sandbox = await startSandboxProcess({ SANDBOX_TASK_MS: '3600000' });
  const collector = await startCollector();
  const off = await startGatewayProcess(sandbox.url, benchKey);
  const on = await startGatewayProcess(sandbox.url, benchKey, {
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    OTEL_TRACES_SAMPLER_ARG: String(sampleRatio),
  });
  try {
    const tasks = await Promise.all(Array.from({ length: connections }, () => seedTask(sandbox.url)));
    const request = (c: number) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($id: ID!) { task(id: $id) { status clips { id audioUrl } } }', variables: { id: tasks[c] } }),
    });
    const results = { off: [] as Round[], on: [] as Round[] };
    for (const gateway of [off, on]) await runLoad(gateway.url, request, connections, 2000); // warm-up
    const spansBefore = collector.seen.spans;
    // Short rounds, alternating which gateway goes first, so that the machine's load swings hit both alike.
    for (let round = 0; round < rounds; round++) {
      for (const which of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        results[which].push(await measure(which === 'on' ? on : off, request, roundMs));
      }
    }
    await on.stop(); // flushes the last batch
    const summary = (all: Round[]) => ({
      requests: all.reduce((sum, r) => sum + r.load.requests, 0),
      throughput: median(all.map((r) => r.load.throughput)),
      p50: median(all.map((r) => r.load.p50Ms)),
      p99: median(all.map((r) => r.load.p99Ms)),
      cpuUs: median(all.map((r) => r.cpuUs)),
      errors: all.reduce((sum, r) => sum + r.load.errors, 0),
    });
    const a = summary(results.off);
    const b = summary(results.on);
    const spans = collector.seen.spans - spansBefore;
    return {
      title: '8. Tracing: the cost at 10 % sampling',
      method:
        `\`{ task(id) { status clips { id audioUrl } } }\` of running tasks (each request one upstream read), a task per ` +
        `connection, ${connections} connections, against two gateways ` +
        `on one standalone sandbox (child processes): one without tracing (OTEL_EXPORTER_OTLP_ENDPOINT unset: no OpenTelemetry ` +
        `SDK loaded), one with OTEL_TRACES_SAMPLER_ARG=${sampleRatio} exporting over OTLP/HTTP to a collector in the bench process. ` +
        `${rounds} rounds of ${roundMs / 1000} s for each gateway, alternating (which goes first too), after a warm-up; figures are ` +
        `the medians of the rounds. Load ` +
        `average after the runs: ${loadavg()
          .map((l) => l.toFixed(1))
          .join(', ')}.`,
      rows: [
        {
          measure: 'without tracing',
          value: `${fmt(a.throughput)} req/s (p50 ${fmt(a.p50, 2)} ms, p99 ${fmt(a.p99, 2)} ms), ${fmt(a.cpuUs)} µs CPU per request`,
        },
        {
          measure: 'tracing, 10 % sampled',
          value: `${fmt(b.throughput)} req/s (p50 ${fmt(b.p50, 2)} ms, p99 ${fmt(b.p99, 2)} ms), ${fmt(b.cpuUs)} µs CPU per request`,
        },
        { measure: 'throughput with tracing', value: `${fmt((b.throughput / a.throughput) * 100, 1)} % of without` },
        {
          measure: 'CPU per request with tracing',
          value: `+${fmt(b.cpuUs - a.cpuUs)} µs (${fmt(((b.cpuUs - a.cpuUs) / a.cpuUs) * 100, 1)} %)`,
        },
        {
          measure: 'spans exported',
          value: `${fmt(spans)} for ${fmt(b.requests)} requests (${fmt(spans / b.requests, 2)} per request; 3 per sampled request)`,
        },
        { measure: 'errors', value: `${a.errors} without, ${b.errors} with tracing` },
      ],
      notes: [
        'An unsampled request still gets its three spans created (non-recording) and a `traceparent` sent upstream; a sampled one ' +
          'is recorded and exported in batches (BatchSpanProcessor) by the same process.',
        'CPU per request is read from /proc for each gateway process; on a machine shared with other work it swings from round to ' +
          'round (hence the medians of alternating rounds), and throughput is then set by the CPU the machine gives, not by tracing.',
        'A CPU profile (node --cpu-prof) of a gateway at 10 % sampling, with its sandbox and load generator in one process, puts ' +
          'about 5 % of all samples in OpenTelemetry and src/observability: mostly creating the spans of unsampled requests ' +
          '(Tracer.startSpan, ids, the sampler), less the export (serialising the sampled 10 %).',
      ],
    };
  } finally {
    await Promise.all([off.stop(), on.stop()]);
    await sandbox.stop();
    await collector.close();
  }
}

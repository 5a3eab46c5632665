/**
 * Tracing with OpenTelemetry: a span per HTTP request, GraphQL operation (every transport) and upstream call, linked
 * parent to child from the client's `traceparent` down to the one the upstream receives; sampled parent-based at
 * OTEL_TRACES_SAMPLER_ARG; exported over OTLP/HTTP; no key in any span; and, when OTEL_EXPORTER_OTLP_ENDPOINT is
 * unset, no OpenTelemetry SDK loaded and nothing propagated.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { loadTracing } from '../src/observability/tracing.js';
import { json, startFakeUpstream, startGateway, type FakeUpstream, type TestGateway } from './support/helpers.js';
import { waitFor } from './support/wait.js';

const clientKey = 'tracing-client-key-7f3a9c';
const serverKey = 'tracing-server-key-b81e44';
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** An upstream that records each request's traceparent and answers task reads and submits. */
async function tracedUpstream(): Promise<FakeUpstream> {
  return startFakeUpstream((req, res) => {
    if (req.method === 'POST') return json(res, 200, { code: 200, message: 'success', task_id: `task-${hex(4)}` });
    json(res, 200, { code: 200, message: 'success', data: [{ clip_id: 'clip-1', state: 'running' }] });
  });
}

/** A recording upstream and a gateway in front of it that traces into `exporter`, for one describe block. */
function tracedSetup(env: Record<string, string>) {
  const setup = { exporter: new InMemorySpanExporter() } as { exporter: InMemorySpanExporter; upstream: FakeUpstream; gw: TestGateway };
  beforeAll(async () => {
    setup.upstream = await tracedUpstream();
    const all = { AIMUSICAPI_BASE_URL: setup.upstream.url, AIMUSICAPI_API_KEY: serverKey, ...env };
    setup.gw = await startGateway(setup.upstream.url, all, 0, await loadTracing(loadConfig(all), { exporter: setup.exporter }));
  });
  afterAll(async () => {
    await setup.gw.close();
    await setup.upstream.close();
  });
  return setup;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${clientKey}`, ...headers },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const traceOf = (span: ReadableSpan) => span.spanContext().traceId;

describe('tracing on (in-memory exporter, every trace sampled)', () => {
  const setup = tracedSetup({});
  const { exporter } = setup;

  /** The spans of one trace, once `count` of them have ended (the server span ends after the response is sent). */
  async function spansOf(traceId: string, count: number): Promise<ReadableSpan[]> {
    await waitFor(() => exporter.getFinishedSpans().filter((s) => traceOf(s) === traceId).length >= count, `${count} spans`);
    return exporter.getFinishedSpans().filter((s) => traceOf(s) === traceId);
  }

  // Yoga's path: the same request from the gateway's own page (with its Origin).
  const routes = [
    ['the fast path', () => ({})],
    ["yoga's path", () => ({ origin: setup.gw.url })],
  ] as const;
  it.each(routes)(
    "%s: client traceparent → HTTP span → operation span → upstream span → the upstream's traceparent",
    async (_path, extra) => {
      const traceId = hex(16);
      const clientSpan = hex(8);
      const before = setup.upstream.requests.length;
      const reply = await post(
        setup.gw.url,
        { query: 'query ReadTask($id: ID!) { task(id: $id) { status } }', variables: { id: 'task-1' } },
        {
          traceparent: `00-${traceId}-${clientSpan}-01`,
          ...extra(),
        },
      );
      expect(reply.data?.task.status).toBe('RUNNING');
      const spans = await spansOf(traceId, 3);
      const http = spans.find((s) => s.name === 'POST /graphql')!;
      const operation = spans.find((s) => s.name === 'query ReadTask')!;
      const call = spans.find((s) => s.name === 'GET /api/v1/sonic/task/{id}')!;
      expect(parentOf(http)).toBe(clientSpan);
      expect(parentOf(operation)).toBe(idOf(http));
      expect(parentOf(call)).toBe(idOf(operation));
      expect(http.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });
      expect(operation.attributes).toEqual({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'ReadTask' });
      expect(call.attributes).toMatchObject({ 'http.request.method': 'GET', 'http.response.status_code': 200 });
      const received = setup.upstream.requests.slice(before).map((r) => r.headers.traceparent);
      expect(received).toEqual([`00-${traceId}-${idOf(call)}-01`]);
    },
  );

  it('a mutation and its upstream POST; an error marks the operation span with its code', async () => {
    const traceId = hex(16);
    const reply = await post(
      setup.gw.url,
      { query: 'mutation Split { splitStemsFull(clipId: "5a4d8b0c-0000-4000-8000-000000000001") { id } }' },
      {
        traceparent: `00-${traceId}-${hex(8)}-01`,
      },
    );
    expect(reply.errors).toBeUndefined();
    const spans = await spansOf(traceId, 3);
    expect(spans.map((s) => s.name).sort()).toEqual(['POST /api/v1/sonic/stems/full', 'POST /graphql', 'mutation Split'].sort());
    const failing = hex(16);
    await post(setup.gw.url, { query: '{ task(id: "not an id!") { id } }' }, { traceparent: `00-${failing}-${hex(8)}-01` });
    const [operation] = (await spansOf(failing, 2)).filter((s) => s.name === 'query');
    expect(operation?.attributes['graphql.error.codes']).toEqual(['BAD_USER_INPUT']);
    expect(operation?.status.code).toBe(2); // ERROR
  });

  it('an operation over graphql-ws has its span, parent of its upstream call', async () => {
    const before = exporter.getFinishedSpans().length;
    const client = createClient({ url: `${setup.gw.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    await new Promise((resolve, reject) =>
      client.subscribe(
        { query: 'query OverSocket { task(id: "task-ws") { status } }' },
        { next: resolve, error: reject, complete: () => undefined },
      ),
    );
    await client.dispose();
    await waitFor(
      () =>
        exporter
          .getFinishedSpans()
          .slice(before)
          .some((s) => s.name === 'GET /api/v1/sonic/task/{id}'),
      'the upstream span',
    );
    const spans = exporter.getFinishedSpans().slice(before);
    const operation = spans.find((s) => s.name === 'query OverSocket')!;
    const call = spans.find((s) => s.name === 'GET /api/v1/sonic/task/{id}' && traceOf(s) === traceOf(operation));
    expect(parentOf(call!)).toBe(idOf(operation));
  });

  it('no span holds a key, a bearer token or a document', async () => {
    const everything = JSON.stringify(
      exporter
        .getFinishedSpans()
        .map((s) => ({ name: s.name, attributes: s.attributes, events: s.events, resource: s.resource.attributes, status: s.status })),
    );
    expect(everything.length).toBeGreaterThan(1000);
    for (const secret of [clientKey, serverKey, 'Bearer', 'splitStemsFull(']) expect(everything).not.toContain(secret);
  });
});

describe('sampling: parent-based, OTEL_TRACES_SAMPLER_ARG for new traces', () => {
  const setup = tracedSetup({ OTEL_TRACES_SAMPLER_ARG: '0' });
  const { exporter } = setup;

  /** The trace id the upstream was sent, and whether that trace was recorded (checked once a later trace is in). */
  async function traced(headers: Record<string, string>) {
    const before = setup.upstream.requests.length;
    await post(setup.gw.url, { query: '{ task(id: "task-2") { status } }' }, headers);
    const sent = String(setup.upstream.requests[before]?.headers.traceparent);
    const marker = hex(16);
    await post(setup.gw.url, { query: '{ task(id: "task-2") { status } }' }, { traceparent: `00-${marker}-${hex(8)}-01` });
    await waitFor(() => exporter.getFinishedSpans().filter((s) => traceOf(s) === marker).length === 3, 'the marker trace');
    const traceId = sent.split('-')[1];
    return { sent, recorded: exporter.getFinishedSpans().filter((s) => traceOf(s) === traceId).length };
  }

  it('a new trace at ratio 0 is not recorded, yet the upstream gets a traceparent (not sampled)', async () => {
    const { sent, recorded } = await traced({});
    expect(sent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(recorded).toBe(0);
  });

  it.each([
    ["a caller's sampled trace is recorded", '01', 3],
    ["a caller's unsampled trace is not", '00', 0],
  ] as const)('%s', async (_what, flags, spans) => {
    const traceId = hex(16);
    const { sent, recorded } = await traced({ traceparent: `00-${traceId}-${hex(8)}-${flags}` });
    expect(sent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-${flags}$`));
    expect(recorded).toBe(spans);
  });
});

describe('export over OTLP/HTTP', () => {
  it('posts the spans to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const upstream = await tracedUpstream();
    const env = {
      AIMUSICAPI_BASE_URL: upstream.url,
      AIMUSICAPI_API_KEY: serverKey,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      OTEL_SERVICE_NAME: 'traced-gateway',
    };
    const gw = await startGateway(upstream.url, env, 0, await loadTracing(loadConfig(env)));
    try {
      await post(gw.url, { query: 'query Exported { task(id: "task-3") { status } }' });
    } finally {
      await gw.close(); // flushes the batch
      await upstream.close();
      collector.close();
    }
    expect(received.map((r) => r.path)).toContain('/v1/traces');
    const body = received.map((r) => r.body).join('\n');
    for (const expected of ['traced-gateway', 'query Exported', 'POST /graphql', 'GET /api/v1/sonic/task/{id}'])
      expect(body).toContain(expected);
    expect(body).not.toContain(serverKey);
  });
});

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('propagates nothing: the upstream gets no traceparent, even when the client sent one', async () => {
    const upstream = await tracedUpstream();
    const gw = await startGateway(
      upstream.url,
      { AIMUSICAPI_API_KEY: serverKey },
      0,
      await loadTracing(loadConfig({ AIMUSICAPI_BASE_URL: upstream.url })),
    );
    try {
      await post(gw.url, { query: '{ task(id: "task-4") { status } }' }, { traceparent: `00-${hex(16)}-${hex(8)}-01` });
      expect(upstream.requests.at(-1)?.headers.traceparent).toBeUndefined();
      expect(gw.services.tracing).toBeUndefined();
    } finally {
      await gw.close();
      await upstream.close();
    }
  });

  it('loads no OpenTelemetry SDK module (only @opentelemetry/api, which prom-client uses)', async () => {
    // A child process of its own: this one has the SDK loaded by the tests above.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/tracing-probe.mjs', '{}'], {
      timeout: 60_000,
    });
    const probe = JSON.parse(stdout) as { tracing: boolean; loaded: string[] };
    expect(probe.tracing).toBe(false);
    expect(probe.loaded.some((url) => url.startsWith('graphql-yoga/'))).toBe(true); // the probe sees what loads
    expect(probe.loaded.filter((url) => url.startsWith('@opentelemetry/') && !url.startsWith('@opentelemetry/api/'))).toEqual([]);
  }, 60_000);
});

import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { demoClip, type Sandbox } from '../src/sandbox/index.js';
import { startGateway, startSandbox, type TestGateway } from './support/helpers.js';

interface Reply {
  status: number;
  body: any;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const fastPathCount = async (gw: TestGateway) => (await gw.services.metrics.fastPathRequests.get()).values[0]?.value ?? 0;
const viaYoga = { origin: 'http://app.example' };

describe('HTTP fast path', () => {
  let sandbox: Sandbox;
  let gw: TestGateway;
  let taskId: string;
  beforeAll(async () => {
    sandbox = await startSandbox(1);
    gw = await startGateway(sandbox.url, { CORS_ORIGINS: viaYoga.origin });
    taskId = (await post(gw.url, { query: `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, variables: { c: demoClip.id } })).body
      .data.splitStemsBasic.id;
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  const requests: [string, unknown][] = [
    ['a task read', { query: `query($id: ID!) { task(id: $id) { id kind status stems { kind name } } }`, variables: { id: 'TASK' } }],
    ['an unknown task (field error with a code)', { query: `{ task(id: "0000dead-0000-4000-8000-000000000000") { id } }` }],
    ['partial data', { query: `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`, variables: { ids: ['TASK', 'nope-nope'] } }],
    ['a malformed id', { query: `{ task(id: "not an id") { id } }` }],
    ['a named operation among several', { query: `query A { __typename } query B { operationCosts { operation } }`, operationName: 'B' }],
    ['a syntax error', { query: `{ task(id: ` }],
    ['a validation error', { query: `{ nope }` }],
    ['a variable of the wrong type', { query: `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`, variables: { ids: 5 } }],
    ['a missing operation name', { query: `query A { __typename } query B { __typename }` }],
  ];

  it.each(requests)('answers %s exactly as yoga does', async (_name, request) => {
    const body = JSON.parse(JSON.stringify(request).replaceAll('TASK', taskId));
    const before = await fastPathCount(gw);
    const fast = await post(gw.url, body);
    const usedFastPath = (await fastPathCount(gw)) > before;
    const full = await post(gw.url, body, viaYoga);
    expect(fast).toEqual(full);
    // Only well-formed queries take the fast path; the rest are answered by yoga.
    expect(usedFastPath).toBe(!fast.body.errors || 'data' in fast.body);
  });

  it('takes mutations, and runs them once', async () => {
    const before = sandbox.calls.length;
    const fastBefore = await fastPathCount(gw);
    const res = await post(gw.url, {
      query: `mutation($c: ID!) { splitStemsFull(clipId: $c) { kind status } }`,
      variables: { c: demoClip.id },
    });
    expect(res).toEqual({ status: 200, body: { data: { splitStemsFull: { kind: 'STEMS_FULL', status: 'PENDING' } } } });
    expect(sandbox.calls.length).toBe(before + 1);
    expect(await fastPathCount(gw)).toBe(fastBefore + 1);
  });

  it('leaves browsers, SSE and batches to yoga', async () => {
    const before = await fastPathCount(gw);
    await post(gw.url, { query: '{ __typename }' }, viaYoga);
    await post(gw.url, [{ query: '{ __typename }' }]);
    const sse = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(sse.headers.get('content-type')).toContain('text/event-stream');
    await sse.text();
    expect(await fastPathCount(gw)).toBe(before);
  });

  it('counts its errors in /metrics by code', async () => {
    await post(gw.url, { query: `{ task(id: "0000dead-0000-4000-8000-000000000000") { id } }` });
    const text = await (await fetch(`${gw.url}/metrics`)).text();
    expect(text).toMatch(/aimusic_graphql_errors_total\{code="NOT_FOUND"\} [1-9]/);
    expect(text).toMatch(/aimusic_graphql_fast_path_requests_total [1-9]/);
  });
});

describe('limits hold on the fast path and over graphql-ws', () => {
  let sandbox: Sandbox;
  let gw: TestGateway;
  beforeAll(async () => {
    sandbox = await startSandbox(1);
    gw = await startGateway(sandbox.url, { RATE_LIMIT_PER_MINUTE: '3', ALLOW_INTROSPECTION: 'false' });
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  it('refuses introspection on the fast path and over graphql-ws', async () => {
    const query = '{ __schema { queryType { name } } }';
    const fast = await post(gw.url, { query });
    expect(fast.body.errors[0].message).toMatch(/introspection/i);
    const client = createClient({ url: `${gw.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const wsErrors = await new Promise<unknown>((resolve) => {
      client.subscribe({ query }, { next: (r) => resolve(r.errors), error: (e) => resolve(e), complete: () => undefined });
    });
    await client.dispose();
    expect(JSON.stringify(wsErrors)).toMatch(/introspection/i);
  });

  it('rate-limits the fast path like yoga: 429, RATE_LIMITED, Retry-After', async () => {
    const replies: Reply[] = [];
    for (let i = 0; i < 4; i++)
      replies.push(await post(gw.url, { query: '{ operationCosts { operation } }' }, { authorization: 'Bearer rate-key-1234' }));
    const limited = replies.find((r) => r.status === 429);
    expect(limited?.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limited?.body.errors[0].extensions.http).toBeUndefined();
  });
});

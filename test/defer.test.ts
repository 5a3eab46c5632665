/**
 * @defer and @stream: Apollo Client 4 with its Defer20220824Handler reads a task page whose stems are deferred
 * (multipart/mixed), graphql-sse reads the same parts as events (graphql-ws as messages), and @stream sends a list item by item. Such
 * documents run on yoga's executor and never on the HTTP fast path; the rest keep graphql-js and the fast path.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { Defer20220824Handler } from '@apollo/client/incremental';
import { createClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TaskWithDeferredStemsDocument } from '../operations/generated/graphql.js';
import { demoClip } from '../src/sandbox/index.js';
import { gql, keyA, manualClock, sandboxGateway } from './support/helpers.js';

const bearer = { authorization: `Bearer ${keyA}` };

describe('@defer and @stream', () => {
  const clock = manualClock(Date.now());
  const setup = sandboxGateway({}, { taskMs: 1000, now: clock.now });
  let taskId: string;
  beforeAll(async () => {
    taskId = (await gql(setup.gw.url, 'mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }', { c: demoClip.id }, bearer)).data!
      .splitStemsBasic.id;
    clock.advance(2000);
  });

  it("Apollo Client's defer handler: the task first, its stems in a later part of one multipart/mixed answer", async () => {
    const original = globalThis.fetch;
    const types: string[] = [];
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const res = await original(input, init);
      types.push(res.headers.get('content-type') ?? '');
      return res;
    });
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({ uri: `${setup.gw.url}/graphql`, headers: bearer }),
      incrementalHandler: new Defer20220824Handler(),
    });
    try {
      const states: { dataState: string; stems: unknown }[] = [];
      await new Promise<void>((resolve, reject) => {
        const sub = client.watchQuery({ query: TaskWithDeferredStemsDocument, variables: { id: taskId } }).subscribe({
          next: (result) => {
            if (result.error) return reject(result.error);
            if (!result.data) return;
            states.push({ dataState: result.dataState, stems: 'stems' in (result.data.task ?? {}) ? result.data.task?.stems : undefined });
            if (result.dataState === 'complete') {
              sub.unsubscribe();
              resolve();
            }
          },
          error: reject,
        });
      });
      expect(types[0]).toMatch(/^multipart\/mixed/);
      expect(states[0]).toEqual({ dataState: 'streaming', stems: undefined });
      const done = states.at(-1)!.stems as { id: string; kind: string; clip: { id: string } }[];
      expect(done.map((s) => s.kind)).toEqual(['VOCALS', 'INSTRUMENTAL']);
      for (const stem of done) expect(stem.id).toBe(stem.clip.id);
    } finally {
      client.stop();
      spy.mockRestore();
    }
  });

  it('graphql-sse: the same parts as server-sent events', async () => {
    const client = createClient({ url: `${setup.gw.url}/graphql`, headers: bearer });
    const parts: any[] = [];
    try {
      const query = 'query($id: ID!) { task(id: $id) { id ... @defer { stems { kind } } } }';
      for await (const part of client.iterate({ query, variables: { id: taskId } })) parts.push(part);
    } finally {
      client.dispose();
    }
    expect(parts[0]).toMatchObject({ data: { task: { id: taskId } }, hasNext: true });
    expect(parts[0].data.task.stems).toBeUndefined();
    expect(parts.at(-1)).toMatchObject({ hasNext: false });
    const incremental = parts.flatMap((p) => p.incremental ?? []);
    expect(incremental).toEqual([{ data: { stems: [{ kind: 'VOCALS' }, { kind: 'INSTRUMENTAL' }] }, path: ['task'] }]);
  });

  it('graphql-ws: the parts as successive messages', async () => {
    const client = createWsClient({
      url: `${setup.gw.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: bearer,
    });
    const parts: any[] = [];
    try {
      const query = 'query($id: ID!) { task(id: $id) { id ... @defer { stems { kind } } } }';
      for await (const part of client.iterate({ query, variables: { id: taskId } })) parts.push(part);
    } finally {
      await client.dispose();
    }
    expect(parts[0]).toMatchObject({ data: { task: { id: taskId } }, hasNext: true });
    expect(parts.flatMap((p) => p.incremental ?? [])).toEqual([
      { data: { stems: [{ kind: 'VOCALS' }, { kind: 'INSTRUMENTAL' }] }, path: ['task'] },
    ]);
  });

  it('@stream: the first items at once, each later one in its own part', async () => {
    const res = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed', ...bearer },
      body: JSON.stringify({ query: '{ operationCosts @stream(initialCount: 1) { operation } }' }),
    });
    expect(res.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    const parts = (await res.text())
      .split(/\r\n--[-\w]*/)
      .filter((part) => part.includes('{'))
      .map((part) => JSON.parse(part.slice(part.indexOf('{'))));
    expect(parts[0].data.operationCosts).toHaveLength(1);
    expect(parts[0].hasNext).toBe(true);
    const streamed = parts.flatMap((part) => (part.incremental ?? []).flatMap((each: { items?: unknown[] }) => each.items ?? []));
    const all = (await gql(setup.gw.url, '{ operationCosts { operation } }')).data!.operationCosts;
    expect([parts[0].data.operationCosts[0], ...streamed]).toEqual(all);
    expect(parts.at(-1).hasNext).toBe(false);
  });

  it('their validation rules hold: no @defer on a root mutation field, @stream only on a list', async () => {
    const posts = setup.sandbox.calls.filter((c) => c.method === 'POST').length;
    const onRoot = await gql(setup.gw.url, 'mutation { ... @defer { upsampleTags(tags: "lofi") { tags } } }', {}, bearer);
    expect(onRoot.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(onRoot.errors?.[0]?.message).toMatch(/root mutation/);
    expect(setup.sandbox.calls.filter((c) => c.method === 'POST').length).toBe(posts);
    const notList = await gql(setup.gw.url, 'query($id: ID!) { task(id: $id) @stream { id } }', { id: taskId }, bearer);
    expect(notList.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(notList.errors?.[0]?.message).toMatch(/stream/i);
  });

  it('a document without them keeps the fast path; one with them never takes it', async () => {
    const count = async () => (await setup.gw.services.metrics.fastPathRequests.get()).values[0]?.value ?? 0;
    const before = await count();
    await gql(setup.gw.url, 'query($id: ID!) { task(id: $id) { id } }', { id: taskId }, bearer);
    expect(await count()).toBe(before + 1);
    const deferred = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer },
      body: JSON.stringify({ query: 'query($id: ID!) { task(id: $id) { id ... @defer { status } } }', variables: { id: taskId } }),
    });
    expect(deferred.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    expect(await deferred.text()).toContain('"status":"SUCCEEDED"');
    expect(await count()).toBe(before + 1);
  });
});

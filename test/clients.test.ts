/**
 * The client recipes of docs/clients.md (examples/clients/*.ts, shown there verbatim) run against a started gateway
 * on the sandbox: Apollo Client (HttpLink, GraphQLWsLink, persisted queries link), urql (graphql-ws subscription
 * exchange, persisted exchange, GETs with the CSRF header), graphql-sse and plain fetch with trusted documents. Each
 * runs a query, a mutation and `taskUpdated` to its completion, and reads an error's `extensions.code`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApolloClient, tour as apolloTour } from '../examples/clients/apollo.js';
import { createFetchClient, tour as fetchTour } from '../examples/clients/fetch.js';
import { createSseClient, tour as sseTour } from '../examples/clients/sse.js';
import { createUrqlClient, tour as urqlTour } from '../examples/clients/urql.js';
import { OperationCostsDocument } from '../operations/generated/graphql.js';
import { demoClip } from '../src/sandbox/index.js';
import { gql, keyA, sandboxGateway } from './support/helpers.js';

type Tour = { operations: number; taskId: string; statuses: string[]; errorCode: unknown };

/** Every request a client sends with the global fetch: method, URL and body. */
function recordFetches() {
  const original = globalThis.fetch;
  const seen: { method: string; url: URL; body: string; status: number }[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const res = await original(input, init);
    seen.push({ method, url, body: typeof init?.body === 'string' ? init.body : '', status: res.status });
    return res;
  });
  return { seen, restore: () => spy.mockRestore() };
}

describe('client recipes against a started gateway', () => {
  // A short task, read often: each subscription sees the task through to SUCCEEDED in well under a second.
  const setup = sandboxGateway({ POLL_INTERVAL_MS: '25' }, { taskMs: 300 });
  let fetches: ReturnType<typeof recordFetches>;
  beforeEach(() => void (fetches = recordFetches()));
  afterEach(() => fetches.restore());

  /**
   * What every recipe must show: the schema's operations, one paid POST, the task to its end, an error's code.
   * Returns the HTTP requests the recipe sent.
   */
  async function expectTour(run: () => Promise<Tour>) {
    const submitsBefore = setup.sandbox.calls.filter((c) => c.method === 'POST').length;
    const result = await run();
    const sent = [...fetches.seen];
    const costs = await gql(setup.gw.url, '{ operationCosts { operation } }');
    expect(result.operations).toBe(costs.data!.operationCosts.length);
    expect(setup.sandbox.calls.filter((c) => c.method === 'POST').length).toBe(submitsBefore + 1);
    expect(result.statuses.at(-1)).toBe('SUCCEEDED');
    expect(result.statuses.slice(0, -1).every((s) => s === 'PENDING' || s === 'RUNNING')).toBe(true);
    const task = await gql(setup.gw.url, 'query($id: ID!) { task(id: $id) { status stems { kind } } }', { id: result.taskId });
    expect(task.data!.task).toEqual({ status: 'SUCCEEDED', stems: [{ kind: 'VOCALS' }, { kind: 'INSTRUMENTAL' }] });
    expect(result.errorCode).toBe('BAD_USER_INPUT');
    return sent;
  }

  it('Apollo Client: HttpLink with automatic persisted queries, GraphQLWsLink for taskUpdated', async () => {
    const client = createApolloClient(setup.gw.url, keyA);
    await expectTour(() => apolloTour(client, demoClip.id));
    // The first query was sent as a hash, refused as unknown, then sent with its text; the hash alone serves it now.
    const costs = fetches.seen.filter(
      (f) => f.url.searchParams.get('operationName') === 'OperationCosts' || f.body.includes('"OperationCosts"'),
    );
    expect(costs.map((f) => [f.method, f.url.searchParams.has('query') || f.body.includes('"query"'), f.status])).toEqual([
      ['GET', false, 404],
      ['POST', true, 200],
    ]);
    const again = await client.query({ query: OperationCostsDocument, fetchPolicy: 'network-only' });
    expect(again.data?.operationCosts.map((c) => c.operation)).toContain('splitStemsBasic');
    const last = fetches.seen.at(-1)!;
    expect([last.method, last.url.searchParams.has('query'), last.url.searchParams.has('extensions'), last.status]).toEqual([
      'GET',
      false,
      true,
      200,
    ]);
    client.stop();
  });

  it('urql: queries as GETs with the CSRF header and persisted queries, subscriptionExchange over graphql-ws', async () => {
    const client = createUrqlClient(setup.gw.url, keyA);
    await expectTour(() => urqlTour(client, demoClip.id));
    const gets = fetches.seen.filter((f) => f.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    expect(gets.every((f) => f.url.searchParams.has('extensions'))).toBe(true);
    expect(gets.some((f) => f.status === 200 && !f.url.searchParams.has('query'))).toBe(true);
  });

  it('graphql-sse: every operation over server-sent events', async () => {
    const client = createSseClient(setup.gw.url, keyA);
    await expectTour(() => sseTour(client, demoClip.id));
    client.dispose();
  });

  it('plain fetch with trusted documents (the hashes of operations/generated), subscriptions over SSE', async () => {
    const sent = await expectTour(() => fetchTour(createFetchClient(setup.gw.url, keyA), demoClip.id));
    expect(sent.map((f) => Object.keys(JSON.parse(f.body)).sort())).toEqual(Array(4).fill(['extensions', 'variables']));
  });

  describe('with PERSISTED_OPERATIONS_ONLY=true', () => {
    const only = sandboxGateway({ POLL_INTERVAL_MS: '25', PERSISTED_OPERATIONS_ONLY: 'true' }, { taskMs: 300 });
    it('plain fetch with trusted documents still works', async () => {
      const result = await fetchTour(createFetchClient(only.gw.url, keyA), demoClip.id);
      expect(result).toMatchObject({ statuses: expect.arrayContaining(['SUCCEEDED']), errorCode: 'BAD_USER_INPUT' });
    });
  });
});

describe('docs/clients.md', () => {
  const page = readFileSync('docs/clients.md', 'utf8');
  it.each([
    'clients/apollo',
    'clients/urql',
    'clients/sse',
    'clients/fetch',
    'clients/apollo-retry',
    'clients/urql-graphcache',
    'clients/apollo-batch',
    'relay/environment',
  ])('shows examples/%s.ts exactly as tested', (name) => {
    const code = readFileSync(`examples/${name}.ts`, 'utf8');
    expect(page.includes(code), `docs/clients.md must show examples/${name}.ts as it is`).toBe(true);
  });
});

afterAll(() => vi.restoreAllMocks());

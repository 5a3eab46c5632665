/**
 * The recipes of docs/clients.md beyond the basic tours (examples/clients/apollo-retry.ts, urql-graphcache.ts,
 * examples/relay/environment.ts), with the real clients: Apollo's ErrorLink and an urql exchange send an operation
 * refused with RATE_LIMITED again after the `retryAfterSeconds` the gateway named (here the upstream's Retry-After),
 * and urql's graphcache keys every entity the schema has (Task, Clip, Stem, Viewer) without a warning.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType } from 'graphql';
import { of } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRetryingApolloClient } from '../examples/clients/apollo-retry.js';
import { createNormalisedUrqlClient } from '../examples/clients/urql-graphcache.js';
import {
  CreditsDocument,
  ErrorCodesDocument,
  OperationCostsDocument,
  TaskDocument,
  ViewerDocument,
} from '../operations/generated/graphql.js';
import { demoClip } from '../src/sandbox/index.js';
import { getCreditsAnswer } from './cases/upstream-examples.js';
import {
  gql,
  json,
  keyA,
  manualClock,
  sandboxGateway,
  startFakeUpstream,
  startGateway,
  type FakeUpstream,
  type TestGateway,
} from './support/helpers.js';

describe('retrying after RATE_LIMITED', () => {
  let upstream: FakeUpstream;
  let gw: TestGateway;
  /** The upstream refuses the first credits read with 429 and Retry-After: 7, then answers as documented. */
  let refusals = 0;
  beforeAll(async () => {
    upstream = await startFakeUpstream((_req, res) =>
      refusals-- > 0 ? json(res, 429, { message: 'Too many requests' }, { 'retry-after': '7' }) : json(res, 200, getCreditsAnswer),
    );
    gw = await startGateway(upstream.url, { UPSTREAM_READ_ATTEMPTS: '1', BREAKER_FAILURE_THRESHOLD: '1000' });
  });
  afterAll(async () => {
    await gw.close();
    await upstream.close();
  });
  const reads = () => upstream.requests.filter((r) => r.path.endsWith('/get-credits')).length;

  it("Apollo's ErrorLink waits retryAfterSeconds, then sends it again", async () => {
    refusals = 1;
    const before = reads();
    const waited: number[] = [];
    const client = createRetryingApolloClient(gw.url, keyA, { wait: (seconds) => (waited.push(seconds), of(0)) });
    const { data } = await client.query({ query: CreditsDocument, fetchPolicy: 'no-cache' });
    expect(data?.credits).toMatchObject({ subscriptionCredits: 50, extraCredits: 0, total: 50 });
    expect(waited).toEqual([7]);
    expect(reads() - before).toBe(2);
    client.stop();
  });

  it('an urql exchange does the same', async () => {
    refusals = 1;
    const before = reads();
    const waited: number[] = [];
    const client = createNormalisedUrqlClient(gw.url, keyA, { wait: (seconds, then) => (waited.push(seconds), then()) });
    const result = await client.query(CreditsDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.credits?.total).toBe(50);
    expect(waited).toEqual([7]);
    expect(reads() - before).toBe(2);
  });

  it('each gives up after its retries, with the error', async () => {
    refusals = 10;
    const waited: number[] = [];
    const client = createRetryingApolloClient(gw.url, keyA, { maxRetries: 2, wait: (seconds) => (waited.push(seconds), of(0)) });
    const result = await client.query({ query: CreditsDocument, fetchPolicy: 'no-cache', errorPolicy: 'all' });
    expect(waited).toEqual([7, 7]);
    expect(result.error?.message).toMatch(/Too many requests|rate/i);
    client.stop();
    const urqlWaits: number[] = [];
    const urql = createNormalisedUrqlClient(gw.url, keyA, { maxRetries: 2, wait: (seconds, then) => (urqlWaits.push(seconds), then()) });
    const refused = await urql.query(CreditsDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(urqlWaits).toEqual([7, 7]);
    expect(refused.error?.graphQLErrors[0]?.extensions.code).toBe('RATE_LIMITED');
  });
});

describe('urql graphcache', () => {
  const clock = manualClock(Date.now());
  const setup = sandboxGateway({}, { taskMs: 1000, now: clock.now });

  it('keys Task, Clip, Stem and Viewer by id and embeds the value types: no warning on any answer', async () => {
    const taskId = (
      await gql(
        setup.gw.url,
        'mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }',
        { c: demoClip.id },
        { authorization: `Bearer ${keyA}` },
      )
    ).data!.splitStemsBasic.id;
    clock.advance(2000);
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const client = createNormalisedUrqlClient(setup.gw.url, keyA);
      const task = await client.query(TaskDocument, { id: taskId }).toPromise();
      expect(task.data?.task?.stems.map((s) => s.kind)).toEqual(['VOCALS', 'INSTRUMENTAL']);
      const viewer = await client.query(ViewerDocument, {}).toPromise();
      expect(viewer.data?.viewer?.tasks?.edges.map((e) => e?.node?.id)).toContain(taskId);
      expect((await client.query(OperationCostsDocument, {}).toPromise()).data?.operationCosts.length).toBeGreaterThan(10);
      expect((await client.query(ErrorCodesDocument, {}).toPromise()).data?.errorCodes.length).toBeGreaterThan(10);
      expect(warnings.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      warnings.mockRestore();
    }
  });

  it("the recipe embeds exactly the schema's object types that have no id", () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const roots = new Set(['Query', 'Mutation', 'Subscription']);
    const idless = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !roots.has(t.name) && !('id' in t.getFields()))
      .map((t) => t.name)
      .sort();
    const recipe = readFileSync('examples/clients/urql-graphcache.ts', 'utf8');
    const listed = [...(/const valueTypes = \[([^\]]*)\]/s.exec(recipe)?.[1] ?? '').matchAll(/'(\w+)'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual(idless);
  });
});

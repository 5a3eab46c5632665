/**
 * Opt-in batching (MAX_BATCH_OPERATIONS): Apollo Client's BatchHttpLink (examples/clients/apollo-batch.ts) sends several operations as one JSON array
 * and gets one result per operation. Each operation counts on its own against the rate limit, the query limits and
 * a signed-in user's budget. Off by default: a batch is refused as before.
 */
import { createBatchingApolloClient } from '../examples/clients/apollo-batch.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCodesDocument, OperationCostsDocument, TaskDocument } from '../operations/generated/graphql.js';
import { demoClip } from '../src/sandbox/index.js';
import { keyA, keyB, sandboxGateway } from './support/helpers.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

/** The bodies of the HTTP requests sent meanwhile. */
function recordBodies() {
  const original = globalThis.fetch;
  const bodies: unknown[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    if (typeof init?.body === 'string') bodies.push(JSON.parse(init.body));
    return original(input, init);
  });
  return { bodies, restore: () => spy.mockRestore() };
}

async function postBatch(url: string, operations: object[], headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(operations),
  });
  return { status: res.status, body: (await res.json()) as any };
}

let recorded: ReturnType<typeof recordBodies>;
beforeEach(() => void (recorded = recordBodies()));
afterEach(() => recorded.restore());

describe('with MAX_BATCH_OPERATIONS=3', () => {
  const setup = sandboxGateway({
    MAX_BATCH_OPERATIONS: '3',
    RATE_LIMIT_PER_MINUTE: '4',
    RATE_LIMIT_PER_IP_PER_MINUTE: '0',
    MAX_QUERY_ALIASES: '2',
  });

  it('BatchHttpLink: three operations in one request, each with its own result; the rate limit counts each', async () => {
    const client = createBatchingApolloClient(setup.gw.url, keyA);
    const [costs, codes, bad] = await Promise.all([
      client.query({ query: OperationCostsDocument, fetchPolicy: 'no-cache' }),
      client.query({ query: ErrorCodesDocument, fetchPolicy: 'no-cache' }),
      client.query({ query: TaskDocument, variables: { id: 'not an id!' }, fetchPolicy: 'no-cache', errorPolicy: 'all' }),
    ]);
    expect(recorded.bodies).toHaveLength(1);
    expect(recorded.bodies[0]).toHaveLength(3);
    expect(costs.data?.operationCosts.length).toBeGreaterThan(10);
    expect(codes.data?.errorCodes.map((c) => c.code)).toContain('RATE_LIMITED');
    expect((bad.error as { errors?: { extensions?: { code?: string } }[] })?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // 3 of 4 operations this minute are spent: of the next two, in one request, the second is refused on its own.
    const next = await postBatch(setup.gw.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }], {
      authorization: `Bearer ${keyA}`,
    });
    expect(next.body[0]).toEqual({ data: { __typename: 'Query' } });
    expect(next.body[1].errors[0].extensions.code).toBe('RATE_LIMITED');
    client.stop();
  });

  it('the query limits apply to each operation: one over MAX_QUERY_ALIASES fails alone', async () => {
    const reply = await postBatch(
      setup.gw.url,
      [{ query: '{ a: errorCodes { code } b: errorCodes { code } c: errorCodes { code } }' }, { query: '{ __typename }' }],
      {
        authorization: `Bearer ${keyB}`,
      },
    );
    expect(reply.body[0].errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(reply.body[1]).toEqual({ data: { __typename: 'Query' } });
  });

  it('more operations than MAX_BATCH_OPERATIONS: the request is refused whole, nothing runs', async () => {
    const before = setup.sandbox.calls.length;
    const ops = Array.from({ length: 4 }, () => ({ query: '{ credits { total } }' }));
    const reply = await postBatch(setup.gw.url, ops, { authorization: 'Bearer test-key-charlie-0003' });
    expect(reply.status).toBe(413);
    expect(reply.body.errors[0]).toMatchObject({ message: expect.stringMatching(/limited to 3/), extensions: { code: 'BAD_REQUEST' } });
    expect(setup.sandbox.calls.length).toBe(before);
  });
});

describe('with sign-in and a budget', () => {
  const setup = sandboxGateway({ MAX_BATCH_OPERATIONS: '2', AUTH_JWT_SECRET: testJwtSecret, USER_CREDIT_BUDGET: '60', CLIP_ACCESS: 'any' });
  it("each paid mutation of a batch reserves from the user's budget on its own", async () => {
    const user = await signedIn('batcher');
    const split = { query: 'mutation($c: ID!) { splitStemsFull(clipId: $c) { id } }', variables: { c: demoClip.id } };
    const reply = await postBatch(setup.gw.url, [split, split], user);
    const outcomes = reply.body.map((r: any) => (r.data?.splitStemsFull ? 'task' : r.errors[0].extensions.code)).sort();
    expect(outcomes).toEqual(['BUDGET_EXCEEDED', 'task']);
  });
});

describe('by default (MAX_BATCH_OPERATIONS=0)', () => {
  const setup = sandboxGateway();
  it('BatchHttpLink gets a refusal, as before: batches are off', async () => {
    const client = createBatchingApolloClient(setup.gw.url);
    const result = await client.query({ query: OperationCostsDocument, errorPolicy: 'all' });
    expect(result.data).toBeUndefined();
    expect(result.error).toBeDefined();
    const reply = await postBatch(setup.gw.url, [{ query: '{ __typename }' }]);
    expect([reply.status, reply.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    client.stop();
  });
});

/**
 * How much upstream work one request may cause. Reads of tasks the gateway has no record of (sign-in off: any task of
 * the key) are bounded three ways: `tasks(ids:)` counts each id in the cost limit, one request may read at most 100
 * such ids across all its fields and aliases, and each read takes a point from the caller's rate limit. Before, 15
 * aliases of 100 unknown ids were one operation and 1,500 upstream reads.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codes, gql, sandboxGateway, type GraphQLResponse } from './support/helpers.js';

const unknownIds = (n: number) => Array.from({ length: n }, () => randomUUID());

/** One query with `aliases` aliases of `tasks(ids: $iN)`, each with its own list of `perAlias` unknown ids. */
function aliased(aliases: number, perAlias: number) {
  const names = Array.from({ length: aliases }, (_, i) => `i${i}`);
  const query = `query(${names.map((n) => `$${n}: [ID!]!`).join(', ')}) { ${names.map((n) => `${n}: tasks(ids: $${n}) { id }`).join(' ')} }`;
  const variables = Object.fromEntries(names.map((n) => [n, unknownIds(perAlias)]));
  return { query, variables };
}

describe('reads of unknown task ids, sign-in off', () => {
  const setup = sandboxGateway();
  const reads = () => setup.sandbox.calls.filter((c) => c.method === 'GET' && c.path.includes('/task/')).length;

  it('15 aliases of tasks(ids:) with 100 unknown ids each: over the cost limit (ids count), refused with no upstream read', async () => {
    const before = reads();
    const { query, variables } = aliased(15, 100);
    const refused = await gql(setup.gw.url, query, variables);
    expect(refused.data).toBeUndefined();
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors![0]!.message).toMatch(/^Query Cost limit of 5000 exceeded, found \d+\.$/);
    // The same over graphql-response+json is a 400.
    const res = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    expect(res.status).toBe(400);
    // And over graphql-ws.
    const client = createClient({ url: `${setup.gw.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket });
    const overSocket = await new Promise<GraphQLResponse>((resolve, reject) => {
      let first: GraphQLResponse = {};
      client.subscribe(
        { query, variables },
        { next: (r) => (first = r as GraphQLResponse), error: reject, complete: () => resolve(first) },
      );
    });
    await client.dispose();
    expect(codes(overSocket)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(reads()).toBe(before);
  });

  it('ids given as a literal list count too, and repeats of an id count once', async () => {
    const literal = `{ ${Array.from(
      { length: 15 },
      (_, i) =>
        `a${i}: tasks(ids: [${unknownIds(100)
          .map((id) => `"${id}"`)
          .join(' ')}]) { id }`,
    ).join(' ')} }`;
    const before = reads();
    const refused = await gql(setup.gw.url, literal);
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors![0]!.message).toMatch(/^Query Cost limit of 5000 exceeded/);
    expect(reads()).toBe(before);
    const one = unknownIds(1)[0];
    const repeated = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: tasks(ids: [${Array(60).fill(`"${one}"`).join(', ')}]) { id }`).join(' ')} }`;
    // 15 fields of one id each: well within the cost (and one upstream read, for the one id).
    const answered = await gql(setup.gw.url, repeated);
    expect(codes(answered).every((code) => code === 'NOT_FOUND')).toBe(true);
    expect(reads() - before).toBe(1);
  });

  it('10 aliases of 100 different unknown ids (within the cost): at most 100 upstream reads, the rest refused with BAD_USER_INPUT', async () => {
    const before = reads();
    const { query, variables } = aliased(10, 100);
    const answer = await gql(setup.gw.url, query, variables);
    expect(reads() - before).toBe(100);
    const byCode = new Map<string, number>();
    for (const code of codes(answer)) byCode.set(code, (byCode.get(code) ?? 0) + 1);
    expect(Object.fromEntries(byCode)).toEqual({ NOT_FOUND: 100, BAD_USER_INPUT: 900 });
    expect(answer.errors!.find((e) => e.extensions?.code === 'BAD_USER_INPUT')!.message).toMatch(
      /at most 100 tasks the gateway has no record of/,
    );
  });
});

describe('reads of unknown task ids count against the rate limit (RATE_LIMIT_PER_MINUTE=120)', () => {
  const setup = sandboxGateway({ RATE_LIMIT_PER_MINUTE: '120' });
  const reads = () => setup.sandbox.calls.filter((c) => c.method === 'GET' && c.path.includes('/task/')).length;

  it('a request of 100 unknown ids takes 101 points (the operation and each read); the next one gets 18 reads, then RATE_LIMITED', async () => {
    const auth = { authorization: `Bearer rate-reads-key-${randomUUID()}` };
    const list = `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`;
    const before = reads();
    const first = await gql(setup.gw.url, list, { ids: unknownIds(100) }, auth);
    expect(codes(first).every((code) => code === 'NOT_FOUND')).toBe(true);
    expect(reads() - before).toBe(100);
    const second = await gql(setup.gw.url, list, { ids: unknownIds(100) }, auth);
    expect(reads() - before).toBe(118);
    expect(codes(second).filter((code) => code === 'RATE_LIMITED')).toHaveLength(82);
    // The limit is now spent: the next request is refused as a whole (HTTP 429), with no read.
    const res = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: list, variables: { ids: unknownIds(1) } }),
    });
    expect(res.status).toBe(429);
    expect(reads() - before).toBe(118);
  });
});

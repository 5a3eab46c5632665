/**
 * Persisted documents by `documentId` (the GraphQL-over-HTTP form Relay-style and Hive clients send): `sha256:<hash>`
 * and the bare hash of a trusted manifest document, over POST (the fast path and yoga), GET, SSE (graphql-sse) and
 * graphql-ws, beside Apollo's `extensions.persistedQuery`; PERSISTED_OPERATIONS_ONLY applies to both forms.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sandboxGateway, type GraphQLResponse } from './support/helpers.js';

const manifest = JSON.parse(readFileSync('operations/generated/persisted-documents.json', 'utf8')) as Record<string, string>;
const costs = Object.keys(manifest).find((hash) => manifest[hash]!.startsWith('query OperationCosts'))!;
const unknown = createHash('sha256').update('{ not in the manifest }').digest('hex');

async function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

async function get(url: string, params: Record<string, string>) {
  const res = await fetch(`${url}/graphql?${new URLSearchParams(params)}`, { headers: { accept: 'application/json' } });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

async function overSse(url: string, documentId: string) {
  const client = createSseClient({ url: `${url}/graphql` });
  const results = [];
  try {
    // graphql-sse sends the request's fields as they are; `documentId` rides along with an empty query.
    for await (const result of client.iterate({ query: '', documentId } as never)) results.push(result);
  } finally {
    client.dispose();
  }
  return results;
}

async function overSocket(url: string, documentId: string) {
  const client = createWsClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    return await new Promise<unknown[]>((resolve) => {
      const results: unknown[] = [];
      client.subscribe({ query: '', documentId } as never, {
        next: (result) => void results.push(result),
        error: (errors) => resolve([{ errors }]),
        complete: () => resolve(results),
      });
    });
  } finally {
    await client.dispose();
  }
}

const code = (body: GraphQLResponse) => body.errors?.[0]?.extensions?.code;
const fastPathCount = async (gw: { services: { metrics: { fastPathRequests: { get(): Promise<{ values: { value: number }[] }> } } } }) =>
  (await gw.services.metrics.fastPathRequests.get()).values[0]?.value ?? 0;

describe.each([
  ['with automatic persisted queries on (the default)', {}],
  ['with PERSISTED_OPERATIONS_ONLY=true', { PERSISTED_OPERATIONS_ONLY: 'true' }],
])('documentId %s', (_name, env) => {
  const setup = sandboxGateway(env);

  it('runs a manifest document named as sha256:<hash> or the bare hash, over POST, GET, SSE and graphql-ws', async () => {
    const expected = (await post(setup.gw.url, { extensions: { persistedQuery: { version: 1, sha256Hash: costs } } })).body;
    expect(expected.data?.operationCosts.length).toBeGreaterThan(10);
    const fastBefore = await fastPathCount(setup.gw);
    for (const documentId of [`sha256:${costs}`, costs]) {
      expect(await post(setup.gw.url, { documentId })).toEqual({ status: 200, body: expected });
      expect(await post(setup.gw.url, { documentId }, { origin: setup.gw.url })).toEqual({ status: 200, body: expected });
      expect(await get(setup.gw.url, { documentId })).toEqual({ status: 200, body: expected });
      expect(await overSse(setup.gw.url, documentId)).toEqual([expected]);
      expect(await overSocket(setup.gw.url, documentId)).toEqual([expected]);
    }
    // The plain POSTs (no Origin) took the fast path, as a hash does.
    expect((await fastPathCount(setup.gw)) - fastBefore).toBe(2);
  });

  it('an id of no manifest document, or of another form: PERSISTED_QUERY_NOT_IN_LIST (404), nothing runs', async () => {
    for (const documentId of [`sha256:${unknown}`, unknown, 'md5:abc', 'OperationCosts']) {
      const reply = await post(setup.gw.url, { documentId });
      expect([reply.status, code(reply.body)]).toEqual([404, 'PERSISTED_QUERY_NOT_IN_LIST']);
      expect(code((await get(setup.gw.url, { documentId })).body)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    }
    const [socket] = (await overSocket(setup.gw.url, unknown)) as { errors: GraphQLResponse['errors'] }[];
    expect(socket?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('a documentId with a query is refused', async () => {
    const reply = await post(setup.gw.url, { documentId: costs, query: '{ __typename }' });
    expect(reply.status).toBe(400);
    expect(code(reply.body)).toMatch(/^(BAD_REQUEST|PERSISTED_QUERY_ONLY)$/);
  });
});

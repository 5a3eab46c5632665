/**
 * Persisted operations, both kinds, over every transport (POST on the fast path and through yoga, GET, SSE,
 * graphql-ws): automatic persisted queries (Apollo's protocol) in memory and in Redis across two instances, and
 * trusted documents only (PERSISTED_OPERATIONS_ONLY) from the manifest `npm run codegen` writes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { OperationCostsDocument, SplitStemsFullDocument } from '../operations/generated/graphql.js';
import { demoClip } from '../src/sandbox/index.js';
import { sandboxGateway, startGateway, startSandbox, type GraphQLResponse } from './support/helpers.js';
import { startRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const manifest = JSON.parse(readFileSync('operations/generated/persisted-documents.json', 'utf8')) as Record<string, string>;
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

interface Reply {
  status: number;
  body: GraphQLResponse;
}

async function post(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

async function get(url: string, params: Record<string, unknown>): Promise<Reply> {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const res = await fetch(`${url}/graphql?${search}`, { headers: { accept: 'application/json' } });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

/** One graphql-ws operation to its end: every result, or the errors it ended with. */
async function overSocket(
  url: string,
  payload: { query: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
) {
  const client = createClient({ url: `${url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    return await new Promise<GraphQLResponse[]>((resolve) => {
      const results: GraphQLResponse[] = [];
      client.subscribe(payload, {
        next: (result) => void results.push(result as GraphQLResponse),
        error: (errors) => resolve([{ errors: errors as GraphQLResponse['errors'] }]),
        complete: () => resolve(results),
      });
    });
  } finally {
    await client.dispose();
  }
}

const code = (reply: { errors?: GraphQLResponse['errors'] }) => reply.errors?.[0]?.extensions?.code;
const fastPathCount = async (gw: { services: { metrics: { fastPathRequests: { get(): Promise<{ values: { value: number }[] }> } } } }) =>
  (await gw.services.metrics.fastPathRequests.get()).values[0]?.value ?? 0;

describe('the trusted manifest (npm run codegen)', () => {
  it('holds every operation of operations/*.graphql under the sha256 of its text', () => {
    const names = readdirSync('operations')
      .filter((f) => f.endsWith('.graphql'))
      .flatMap((f) => parse(readFileSync(`operations/${f}`, 'utf8')).definitions)
      .flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : []));
    const inManifest = Object.values(manifest).flatMap((text) =>
      parse(text).definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : [])),
    );
    expect(inManifest.sort()).toEqual(names.sort());
    for (const [hash, text] of Object.entries(manifest)) expect(sha256(text)).toBe(hash);
  });

  it('gives each generated document its hash', () => {
    const hash = (OperationCostsDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    expect(manifest[hash]).toMatch(/^query OperationCosts/);
  });
});

describe('automatic persisted queries (in memory)', () => {
  const setup = sandboxGateway();
  const query = '{ operationCosts { operation credits } }';
  const hash = sha256(query);

  it('an unknown hash: PERSISTED_QUERY_NOT_FOUND (HTTP 404), nothing sent upstream, over POST, GET and graphql-ws', async () => {
    const unknown = sha256('{ __typename }#never registered');
    const before = setup.sandbox.calls.length;
    const replies = [
      await post(setup.gw.url, { extensions: persisted(unknown) }),
      await get(setup.gw.url, { extensions: persisted(unknown) }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(404);
      expect(reply.body.errors?.[0]).toMatchObject({
        message: 'PersistedQueryNotFound',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      });
    }
    const [socket] = await overSocket(setup.gw.url, { query: '', extensions: persisted(unknown) });
    expect(socket?.errors?.[0]).toEqual({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it("a hash that is not the document's: PERSISTED_QUERY_MISMATCH, and nothing is stored under it", async () => {
    const wrong = sha256('something else');
    const reply = await post(setup.gw.url, { query, extensions: persisted(wrong) });
    expect(reply.status).toBe(400);
    expect(code(reply.body)).toBe('PERSISTED_QUERY_MISMATCH');
    expect(code((await post(setup.gw.url, { extensions: persisted(wrong) })).body)).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('registers the document with its hash, then serves the hash alone over POST (fast path), GET and graphql-ws', async () => {
    const registered = await post(setup.gw.url, { query, extensions: persisted(hash) });
    expect(registered.status).toBe(200);
    const expected = registered.body;
    expect(expected.data?.operationCosts.length).toBeGreaterThan(10);

    const fastBefore = await fastPathCount(setup.gw);
    expect((await post(setup.gw.url, { extensions: persisted(hash) })).body).toEqual(expected);
    expect(await fastPathCount(setup.gw)).toBe(fastBefore + 1);
    expect((await post(setup.gw.url, { extensions: persisted(hash) }, { origin: setup.gw.url })).body).toEqual(expected);
    expect((await get(setup.gw.url, { extensions: persisted(hash) })).body).toEqual(expected);
    expect(await overSocket(setup.gw.url, { query: '', extensions: persisted(hash) })).toEqual([expected]);
  });

  it("serves the manifest's hashes without registration, mutations included (run once)", async () => {
    const hash = (SplitStemsFullDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    const before = setup.sandbox.calls.length;
    const reply = await post(setup.gw.url, { extensions: persisted(hash), variables: { clipId: demoClip.id } });
    expect(reply.body.data?.splitStemsFull).toMatchObject({ kind: 'STEMS_FULL', status: 'PENDING' });
    expect(setup.sandbox.calls.length).toBe(before + 1);
  });

  it('still runs documents sent as text', async () => {
    expect((await post(setup.gw.url, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('trusted documents only (PERSISTED_OPERATIONS_ONLY=true)', () => {
  const setup = sandboxGateway({ PERSISTED_OPERATIONS_ONLY: 'true' });
  const costs = Object.keys(manifest).find((hash) => manifest[hash]!.startsWith('query OperationCosts'))!;

  it('refuses a document sent as text with PERSISTED_QUERY_ONLY on every transport, with no upstream call', async () => {
    const before = setup.sandbox.calls.length;
    const query = `mutation { splitStemsFull(clipId: "${demoClip.id}") { id } }`;
    const replies = [
      await post(setup.gw.url, { query }),
      await post(setup.gw.url, { query }, { origin: setup.gw.url }),
      await post(setup.gw.url, { query: manifest[costs], extensions: persisted(costs) }),
      await get(setup.gw.url, { query: '{ __typename }' }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
      expect(reply.body.errors?.[0]?.message).toMatch(/only persisted operations \(PERSISTED_OPERATIONS_ONLY=true\)/);
    }
    const [socket] = await overSocket(setup.gw.url, { query });
    expect(socket?.errors?.[0]?.extensions).toEqual({ code: 'PERSISTED_QUERY_ONLY' });
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it("runs the manifest's operations by hash over POST, GET, SSE and graphql-ws", async () => {
    const expected = (await post(setup.gw.url, { extensions: persisted(costs) })).body;
    expect(expected.data?.operationCosts.length).toBeGreaterThan(10);
    expect((await get(setup.gw.url, { extensions: persisted(costs) })).body).toEqual(expected);
    expect(await overSocket(setup.gw.url, { query: '', extensions: persisted(costs) })).toEqual([expected]);
    const sse = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ extensions: persisted(costs) }),
    });
    expect(await sse.text()).toContain(`data: ${JSON.stringify(expected)}`);
  });

  it("an unknown hash: PERSISTED_QUERY_NOT_IN_LIST, which Apollo's link does not answer by sending the text", async () => {
    const reply = await post(setup.gw.url, { extensions: persisted(sha256('not in the manifest')) });
    expect(reply.status).toBe(404);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(reply.body.errors?.[0]?.message).not.toBe('PersistedQueryNotFound');
  });

  it('GraphiQL says so on its page', async () => {
    const page = await (await fetch(`${setup.gw.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('This gateway runs only persisted operations (PERSISTED_OPERATIONS_ONLY=true)');
  });

  it('refuses to start on a manifest whose hashes do not match their documents, naming PERSISTED_OPERATIONS_FILE', async () => {
    const file = join(tmpdir(), `manifest-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ [sha256('{ __typename }')]: '{ operationCosts { operation } }' }));
    await expect(startGateway(setup.sandbox.url, { PERSISTED_OPERATIONS_ONLY: 'true', PERSISTED_OPERATIONS_FILE: file })).rejects.toThrow(
      /PERSISTED_OPERATIONS_FILE: .* is not the sha256 of its document/,
    );
    await expect(
      startGateway(setup.sandbox.url, { PERSISTED_OPERATIONS_ONLY: 'true', PERSISTED_OPERATIONS_FILE: `${file}.missing` }),
    ).rejects.toThrow(/PERSISTED_OPERATIONS_FILE: cannot read/);
  });
});

describe('automatic persisted queries in Redis, across two instances', requires(redis), () => {
  let stop: () => Promise<void>;
  const gateways: Awaited<ReturnType<typeof startGateway>>[] = [];
  beforeAll(async () => {
    const sandbox = await startSandbox();
    const redis = await startRedis();
    for (let i = 0; i < 2; i++) gateways.push(await startGateway(sandbox.url, { REDIS_URL: redis.url }));
    stop = async () => {
      for (const gw of gateways) await gw.close();
      await sandbox.close();
      await redis.stop();
    };
  });
  afterAll(() => stop());

  it('a document registered on one instance is served by hash on the other', async () => {
    const query = `{ operationCosts { operation } } # ${process.pid}-${Date.now()}`;
    const hash = sha256(query);
    const [a, b] = gateways as [(typeof gateways)[0], (typeof gateways)[0]];
    expect(code((await post(b.url, { extensions: persisted(hash) })).body)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(a.url, { query, extensions: persisted(hash) });
    expect((await post(b.url, { extensions: persisted(hash) })).body).toEqual(registered.body);
    // One registration, its caller's (registrations are per tenant: test/two-instances.test.ts), kept for a while.
    const keys = await b.services.redis!.commands.keys(`aimusic:apq:${hash}:*`);
    expect(keys).toHaveLength(1);
    expect(await b.services.redis!.commands.ttl(keys[0]!)).toBeGreaterThan(0);
  });
});

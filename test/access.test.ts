/**
 * The access rules on every transport: browser origins, the WebSocket held to HTTP's limits, rate
 * limits per IP and per caller, subscription caps, and end-user sign-in with real JWTs minted by jose here (HS256
 * with a secret, RS256/ES256 from a JWKS served on 127.0.0.1).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { clientIp } from '../src/access/caller.js';
import { demoClip } from '../src/sandbox/index.js';
import { codes, gql, keyA, sandboxGateway, type GraphQLResponse } from './support/helpers.js';
import { subscribeSse, subscribeWs } from './support/live.js';
import { waitFor } from './support/wait.js';
import { hsToken, testJwtSecret } from './support/tokens.js';

const secret = testJwtSecret;
const split = `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`;
const wsUrl = (url: string) => `${url.replace(/^http/, 'ws')}/graphql`;

function wsClient(url: string, connectionParams: Record<string, unknown> = {}, onClose?: (code: number, reason: string) => void): Client {
  return createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClose?.((event as CloseEvent).code, String((event as CloseEvent).reason)) },
  });
}

/** Runs one operation over a socket and resolves with its first result (or its error list). */
function runWs(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return new Promise((resolve) => {
    let first: GraphQLResponse | undefined;
    client.subscribe(
      { query, variables },
      {
        next: (result) => (first ??= result as GraphQLResponse),
        error: (error) =>
          resolve({ errors: Array.isArray(error) ? error : [{ message: String(error), extensions: { code: 'SOCKET_ERROR' } }] }),
        complete: () => resolve(first ?? {}),
      },
    );
  });
}

/** Opens a raw upgrade and reports what the server answered: the upgrade's HTTP refusal, or "open". */
function upgrade(url: string, headers: Record<string, string>): Promise<{ status: number; body: string } | 'open'> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(url), 'graphql-transport-ws', { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

describe('browser origins, with the server key and sign-in off (CORS_ORIGINS default: none)', () => {
  const setup = sandboxGateway();
  const evil = { origin: 'https://evil.example' };

  it('refuses a WebSocket upgrade from a foreign origin with 403 and a coded body, before any graphql-ws message', async () => {
    const refused = await upgrade(setup.gw.url, evil);
    expect(refused).toMatchObject({ status: 403 });
    expect(JSON.parse((refused as { body: string }).body).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(setup.sandbox.calls).toHaveLength(0);
  });

  it('survives clients that reset the connection while their upgrade is refused (403 origin, 404 path)', async () => {
    const { port } = new URL(setup.gw.url);
    const resetUpgrade = (path: string, origin?: string) =>
      new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${origin ? `Origin: ${origin}\r\n` : ''}\r\n`,
          );
          socket.resetAndDestroy(); // an RST while the server is writing its refusal
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      });
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) => (i % 2 ? resetUpgrade('/graphql', evil.origin) : resetUpgrade('/elsewhere'))),
      );
    }
    expect((await fetch(`${setup.gw.url}/health`)).status).toBe(200);
  });

  it('refuses HTTP and SSE from a foreign origin with 403 FORBIDDEN; nothing reaches the upstream', async () => {
    const before = setup.sandbox.calls.length;
    for (const accept of ['application/json', 'text/event-stream']) {
      const res = await fetch(`${setup.gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, ...evil },
        body: JSON.stringify({ query: split, variables: { c: demoClip.id } }),
      });
      expect(res.status).toBe(403);
      expect((await res.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it("serves the gateway's own origin (its page at /), and callers without an Origin as before", async () => {
    const own = new URL(setup.gw.url).origin;
    expect(await upgrade(setup.gw.url, { origin: own })).toBe('open');
    const browser = await gql(setup.gw.url, '{ __typename }', {}, { origin: own });
    expect(browser.data).toEqual({ __typename: 'Query' });
    const server = await gql(setup.gw.url, split, { c: demoClip.id });
    expect(server.data?.splitStemsBasic.id).toBeTruthy();
  });
});

describe('a listed origin', () => {
  const setup = sandboxGateway({ CORS_ORIGINS: 'https://app.example' });

  it('is served over HTTP (with CORS headers) and WebSocket; others are not', async () => {
    expect(await upgrade(setup.gw.url, { origin: 'https://app.example' })).toBe('open');
    expect(await upgrade(setup.gw.url, { origin: 'https://evil.example' })).toMatchObject({ status: 403 });
    const res = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://app.example' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('WebSocket limits', () => {
  const setup = sandboxGateway({ RATE_LIMIT_PER_MINUTE: '120', MAX_BODY_BYTES: '100000' });
  const executions = async () => (await setup.gw.services.metrics.graphqlRequests.get()).values.reduce((sum, v) => sum + v.value, 0);

  it('a message over MAX_BODY_BYTES (10 MB) closes the socket with 1009 and executes nothing', async () => {
    const before = await executions();
    const ws = new WebSocket(wsUrl(setup.gw.url), 'graphql-transport-ws');
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer big-message-key-1' } }));
    await new Promise((resolve) => ws.once('message', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const query = `mutation { upsampleTags(tags: "${'x'.repeat(10 * 1024 * 1024)}") { tags } }`;
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    expect(await closed).toBe(1009);
    expect(await executions()).toBe(before);
    expect(setup.sandbox.calls.filter((c) => c.apiKey === 'big-message-key-1')).toHaveLength(0);
  });

  it('300 mutations on one socket with RATE_LIMIT_PER_MINUTE=120: 120 results, 180 RATE_LIMITED, 120 upstream calls', async () => {
    const key = 'ws-rate-key-0001';
    const client = wsClient(setup.gw.url, { authorization: `Bearer ${key}` });
    const results = await Promise.all(
      Array.from({ length: 300 }, () => runWs(client, `mutation($c: ID!) { getBpm(clipId: $c) { bpm } }`, { c: demoClip.id })),
    );
    await client.dispose();
    const ok = results.filter((r) => r.data?.getBpm?.bpm);
    const limited = results.filter((r) => codes(r)[0] === 'RATE_LIMITED');
    expect(ok).toHaveLength(120);
    expect(limited).toHaveLength(180);
    expect(limited[0]!.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(setup.sandbox.calls.filter((c) => c.apiKey === key)).toHaveLength(120);
  });
});

describe('subscription caps', () => {
  const setup = sandboxGateway({ MAX_SUBSCRIPTIONS_PER_SOCKET: '3', MAX_SUBSCRIPTIONS_PER_CALLER: '4' });

  it('caps open subscriptions per socket and per caller with RATE_LIMITED; the socket stays usable', async () => {
    const key = 'ws-cap-key-0001';
    const auth = { authorization: `Bearer ${key}` };
    const task = (await gql(setup.gw.url, split, { c: demoClip.id }, auth)).data!.splitStemsBasic.id as string;
    const subscription = `subscription($id: ID!) { taskUpdated(taskId: $id) { id status } }`;
    const first = wsClient(setup.gw.url, auth);
    const open: (() => void)[] = [];
    const results: GraphQLResponse[][] = [];
    const watch = (client: Client) => {
      const received: GraphQLResponse[] = [];
      results.push(received);
      const dispose = client.subscribe(
        { query: subscription, variables: { id: task } },
        {
          next: (r) => received.push(r as GraphQLResponse),
          error: (e) => received.push({ errors: e as GraphQLResponse['errors'] }),
          complete: () => undefined,
        },
      );
      open.push(dispose);
      return received;
    };
    for (let i = 0; i < 3; i++) watch(first);
    await waitFor(() => results.slice(0, 3).every((r) => r.length === 1), 'three subscriptions');
    const fourth = watch(first);
    await waitFor(() => fourth.length === 1, 'the refusal');
    expect(codes(fourth[0]!)).toEqual(['RATE_LIMITED']);
    expect(fourth[0]!.errors![0]!.message).toMatch(/per socket/);
    // The socket still serves queries, and a subscription once another has ended.
    expect((await runWs(first, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    open[0]!();
    await waitFor(() => true);
    const again = watch(first);
    await waitFor(() => again.length === 1, 'a subscription after one ended');
    expect(again[0]!.data?.taskUpdated.id).toBe(task);

    // The same caller on a second socket: one more place (4 per caller), then RATE_LIMITED.
    const second = wsClient(setup.gw.url, auth);
    const fifth = watch(second);
    const sixth = watch(second);
    await waitFor(() => fifth.length === 1 && sixth.length === 1, 'second socket');
    expect(fifth[0]!.data?.taskUpdated.id).toBe(task);
    expect(codes(sixth[0]!)).toEqual(['RATE_LIMITED']);
    expect(sixth[0]!.errors![0]!.message).toMatch(/per caller/);
    await Promise.all([first.dispose(), second.dispose()]);
    // Closing the sockets gave every place back.
    const third = wsClient(setup.gw.url, auth);
    const later = watch(third);
    await waitFor(() => later.length === 1, 'after close');
    expect(later[0]!.data?.taskUpdated.id).toBe(task);
    await third.dispose();
  });
  it('a subscription asked for as plain JSON gets a coded 406 and gives its place back', async () => {
    const auth = { authorization: 'Bearer json-sub-key-0001' };
    const task = (await gql(setup.gw.url, split, { c: demoClip.id }, auth)).data!.splitStemsBasic.id as string;
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${setup.gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...auth },
        body: JSON.stringify({ query: `subscription($id: ID!) { taskUpdated(taskId: $id) { id } }`, variables: { id: task } }),
      });
      expect(res.status).toBe(406);
      expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    // Six ended streams later (the cap is 4), the caller may still subscribe.
    const watcher = subscribeWs(setup.gw.url, task, 'json-sub-key-0001');
    await watcher.until((s) => s.results.length === 1);
    expect(watcher.results[0]!.data?.taskUpdated.id).toBe(task);
    await watcher.close();
  });
});

describe('rate limit per IP', () => {
  const setup = sandboxGateway({ RATE_LIMIT_PER_MINUTE: '120' });

  it('300 requests from one IP with a random key each: 120 pass, the rest are 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const res = await fetch(`${setup.gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer random-key-${i}-${Math.random()}` },
        body: JSON.stringify({ query: '{ operationCosts { operation } }' }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect((await res.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
      else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(180);
  });

  it('X-Forwarded-For is not believed unless TRUST_PROXY says how many proxies add to it', () => {
    expect(clientIp('10.0.0.9', '1.2.3.4', 0)).toBe('10.0.0.9');
    expect(clientIp('10.0.0.9', '1.2.3.4', 1)).toBe('1.2.3.4');
    // A client cannot choose its address by sending the header itself: the proxy appends what it saw.
    expect(clientIp('10.0.0.9', 'spoofed, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.9', ['spoofed, 1.2.3.4', '10.0.0.5'], 2)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.9', undefined, 1)).toBe('10.0.0.9');
  });
});

describe('sign-in with AUTH_JWT_SECRET (HS256)', () => {
  const setup = sandboxGateway({
    AUTH_JWT_SECRET: secret,
    AUTH_ISSUER: 'https://issuer.example',
    AUTH_AUDIENCE: 'music-app',
    AUTH_ADMIN_CLAIM: 'admin',
    // Users work on the sandbox's demo clip, which is nobody's own here (who owns which clip: ownership.test.ts).
    CLIP_ACCESS: 'any',
  });
  const signed = (claims: Record<string, unknown> = {}) => ({ iss: 'https://issuer.example', aud: 'music-app', ...claims });
  const bearer = async (sub: string, claims: Record<string, unknown> = {}) => ({
    authorization: `Bearer ${await hsToken(sub, signed(claims))}`,
  });

  it('refuses every bad credential with UNAUTHENTICATED (HTTP 401) and sends nothing upstream', async () => {
    const before = setup.sandbox.calls.length;
    const bad: [string, Record<string, string>][] = [
      ['missing', {}],
      ['malformed', { authorization: 'Token abc' }],
      ['an API key instead of a token', { authorization: `Bearer ${keyA}` }],
      ['expired', { authorization: `Bearer ${await hsToken('alice', signed(), { expiresIn: Math.floor(Date.now() / 1000) - 60 })}` }],
      ['wrongly signed', { authorization: `Bearer ${await hsToken('alice', signed(), { key: 'another-secret-0123456789abcdefghij' })}` }],
      ['wrong issuer', { authorization: `Bearer ${await hsToken('alice', signed({ iss: 'https://other.example' }))}` }],
      ['wrong audience', { authorization: `Bearer ${await hsToken('alice', signed({ aud: 'other-app' }))}` }],
    ];
    for (const [what, headers] of bad) {
      const res = await fetch(`${setup.gw.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: split, variables: { c: demoClip.id } }),
      });
      expect(res.status, what).toBe(401);
      const body = await res.json();
      expect(body.errors[0].extensions.code, what).toBe('UNAUTHENTICATED');
      expect(body.data, what).toBeUndefined();
    }
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it('over graphql-ws, a connection_init without a valid token is closed 4403', async () => {
    const closes: [number, string][] = [];
    for (const params of [{}, { authorization: `Bearer ${keyA}` }]) {
      const client = wsClient(setup.gw.url, params, (code, reason) => closes.push([code, reason]));
      const res = await runWs(client, '{ __typename }');
      expect(res.data).toBeUndefined();
      await client.dispose();
    }
    expect(closes.map(([code]) => code)).toEqual([4403, 4403]);
    expect(closes[0]![1]).toMatch(/^UNAUTHENTICATED/);
  });

  it('idempotency keys are per user even when a user id and a key both hold ":" (user "alice" with "x:k", user "alice:x" with "k")', async () => {
    const keyed = `mutation($c: ID!, $k: String) { splitStemsBasic(clipId: $c, idempotencyKey: $k) { id } }`;
    const posts = () => setup.sandbox.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/stems/basic')).length;
    const before = posts();
    const suffix = randomUUID().slice(0, 8);
    const first = await gql(setup.gw.url, keyed, { c: demoClip.id, k: `x:${suffix}` }, await bearer('alice'));
    const second = await gql(setup.gw.url, keyed, { c: demoClip.id, k: suffix }, await bearer('alice:x'));
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.splitStemsBasic.id).not.toBe(first.data!.splitStemsBasic.id);
    expect(posts() - before).toBe(2);
  });

  it("a signed-in user's task is NOT_FOUND for another user over task, tasks and taskUpdated, with no upstream call", async () => {
    const alice = await bearer('alice');
    const bob = await bearer('bob');
    const made = await gql(setup.gw.url, split, { c: demoClip.id }, alice);
    const id = made.data!.splitStemsBasic.id as string;
    // The upstream saw the server's key, never the token.
    expect(setup.sandbox.calls.at(-1)!.apiKey).toBe(keyA);
    expect((await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { id status } }`, { id }, alice)).data!.task.id).toBe(id);

    const before = setup.sandbox.calls.length;
    expect(codes(await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { id } }`, { id }, bob))).toEqual(['NOT_FOUND']);
    const listed = await gql(setup.gw.url, `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`, { ids: [id] }, bob);
    expect(listed.data!.tasks).toEqual([null]);
    expect(codes(listed)).toEqual(['NOT_FOUND']);
    const watcher = subscribeWs(setup.gw.url, id, bob.authorization.slice('Bearer '.length));
    await watcher.until((s) => s.completed);
    expect(watcher.statuses()).toEqual(['error:NOT_FOUND']);
    await watcher.close();
    // A task the gateway did not record is nobody's: the server key could read it, a user may not.
    const unknown = '0000dead-0000-4000-8000-00000000beef';
    expect(codes(await gql(setup.gw.url, `query($id: ID!) { task(id: $id) { id } }`, { id: unknown }, bob))).toEqual(['NOT_FOUND']);
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it('credits (the whole account) are FORBIDDEN to users, shown to those with AUTH_ADMIN_CLAIM', async () => {
    const user = await gql(setup.gw.url, '{ credits { total } }', {}, await bearer('carol'));
    expect(codes(user)).toEqual(['FORBIDDEN']);
    const admin = await gql(setup.gw.url, '{ credits { total } }', {}, await bearer('dave', { admin: true }));
    expect(admin.data!.credits.total).toBeGreaterThan(0);
  });

  it('a socket whose token expires is closed 4403 then', async () => {
    const token = await hsToken('erin', signed(), { expiresIn: Math.floor(Date.now() / 1000) + 2 });
    const closed: number[] = [];
    const client = wsClient(setup.gw.url, { authorization: `Bearer ${token}` }, (code) => closed.push(code));
    expect((await runWs(client, '{ __typename }')).data).toEqual({ __typename: 'Query' });
    await waitFor(() => closed.length > 0, 'the close at expiry');
    expect(closed[0]).toBe(4403);
    await client.dispose();
  });
  it('an SSE subscription whose token expires ends then, with UNAUTHENTICATED', async () => {
    const token = await hsToken('grace', signed(), { expiresIn: Math.floor(Date.now() / 1000) + 2 });
    const made = await gql(setup.gw.url, split, { c: demoClip.id }, { authorization: `Bearer ${token}` });
    const watcher = subscribeSse(setup.gw.url, made.data!.splitStemsBasic.id, token);
    await watcher.until((s) => s.completed);
    expect(watcher.statuses()).toEqual(['PENDING', 'error:UNAUTHENTICATED']);
    await watcher.close();
  });
});

describe('sign-in with AUTH_JWKS_URL (RS256 and ES256 keys served on 127.0.0.1)', () => {
  let jwks: Server;
  const keys: { alg: 'RS256' | 'ES256'; kid: string; privateKey: CryptoKey; jwk: JWK }[] = [];
  const env: Record<string, string> = {};

  beforeAll(async () => {
    for (const alg of ['RS256', 'ES256'] as const) {
      const { privateKey, publicKey } = await generateKeyPair(alg);
      keys.push({ alg, kid: `key-${alg}`, privateKey, jwk: { ...(await exportJWK(publicKey)), kid: `key-${alg}`, alg, use: 'sig' } });
    }
    jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    env.AUTH_JWKS_URL = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));
  const setup = sandboxGateway(env);

  const token = (index: number, kid = keys[index]!.kid) =>
    new SignJWT({})
      .setProtectedHeader({ alg: keys[index]!.alg, kid })
      .setSubject('frank')
      .setExpirationTime('5m')
      .sign(keys[index]!.privateKey);

  it('accepts tokens signed by a published key, refuses one whose key is not published', async () => {
    for (const index of [0, 1]) {
      const res = await gql(setup.gw.url, '{ __typename }', {}, { authorization: `Bearer ${await token(index)}` });
      expect(res.data, keys[index]!.alg).toEqual({ __typename: 'Query' });
    }
    const { privateKey } = await generateKeyPair('RS256');
    const stranger = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'key-RS256' })
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(codes(await gql(setup.gw.url, '{ __typename }', {}, { authorization: `Bearer ${stranger}` }))).toEqual(['UNAUTHENTICATED']);
  });
});

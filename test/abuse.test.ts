/**
 * Abuse limits, on real sockets. Absurdly nested or oversized variables are a 400 BAD_REQUEST on every transport,
 * never a 500 (20,000 nested arrays overflowed the stack of the whole-answer cache's key); requests with a bad token
 * count against their IP's rate limit; a caller's open graphql-ws sockets are capped; and a long GET gets the 414 or
 * 431 the docs promise, with a coded body.
 */
import { request } from 'node:http';
import type { Duplex } from 'node:stream';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { answerClientError } from '../src/transport/http/client-error.js';
import { sandboxGateway, type GraphQLResponse } from './support/helpers.js';
import { initialisedSocket } from './support/live.js';
import { hsToken, testJwtSecret } from './support/tokens.js';
import { waitFor } from './support/wait.js';

/** The JSON text of `levels` nested arrays (too deep for JSON.stringify, as it is meant to be). */
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const tasksQuery = 'query($ids: [ID!]!) { tasks(ids: $ids) { id } }';
const wsUrl = (url: string) => `${url.replace(/^http/, 'ws')}/graphql`;

/** One subscribe message over a raw graphql-ws socket, whose variables are `variablesJson`: the first answer. */
async function overWebSocket(url: string, variablesJson: string): Promise<GraphQLResponse> {
  const ws = new WebSocket(wsUrl(url), 'graphql-transport-ws');
  await new Promise((resolve) => ws.once('open', resolve));
  const messages: { type: string; payload?: unknown }[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  ws.send(JSON.stringify({ type: 'connection_init' }));
  await waitFor(() => messages.some((m) => m.type === 'connection_ack'), 'the ack');
  ws.send(`{"id":"1","type":"subscribe","payload":{"query":${JSON.stringify(tasksQuery)},"variables":${variablesJson}}}`);
  const answer = await waitFor(() => messages.find((m) => m.type === 'error' || m.type === 'next'), 'an answer');
  ws.close();
  return answer.type === 'error' ? { errors: answer.payload as GraphQLResponse['errors'] } : (answer.payload as GraphQLResponse);
}

describe('variables nested too deep or too many', () => {
  const setup = sandboxGateway();

  it('20,000 nested arrays, or 20,000 values, are a 400 BAD_REQUEST over the fast path, yoga, SSE and graphql-ws; the gateway lives on', async () => {
    for (const [what, variables] of [
      ['nested', `{"ids":${deep(20_000)}}`],
      ['many', JSON.stringify({ ids: Array.from({ length: 20_000 }, (_, i) => String(i % 10)) })],
    ] as const) {
      const body = `{"query":${JSON.stringify(tasksQuery)},"variables":${variables}}`;
      const browsers: Record<string, string>[] = [{}, { origin: 'http://localhost:3000' }, { accept: 'text/event-stream' }];
      for (const headers of browsers) {
        const res = await fetch(`${setup.gw.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        expect(res.status, `${what} ${JSON.stringify(headers)}`).toBe(400);
        const text = await res.text();
        // Over SSE the refusal is an event of the stream.
        const json = res.headers.get('content-type')?.startsWith('text/event-stream')
          ? text
              .split('\n')
              .find((line) => line.startsWith('data: {'))!
              .slice('data: '.length)
          : text;
        const answer = JSON.parse(json) as GraphQLResponse;
        expect(answer.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
        expect(answer.errors![0]!.message).toMatch(what === 'nested' ? /nest deeper than 32 levels/ : /more than 10000 values/);
      }
      const socket = await overWebSocket(setup.gw.url, variables);
      expect(socket.errors![0]!.extensions!.code, `${what} over graphql-ws`).toBe('BAD_REQUEST');
    }
    expect(setup.sandbox.calls).toHaveLength(0);
    expect((await fetch(`${setup.gw.url}/health`)).status).toBe(200);
    // Variables of an ordinary size still work.
    const fine = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { a: [[[1]]], b: { c: { d: 'e' } } } }),
    });
    expect(await fine.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('requests with a bad token count against the IP rate limit (RATE_LIMIT_PER_MINUTE=10)', () => {
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, RATE_LIMIT_PER_MINUTE: '10' });

  it('10 bad tokens get 401, then 429 for bad and good tokens alike; over graphql-ws the refusal says RATE_LIMITED', async () => {
    const post = async (authorization: string) =>
      (
        await fetch(`${setup.gw.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: '{ __typename }' }),
        })
      ).status;
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push(await post(`Bearer not-a-token-${i}`));
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
    expect(await post(`Bearer ${await hsToken('alice')}`)).toBe(429);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const client = createClient({
        url: wsUrl(setup.gw.url),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: 'Bearer not-a-token' },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        on: { closed: (event) => resolve(event as { code: number; reason: string }) },
      });
    });
    expect(closed.code).toBe(4403);
    expect(closed.reason).toMatch(/^RATE_LIMITED/);
  });
});

describe('open sockets per caller (MAX_SOCKETS_PER_CALLER=3)', () => {
  const setup = sandboxGateway({ AUTH_JWT_SECRET: testJwtSecret, MAX_SOCKETS_PER_CALLER: '3' });

  const connect = (authorization: string) => initialisedSocket(setup.gw.url, authorization);

  it('a fourth idle socket of one user is closed with 4429 RATE_LIMITED; another user is not held back; a closed one frees a place', async () => {
    const alice = `Bearer ${await hsToken('alice')}`;
    const held = [connect(alice), connect(alice), connect(alice)];
    await waitFor(() => held.every((s) => s.verdict === 'open'), 'three sockets');
    const fourth = connect(alice);
    await waitFor(() => fourth.verdict !== undefined, 'the fourth socket');
    expect(fourth.verdict).toBe(4429);
    const bob = connect(`Bearer ${await hsToken('bob')}`);
    await waitFor(() => bob.verdict !== undefined, "bob's socket");
    expect(bob.verdict).toBe('open');
    held[0]!.close();
    const again = await waitFor(async () => {
      const next = connect(alice);
      await waitFor(() => next.verdict !== undefined, 'a verdict');
      if (next.verdict === 'open') return next;
      return undefined;
    }, 'a place once a socket closed');
    for (const socket of [...held, again, bob]) socket.close();
  });
});

describe('a long GET', () => {
  const setup = sandboxGateway({ MAX_BODY_BYTES: '2000' });

  /** A GET of /graphql with a URL of about `length` bytes: its status and body. */
  function longGet(length: number): Promise<{ status: number; body: string }> {
    const { port } = new URL(setup.gw.url);
    const path = `/graphql?query=${encodeURIComponent(`{ __typename ${'#'.repeat(length)}\n}`)}`;
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it("over MAX_BODY_BYTES: 414; over Node's 16 KB header limit: 431; both with a BAD_REQUEST body", async () => {
    const overBody = await longGet(3_000);
    expect(overBody.status).toBe(414);
    expect(JSON.parse(overBody.body).errors[0].extensions.code).toBe('BAD_REQUEST');
    const overHeaders = await longGet(20_000);
    expect(overHeaders.status).toBe(431);
    expect(JSON.parse(overHeaders.body).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await fetch(`${setup.gw.url}/health`)).status).toBe(200);
  });
});

describe('requests Node refuses before the gateway sees them', () => {
  it('headers that do not arrive in time (Node reports ERR_HTTP_REQUEST_TIMEOUT): 408 with a coded body, not a 400', () => {
    let written = '';
    const socket = {
      writable: true,
      end: (text: string) => void (written = text),
      destroy: () => undefined,
    } as unknown as Duplex;
    answerClientError(Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
    expect(written).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    const body = JSON.parse(written.slice(written.indexOf('\r\n\r\n') + 4)) as GraphQLResponse;
    expect(body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
  });
});

/**
 * GraphQL over HTTP: every audit of graphql-http's `serverAudits` (the spec's conformance suite, not ours) passes
 * against a started gateway, on both of its HTTP paths: the fast path (plain JSON POSTs from non-browser clients)
 * and yoga's (here: the same requests from the gateway's own page, with its Origin). Then the rules around them that
 * the audits do not cover: methods, and which GETs need a CSRF header.
 */
import { serverAudits } from 'graphql-http';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sandboxGateway } from './support/helpers.js';

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  const setup = sandboxGateway({ CORS_ORIGINS: 'https://app.example' });
  const fastPathCount = async () => (await setup.gw.services.metrics.fastPathRequests.get()).values[0]?.value ?? 0;

  const paths = [
    ['the fast path', () => ({})],
    ["yoga's path", () => ({ origin: setup.gw.url })],
  ] as const;
  describe.each(paths)('%s', (path, extraHeaders) => {
    const fetchFn = (input: string, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...extraHeaders() } });
    const audits = serverAudits({ url: () => `${setup.gw.url}/graphql`, fetchFn });
    let fastPathBefore = 0;

    it('starts', async () => {
      fastPathBefore = await fastPathCount();
      expect(audits.length).toBeGreaterThanOrEqual(61);
    });

    it.each(audits.map((audit) => [`${audit.id} ${audit.name}`, audit] as const))('%s', async (_name, audit) => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    });

    it(path === 'the fast path' ? 'served the plain requests on the fast path' : 'served nothing on the fast path', async () => {
      const served = (await fastPathCount()) - fastPathBefore;
      if (path === 'the fast path') expect(served).toBeGreaterThan(10);
      else expect(served).toBe(0);
    });
  });

  it.each(['PUT', 'DELETE', 'PATCH'])('%s: 405 with Allow, BAD_REQUEST', async (method) => {
    const res = await fetch(`${setup.gw.url}/graphql`, { method, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it.each([
    ['a validation error', '{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a parse error', '{ task(id: ', 'GRAPHQL_PARSE_FAILED'],
  ])('over graphql-ws, %s carries its code but not the HTTP-only extensions.http', async (_what, query, code) => {
    const client = createClient({ url: `${setup.gw.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const errors = await new Promise<unknown>((resolve) =>
      client.subscribe({ query }, { next: resolve, error: resolve, complete: () => undefined }),
    );
    await client.dispose();
    expect(errors).toEqual([expect.objectContaining({ extensions: { code } })]);
  });

  describe('GET and CSRF: a browser page of another site needs a preflighted header, nobody else does', () => {
    const get = (headers: Record<string, string>) =>
      fetch(`${setup.gw.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept: 'application/json', ...headers },
      });
    const cases: [string, Record<string, string>, number][] = [
      ['a client that is not a browser', {}, 200],
      ["the gateway's own page (same origin)", { 'sec-fetch-site': 'same-origin' }, 200],
      ['an address typed in the browser', { 'sec-fetch-site': 'none' }, 200],
      ['a page of another site (fetch metadata)', { 'sec-fetch-site': 'cross-site' }, 403],
      ['a page of a sibling subdomain (fetch metadata)', { 'sec-fetch-site': 'same-site' }, 403],
      ['a page of another origin (a browser without fetch metadata)', { origin: 'https://evil.example' }, 403],
      ['an opaque origin', { origin: 'null' }, 403],
      ['a page of another site with the CSRF header', { 'sec-fetch-site': 'cross-site', 'apollo-require-preflight': 'true' }, 200],
      ['a page of another origin with the CSRF header', { origin: 'https://app.example', 'x-graphql-yoga-csrf': '1' }, 200],
    ];
    it.each(cases.map(([what, headers, status]) => [`${what}: HTTP ${status}`, headers, status] as const))(
      '%s',
      async (_name, headers, status) => {
        const res = await get(headers);
        const body = (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
        expect(res.status).toBe(status);
        if (status === 200) expect(body).toEqual({ data: { __typename: 'Query' } });
        // An origin that is not allowed at all is refused before the CSRF check (src/access).
        else expect(body.errors?.[0]?.extensions.code).toBe(headers.origin ? 'FORBIDDEN' : 'BAD_REQUEST');
      },
    );
  });
});

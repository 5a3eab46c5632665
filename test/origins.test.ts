/**
 * The gateway's own origin comes from its configuration, never from the request's `Host`: with PUBLIC_URL only its
 * origin, without it only loopback names; every other browser origin must be listed in CORS_ORIGINS. A DNS-rebinding
 * page (its name resolves to the gateway, so its `Origin` and `Host` agree) is refused on HTTP, SSE and the WebSocket
 * upgrade, and its same-origin GETs need the CSRF header like any other site's.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sandboxGateway } from './support/helpers.js';

interface Answer {
  status: number;
  body: string;
}

/** A request as a browser on another name would send it: its own `Host` (which fetch() cannot set) and headers. */
function raw(base: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const query = JSON.stringify({ query: '{ __typename }' });
const post = (base: string, headers: Record<string, string>) =>
  raw(base, 'POST', '/graphql', { 'content-type': 'application/json', ...headers }, query);
const sse = (base: string, headers: Record<string, string>) =>
  raw(base, 'POST', '/graphql', { 'content-type': 'application/json', accept: 'text/event-stream', ...headers }, query);
const get = (base: string, headers: Record<string, string>) =>
  raw(base, 'GET', `/graphql?query=${encodeURIComponent('{ __typename }')}`, { accept: 'application/json', ...headers });

/** A WebSocket upgrade with these headers: "open", or the refusal's status. */
function upgrade(base: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)));
  });
}

const code = (answer: Answer) => JSON.parse(answer.body).errors?.[0]?.extensions?.code;

describe("without PUBLIC_URL: only loopback names are the gateway's own", () => {
  const setup = sandboxGateway();

  it('a rebinding page (Origin and Host both rebind.example) is refused with 403 FORBIDDEN on HTTP, SSE and the WebSocket upgrade', async () => {
    const { port } = new URL(setup.gw.url);
    const rebound = { host: `rebind.example:${port}`, origin: `http://rebind.example:${port}` };
    for (const answer of [await post(setup.gw.url, rebound), await sse(setup.gw.url, rebound)]) {
      expect(answer.status).toBe(403);
      expect(code(answer)).toBe('FORBIDDEN');
    }
    expect(await upgrade(setup.gw.url, rebound)).toBe(403);
    expect(setup.sandbox.calls).toHaveLength(0);
  });

  it('a page on a loopback name is served, on any port: localhost, 127.0.0.1 and [::1]', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000', 'https://localhost']) {
      const answer = await post(setup.gw.url, { origin });
      expect(answer.status, origin).toBe(200);
      expect(JSON.parse(answer.body), origin).toEqual({ data: { __typename: 'Query' } });
      expect(await upgrade(setup.gw.url, { origin }), origin).toBe('open');
    }
  });

  it("a same-origin GET from a rebinding page (no Origin, Sec-Fetch-Site: same-origin) needs the CSRF header; the gateway's own page's does not", async () => {
    const { port } = new URL(setup.gw.url);
    const marked = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };
    const rebound = await get(setup.gw.url, { ...marked, host: `rebind.example:${port}` });
    expect(rebound.status).toBe(403);
    const own = await get(setup.gw.url, { ...marked, host: `localhost:${port}` });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ data: { __typename: 'Query' } });
    const withHeader = await get(setup.gw.url, { ...marked, host: `rebind.example:${port}`, 'x-graphql-yoga-csrf': '1' });
    expect(withHeader.status).toBe(200);
  });
});

describe("with PUBLIC_URL: only its origin is the gateway's own", () => {
  const setup = sandboxGateway({ PUBLIC_URL: 'https://music.example.com', CORS_ORIGINS: 'https://app.example.com' });

  it("serves PUBLIC_URL's origin and the listed one; refuses loopback names, another scheme, and a rebinding page", async () => {
    const { port } = new URL(setup.gw.url);
    for (const origin of ['https://music.example.com', 'https://app.example.com']) {
      expect((await post(setup.gw.url, { origin })).status, origin).toBe(200);
      expect(await upgrade(setup.gw.url, { origin }), origin).toBe('open');
    }
    const refused: Record<string, string>[] = [
      { origin: `http://127.0.0.1:${port}` },
      { origin: 'http://music.example.com' },
      { origin: 'https://evil.example', host: 'evil.example' },
      { origin: `http://rebind.example:${port}`, host: `rebind.example:${port}` },
    ];
    for (const headers of refused) {
      expect((await post(setup.gw.url, headers)).status, headers.origin).toBe(403);
      expect((await sse(setup.gw.url, headers)).status, headers.origin).toBe(403);
      expect(await upgrade(setup.gw.url, headers), headers.origin).toBe(403);
    }
  });

  it("a same-origin GET counts as the own page only on PUBLIC_URL's host", async () => {
    const marked = { 'sec-fetch-site': 'same-origin' };
    expect((await get(setup.gw.url, { ...marked, host: 'music.example.com' })).status).toBe(200);
    expect((await get(setup.gw.url, { ...marked, host: 'rebind.example' })).status).toBe(403);
  });
});

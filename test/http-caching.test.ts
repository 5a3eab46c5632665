/**
 * HTTP caching as a standard shared cache reads it (http-cache-semantics, the RFC 9111 rules CDNs and proxies use):
 * a GET of a caller-independent query (operationCosts, errorCodes) is public with a max-age and an ETag, and a
 * conditional GET gets 304; anything that depends on the caller (a task, the viewer, credits), any answer with
 * errors and every POST is `private, no-store`; every answer varies by Origin, whose CORS headers it carries.
 */
import CachePolicy from 'http-cache-semantics';
import { describe, expect, it } from 'vitest';
import { keyA, sandboxGateway } from './support/helpers.js';

type Headers = Record<string, string>;

async function request(url: string, method: 'GET' | 'POST', query: string, headers: Headers = {}) {
  const init: RequestInit =
    method === 'GET'
      ? { headers: { accept: 'application/json', ...headers } }
      : { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) };
  const target = method === 'GET' ? `${url}/graphql?${new URLSearchParams({ query })}` : `${url}/graphql`;
  const res = await fetch(target, init);
  const reqHeaders: Headers = { host: new URL(url).host, ...(init.headers as Headers) };
  const policyRequest = { url: new URL(target).pathname + new URL(target).search, method, headers: reqHeaders };
  const policyResponse = { status: res.status, headers: Object.fromEntries(res.headers) };
  return { res, body: await res.text(), policy: new CachePolicy(policyRequest, policyResponse, { shared: true }), policyRequest };
}

describe('HTTP caching', () => {
  const setup = sandboxGateway({ CORS_ORIGINS: 'https://app.example,https://admin.example' });
  const costs = '{ operationCosts { operation credits } }';

  it('a GET of operationCosts: public, max-age 300, an ETag, and 304 on revalidation', async () => {
    const first = await request(setup.gw.url, 'GET', costs);
    expect(first.res.status).toBe(200);
    expect(first.policy.storable()).toBe(true);
    expect(first.policy.maxAge()).toBe(300);
    expect(first.res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    // Another caller (another key) may be served the stored answer: it does not depend on who asks.
    const other = { ...first.policyRequest, headers: { ...first.policyRequest.headers, authorization: `Bearer ${keyA}` } };
    expect(first.policy.satisfiesWithoutRevalidation(other)).toBe(true);
    // Once stale, the cache revalidates with If-None-Match; the gateway answers 304 without a body.
    const revalidation = first.policy.revalidationHeaders(first.policyRequest) as Headers;
    expect(revalidation['if-none-match']).toBe(first.res.headers.get('etag'));
    const again = await request(setup.gw.url, 'GET', costs, { 'if-none-match': revalidation['if-none-match']! });
    expect(again.res.status).toBe(304);
    expect(again.body).toBe('');
    // The same Vary as the answer it validates (RFC 9110 §15.4.5): a cache that updates its stored headers from it
    // still tells encodings and origins apart.
    const varies = (res: Response) => new Set((res.headers.get('vary') ?? '').split(',').map((t) => t.trim().toLowerCase()));
    expect(varies(again.res)).toEqual(varies(first.res));
    const { modified } = first.policy.revalidatedPolicy(first.policyRequest, {
      status: 304,
      headers: Object.fromEntries(again.res.headers),
    });
    expect(modified).toBe(false);
  });

  it('Vary: Accept: the same result as JSON, graphql-response+json or multipart is a representation each, with its own ETag', async () => {
    const json = await request(setup.gw.url, 'GET', costs);
    const spec = await request(setup.gw.url, 'GET', costs, { accept: 'application/graphql-response+json' });
    // A well-formed answer (a length, no chunked framing left from the stream it was read from), public as the others.
    const multipart = await request(setup.gw.url, 'GET', costs, { accept: 'multipart/mixed' });
    expect(multipart.res.status).toBe(200);
    expect(multipart.res.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    expect(multipart.res.headers.get('transfer-encoding')).toBeNull();
    const tags = [json, spec, multipart].map((r) => r.res.headers.get('etag'));
    expect(new Set(tags).size).toBe(3);
    for (const stored of [json, spec, multipart]) {
      expect(stored.res.headers.get('vary')).toMatch(/\bAccept\b/);
      for (const other of [json, spec, multipart]) {
        if (other !== stored) expect(stored.policy.satisfiesWithoutRevalidation(other.policyRequest)).toBe(false);
      }
    }
  });

  it('Vary: Origin: a stored answer for one origin (or none) is never served to another', async () => {
    const fromApp = await request(setup.gw.url, 'GET', costs, { origin: 'https://app.example' });
    expect(fromApp.res.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(fromApp.res.headers.get('vary')).toMatch(/\bOrigin\b/);
    const fromAdmin = { ...fromApp.policyRequest, headers: { ...fromApp.policyRequest.headers, origin: 'https://admin.example' } };
    expect(fromApp.policy.satisfiesWithoutRevalidation(fromAdmin)).toBe(false);
    const noOrigin = await request(setup.gw.url, 'GET', costs);
    expect(noOrigin.res.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(noOrigin.policy.satisfiesWithoutRevalidation(fromApp.policyRequest)).toBe(false);
  });

  it.each([
    ['a task (the caller’s own)', 'GET', '{ task(id: "t-1") { id } }'],
    ['the viewer', 'GET', '{ viewer { id } }'],
    ['credits', 'GET', '{ credits { total } }'],
    ['a public field beside a caller’s', 'GET', '{ operationCosts { operation } viewer { id } }'],
    ['an answer with errors', 'GET', '{ operationCosts { operation } tasks(ids: ["bad id!"]) { id } }'],
    ['a POST of operationCosts (yoga)', 'POST', costs, { origin: 'https://app.example' }],
    ['a POST of operationCosts (the fast path)', 'POST', costs],
  ] as const)('%s: private, no-store, never stored by a shared cache', async (_name, method, query, headers: Headers = {}) => {
    const { res, policy } = await request(setup.gw.url, method, query, { authorization: `Bearer ${keyA}`, ...headers });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b.*\bAuthorization\b|\bAuthorization\b.*\bOrigin\b/);
    expect(res.headers.get('etag')).toBeNull();
    expect(policy.storable()).toBe(false);
  });
});

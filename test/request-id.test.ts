/**
 * Every answer carries one `x-request-id`, whoever writes it: the HTTP fast path (which sends it with its own headers,
 * in one `writeHead`), yoga, the body checks, the other routes, and the answer to an unexpected fault. A caller's
 * sane id is echoed; any other gets a new UUID.
 */
import { describe, expect, it } from 'vitest';
import { sandboxGateway } from './support/helpers.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('x-request-id on every answer', () => {
  const setup = sandboxGateway({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_IP_PER_MINUTE: '1000', MAX_BODY_BYTES: '2000' });
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${setup.gw.url}/graphql`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const idOf = (res: Response) => res.headers.get('x-request-id');

  it('a caller-sent id comes back once, on the fast path, its refusals and its fallbacks to yoga', async () => {
    const key = { authorization: 'Bearer request-id-key-1', 'x-request-id': 'trace-1.a:b' };
    const answered = await post(JSON.stringify({ query: '{ __typename }' }), key);
    expect([answered.status, idOf(answered)]).toEqual([200, 'trace-1.a:b']);
    // Does not validate: admitted by the fast path, answered by yoga.
    const fallback = await post(JSON.stringify({ query: '{ taks }' }), key);
    expect([(await fallback.json()).errors[0].extensions.code, idOf(fallback)]).toEqual(['GRAPHQL_VALIDATION_FAILED', 'trace-1.a:b']);
    await post(JSON.stringify({ query: '{ __typename }' }), key);
    // The fourth of a limit of 3: the fast path's own refusal.
    const limited = await post(JSON.stringify({ query: '{ __typename }' }), key);
    expect([limited.status, idOf(limited)]).toEqual([429, 'trace-1.a:b']);
  });

  it('a new UUID on the other paths: a browser (yoga), a bad body, a body too large, an empty body, a GET, a 404', async () => {
    const replies = await Promise.all([
      post(JSON.stringify({ query: '{ __typename }' }), { origin: setup.gw.url }),
      post('{ not json'),
      post(JSON.stringify({ query: `{ __typename ${' '.repeat(3000)}}` })),
      post(''),
      fetch(`${setup.gw.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } }),
      fetch(`${setup.gw.url}/health`),
      fetch(`${setup.gw.url}/nothing-here`),
      fetch(`${setup.gw.url}/graphql`, { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 400, 413, 400, 200, 200, 404, 415]);
    for (const reply of replies) expect(idOf(reply)).toMatch(uuid);
    expect(new Set(replies.map(idOf)).size).toBe(replies.length);
  });

  it('the answer to an unexpected fault carries one too', async () => {
    const { services } = setup.gw;
    const lookup = services.registry.lookup;
    const lookupKept = services.registry.lookupKept;
    services.registry.lookupKept = undefined;
    services.registry.lookup = async () => {
      throw new Error('the registry failed');
    };
    try {
      const res = await post(JSON.stringify({ query: '{ task(id: "task-1") { id } }' }), { 'x-request-id': 'fault-1' });
      expect((await res.json()).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(idOf(res)).toBe('fault-1');
    } finally {
      services.registry.lookup = lookup;
      services.registry.lookupKept = lookupKept;
    }
  });
});

/**
 * Bad input of every kind gets a clear error with a stable code, and never an upstream call: malformed ids,
 * oversize strings, wrong enums and types, deep, aliased and huge documents, invalid JSON, wrong content types,
 * oversize bodies, missing CSRF headers. Also the limits' settings, introspection, rate limit and error masking.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphiqlTabs } from '../src/web/graphiql.js';
import { gql, keyB, sandboxGateway } from './support/helpers.js';

const clip = '5a4d8b0c-0000-4000-8000-000000000001';

interface Reply {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function send(url: string, init: { method?: string; body?: string; headers?: Record<string, string> }, query = ''): Promise<Reply> {
  const res = await fetch(`${url}/graphql${query}`, { method: init.method ?? 'POST', body: init.body, headers: init.headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Reply['body'] };
}
const asJson = (payload: unknown) => ({ body: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
const first = (reply: Reply) => reply.body.errors?.[0];

/** A document `depth` fields deep, through the introspection types (the schema itself is shallow). */
const deepQuery = (depth: number) =>
  `{ __type(name: "Task") { ${'fields { type { '.repeat(Math.ceil((depth - 1) / 2))}name${' } }'.repeat(Math.ceil((depth - 1) / 2))} } }`;
const aliasedQuery = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: task(id: "task-${i}") { id }`).join(' ')} }`;

describe('bad input', () => {
  const setup = sandboxGateway();

  const graphqlCases: [string, string, Record<string, unknown>, string, RegExp][] = [
    ['a malformed task id', `{ task(id: "../../etc/passwd") { id } }`, {}, 'BAD_USER_INPUT', /^id: must be an id/],
    [
      'a malformed id in a list',
      `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`,
      { ids: ['ok-1', 'no spaces'] },
      'BAD_USER_INPUT',
      /^ids\.1: /,
    ],
    [
      'too many ids',
      `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`,
      { ids: Array.from({ length: 101 }, (_, i) => `t${i}`) },
      'BAD_USER_INPUT',
      /at most 100/,
    ],
    ['a malformed clip id', `mutation { splitStemsBasic(clipId: "a b") { id } }`, {}, 'BAD_USER_INPUT', /^clipId: /],
    ['an id of 129 characters', `query($id: ID!) { task(id: $id) { id } }`, { id: 'a'.repeat(129) }, 'BAD_USER_INPUT', /at most 128/],
    [
      'a title over 80 characters',
      `mutation($t: String) { createMusic(input: { customMode: true, lyrics: "la", title: $t }) { id } }`,
      { t: 'x'.repeat(81) },
      'BAD_USER_INPUT',
      /^input\.title: must be at most 80/,
    ],
    [
      'lyrics over the model limit',
      `mutation($l: String) { createMusic(input: { customMode: true, lyrics: $l, model: SONIC_V4 }) { id } }`,
      { l: 'la '.repeat(1001) },
      'BAD_USER_INPUT',
      /^input\.lyrics: must be at most 3000 characters for SONIC_V4/,
    ],
    [
      'a wrong enum literal',
      `mutation { createMusic(input: { description: "x", model: SONIC_V99 }) { id } }`,
      {},
      'GRAPHQL_VALIDATION_FAILED',
      /SONIC_V99/,
    ],
    [
      'a wrong enum variable',
      `mutation($m: MusicModel!) { createMusic(input: { description: "x", model: $m }) { id } }`,
      { m: 'sonic-v4' },
      'BAD_USER_INPUT',
      /^Variable "\$m" got invalid value "sonic-v4"/,
    ],
    [
      'a wrong type',
      `mutation($w: Float) { createMusic(input: { description: "x", weirdness: $w }) { id } }`,
      { w: 'high' },
      'BAD_USER_INPUT',
      /\$w/,
    ],
    [
      'a weight out of range',
      `mutation { createMusic(input: { description: "x", styleWeight: 2 }) { id } }`,
      {},
      'BAD_USER_INPUT',
      /^input\.styleWeight: /,
    ],
    ['a missing required argument', `mutation { splitStemsFull { id } }`, {}, 'GRAPHQL_VALIDATION_FAILED', /clipId/],
    [
      'a malformed idempotency key',
      `mutation { splitStemsFull(clipId: "${clip}", idempotencyKey: "a b") { id } }`,
      {},
      'BAD_USER_INPUT',
      /^idempotencyKey: /,
    ],
    ['a syntax error', `{ task(id: "x") { id }`, {}, 'GRAPHQL_PARSE_FAILED', /Syntax Error/],
    ['an unknown field', `{ nope }`, {}, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nope"/],
    ['a query deeper than 10', deepQuery(12), {}, 'GRAPHQL_VALIDATION_FAILED', /depth limit of 10 exceeded/],
    ['more than 15 aliases', aliasedQuery(16), {}, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 15 exceeded/],
    ['more than 2000 tokens', `{ ${'__typename '.repeat(2001)}}`, {}, 'GRAPHQL_PARSE_FAILED', /Token limit of 2000 exceeded/],
    [
      'too many directives',
      `{ __typename ${'@skip(if: false) '.repeat(21)}}`,
      {},
      'GRAPHQL_VALIDATION_FAILED',
      /Directives limit of 20 exceeded/,
    ],
  ];
  for (const [what, query, variables, code, message] of graphqlCases) {
    it(`${what}: ${code}, no upstream call`, async () => {
      const before = setup.sandbox.calls.length;
      const res = await gql(setup.gw.url, query, variables);
      expect(Object.values(res.data ?? {}).filter((v) => v !== null)).toEqual([]);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(setup.sandbox.calls.length).toBe(before);
    });
  }

  const httpCases: [string, Parameters<typeof send>[1], number, RegExp, string?][] = [
    ['invalid JSON', { body: '{"query": "{ task(id', headers: { 'content-type': 'application/json' } }, 400, /invalid JSON/],
    ['an empty body', { body: '', headers: { 'content-type': 'application/json' } }, 400, /invalid JSON/],
    ['a JSON body that is not an object', { body: '"{ __typename }"', headers: { 'content-type': 'application/json' } }, 400, /./],
    ['a batch (array)', asJson([{ query: '{ __typename }' }]), 400, /Batching is not supported/],
    ['no query', asJson({ variables: {} }), 200, /Must provide query string/],
    [
      'text/plain',
      { body: JSON.stringify({ query: '{ __typename }' }), headers: { 'content-type': 'text/plain' } },
      415,
      /Unsupported content type "text\/plain"/,
    ],
    [
      'a form post',
      { body: 'query=%7B__typename%7D', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      /x-www-form-urlencoded/,
    ],
    ['multipart', { body: '--b\r\n\r\n--b--', headers: { 'content-type': 'multipart/form-data; boundary=b' } }, 415, /multipart/],
    ['XML', { body: '<query/>', headers: { 'content-type': 'application/xml' } }, 415, /application\/xml/],
    [
      'a body over MAX_BODY_BYTES',
      asJson({ query: '{ __typename }', variables: { pad: 'x'.repeat(100_001) } }),
      413,
      /larger than 100000 bytes/,
    ],
    [
      'a GET from another site without a CSRF header',
      { method: 'GET', headers: { 'sec-fetch-site': 'cross-site' } },
      403,
      /CSRF/,
      '?query=%7B__typename%7D',
    ],
    [
      'a mutation over GET',
      { method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } },
      405,
      /mutation/i,
      `?query=${encodeURIComponent(`mutation { splitStemsFull(clipId: "${clip}") { id } }`)}`,
    ],
    ['PUT', { method: 'PUT', ...asJson({ query: '{ __typename }' }) }, 405, /GET and POST/],
    ['DELETE', { method: 'DELETE' }, 405, /GET and POST/],
  ];
  for (const [what, init, status, message, query] of httpCases) {
    it(`${what}: HTTP ${status}, a coded error, no upstream call`, async () => {
      const before = setup.sandbox.calls.length;
      const reply = await send(setup.gw.url, init, query);
      expect(reply.status).toBe(status);
      expect(first(reply)?.extensions?.code).toBe('BAD_REQUEST');
      expect(first(reply)?.message).toMatch(message);
      expect(JSON.stringify(reply.body)).not.toMatch(/originalError|stack|at .*\.js/);
      expect(setup.sandbox.calls.length).toBe(before);
    });
  }

  it('a variable that does not fit its type, or is missing: 400 for application/graphql-response+json, 200 for application/json', async () => {
    const query = 'query($id: ID!) { task(id: $id) { id } }';
    for (const variables of [{ id: { a: 1 } }, {}]) {
      for (const [accept, status] of [
        ['application/graphql-response+json', 400],
        ['application/json', 200],
      ] as const) {
        const body = JSON.stringify({ query, variables });
        const post = await send(setup.gw.url, { body, headers: { 'content-type': 'application/json', accept } });
        expect([JSON.stringify(variables), accept, post.status]).toEqual([JSON.stringify(variables), accept, status]);
        expect(first(post)?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
        expect(post.body.data).toBeUndefined();
        const params = new URLSearchParams({ query, variables: JSON.stringify(variables) });
        const get = await send(setup.gw.url, { method: 'GET', headers: { accept } }, `?${params}`);
        expect(get.status).toBe(status);
      }
    }
  });

  it('a body without Content-Length (chunked) is cut at the limit too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${setup.gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"query":"{ __typename }","variables":{"pad":"');
      const pad = 'x'.repeat(10_000);
      let sent = 0;
      const pump = () => {
        while (sent < 30 && req.write(pad)) sent++;
        if (sent < 30) req.once('drain', () => (sent++, pump()));
        else req.end('"}}');
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('a mutation that fails leaves the results of the others in the same request (a paid task is never hidden)', async () => {
    const before = setup.sandbox.calls.length;
    const res = await gql(
      setup.gw.url,
      `mutation { paid: splitStemsBasic(clipId: "${clip}") { id status } refused: splitStemsFull(clipId: "a b") { id } }`,
    );
    expect(res.data).toEqual({ paid: { id: expect.any(String), status: 'PENDING' }, refused: null });
    expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['refused'], 'BAD_USER_INPUT']]);
    expect(setup.sandbox.calls.length).toBe(before + 1);
  });

  it('a GET query with a CSRF header is served', async () => {
    const reply = await send(setup.gw.url, { method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } }, '?query=%7B__typename%7D');
    expect(reply.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('an unexpected fault is masked: INTERNAL_SERVER_ERROR, no message, stack or path of the cause', async () => {
    const registry = setup.gw.services.registry;
    const lookup = registry.lookup;
    registry.lookup = async () => {
      throw new Error('registry exploded at /srv/app/src/tasks/registry.ts:42');
    };
    try {
      const res = await gql(setup.gw.url, `{ task(id: "some-task") { id } }`);
      expect(res.errors).toEqual([
        { message: 'Unexpected error.', locations: expect.any(Array), path: ['task'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
    } finally {
      registry.lookup = lookup;
    }
  });

  it('every operation in operations/ and in the GraphiQL tabs passes the default limits', async () => {
    // The operation files share fragments, so they are one document (as codegen reads them).
    const operationFiles = readdirSync('operations').filter((f) => f.endsWith('.graphql'));
    const sources = [operationFiles.map((f) => readFileSync(`operations/${f}`, 'utf8')).join('\n'), ...graphiqlTabs.map((t) => t.query)];
    const names = sources.flatMap((source) =>
      parse(source).definitions.flatMap((d) => (d.kind === 'OperationDefinition' ? [[source, d.name?.value] as const] : [])),
    );
    expect(names.length).toBeGreaterThan(10);
    for (const [source, operationName] of names) {
      // JSON only: a subscription that is valid then gets 406 instead of an endless event stream.
      const json = asJson({ query: source, operationName, variables: {} });
      const reply = await send(setup.gw.url, { ...json, headers: { ...json.headers, accept: 'application/json' } });
      const refused = (reply.body.errors ?? []).filter((e) => /^GRAPHQL_(PARSE|VALIDATION)_FAILED$/.test(String(e.extensions?.code)));
      expect(refused, operationName).toEqual([]);
    }
  });

  it('introspection is allowed by default', async () => {
    const res = await gql(setup.gw.url, `{ __schema { queryType { name } } }`);
    expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('MAX_BODY_BYTES holds for every way a document comes', () => {
  const setup = sandboxGateway({ MAX_BODY_BYTES: '2000' });
  const long = `{ ${Array.from({ length: 300 }, (_, i) => `f${i}: __typename`).join(' ')} }`; // ~5 KB

  it('a GET whose URL is longer is 414 BAD_REQUEST before parsing, as a POST of it is 413', async () => {
    const get = await send(setup.gw.url, { method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } }, `?query=${encodeURIComponent(long)}`);
    expect(get.status).toBe(414);
    expect(first(get)).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/longer than 2000 bytes/) });
    const post = await send(setup.gw.url, asJson({ query: long }));
    expect(post.status).toBe(413);
    const small = await send(
      setup.gw.url,
      { method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } },
      `?query=${encodeURIComponent('{ __typename }')}`,
    );
    expect(small.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('CORS_ORIGINS written loosely', () => {
  const setup = sandboxGateway({ CORS_ORIGINS: 'https://App.example/, https://b.example' });

  it('matches as browsers send an origin (lower case, no trailing slash), in the CORS headers as in the access rule', async () => {
    for (const origin of ['https://app.example', 'https://b.example']) {
      const preflight = await fetch(`${setup.gw.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      const res = await fetch(`${setup.gw.url}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([200, origin]);
      // A page can read its request id, and how long a rate limit asks it to wait.
      expect(res.headers.get('access-control-expose-headers')?.toLowerCase().split(/,\s*/).sort()).toEqual(['retry-after', 'x-request-id']);
    }
  });
});

describe('limits settings', () => {
  const setup = sandboxGateway({
    ALLOW_INTROSPECTION: 'false',
    MAX_QUERY_COST: '40',
    RATE_LIMIT_PER_MINUTE: '5',
    // The per-IP limit (same address for every test here) is tested in test/access.test.ts.
    RATE_LIMIT_PER_IP_PER_MINUTE: '1000',
    CORS_ORIGINS: 'https://app.example',
  });

  it('ALLOW_INTROSPECTION=false refuses introspection and stops suggesting field names', async () => {
    const res = await gql(setup.gw.url, `{ __schema { types { name } } }`, {}, { authorization: 'Bearer introspection-key-1' });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      message: expect.stringMatching(/introspection/i),
    });
    const typo = await gql(setup.gw.url, `{ taks(id: "x") { id } }`, {}, { authorization: 'Bearer introspection-key-1' });
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('CORS_ORIGINS: a preflight from another origin is not allowed; the listed one is', async () => {
    const preflight = (origin: string) =>
      fetch(`${setup.gw.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    expect((await preflight('https://app.example')).headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it('MAX_QUERY_COST refuses a costly document before it runs', async () => {
    const before = setup.sandbox.calls.length;
    const res = await gql(
      setup.gw.url,
      `{ tasks(ids: ["a", "b"]) { id status clips { id title tags lyrics audioUrl imageUrl videoUrl duration } stems { kind name clip { id audioUrl } } } }`,
      {},
      { authorization: 'Bearer cost-key-0001' },
    );
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      message: expect.stringMatching(/cost limit of 40/i),
    });
    expect(setup.sandbox.calls.length).toBe(before);
  });

  it('RATE_LIMIT_PER_MINUTE: the request over the limit is HTTP 429 RATE_LIMITED with Retry-After; other keys are not affected', async () => {
    const caller = { authorization: 'Bearer rate-limited-key-1' };
    const replies: Reply[] = [];
    for (let i = 0; i < 6; i++)
      replies.push(
        await send(setup.gw.url, { ...asJson({ query: '{ __typename }' }), headers: { 'content-type': 'application/json', ...caller } }),
      );
    expect(replies.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const limited = replies[5]!;
    expect(limited.status).toBe(429);
    const retryAfterSeconds = Number(limited.headers.get('retry-after'));
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(first(limited)).toEqual({
      message: expect.stringMatching(/at most 5 per minute/),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds },
    });
    const other = await gql(setup.gw.url, '{ __typename }', {}, { authorization: `Bearer ${keyB}` });
    expect(other.data).toEqual({ __typename: 'Query' });
  });

  it('a request the fast path admits and then leaves to yoga (a document that does not validate) is counted once', async () => {
    const caller = { authorization: 'Bearer rate-limited-key-2' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const reply = await send(setup.gw.url, {
        ...asJson({ query: '{ taks(id: "x") { id } }' }),
        headers: { 'content-type': 'application/json', ...caller },
      });
      statuses.push(reply.status);
      if (i < 5) expect(first(reply)?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // Five answered by yoga (a validation error, with 200 for application/json), the sixth over the limit: none was
    // counted twice.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe('every HTTP refusal is readable', () => {
  const setup = sandboxGateway({ CORS_ORIGINS: 'https://app.example' });

  it.each([
    ['the fast path', {}],
    ["yoga's path", { origin: 'https://app.example' }],
  ])('media types are case-insensitive: APPLICATION/JSON is JSON (%s)', async (_path, headers) => {
    const res = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'APPLICATION/JSON; Charset=UTF-8', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('a GET from a site named in CORS_ORIGINS needs no CSRF header (an EventSource cannot send one); an unnamed site still does', async () => {
    const get = (headers: Record<string, string>) =>
      send(setup.gw.url, { method: 'GET', headers: { 'sec-fetch-site': 'cross-site', ...headers } }, '?query=%7B__typename%7D');
    const listed = await get({ origin: 'https://app.example' });
    expect([listed.status, listed.body]).toEqual([200, { data: { __typename: 'Query' } }]);
    const unlisted = await get({}); // no Origin: an <img> or a link from anywhere
    expect([unlisted.status, first(unlisted)?.message]).toEqual([403, expect.stringMatching(/CSRF/)]);
  });

  it('an unknown path is 404 with a coded body', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await fetch(`${setup.gw.url}/nothing-here`, { method });
      expect(res.status).toBe(404);
      expect((await res.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});

/**
 * The HTTP fast path compiles a query it keeps seeing with graphql-jit (src/transport/http/prepared.ts). A compiled
 * query must answer exactly what graphql-js, through yoga, answers: each request below is sent again and again (its
 * later runs are compiled), and every answer is compared, as text, with yoga's answer to the same request.
 */
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClip, type Sandbox } from '../src/sandbox/index.js';
import { schema } from '../src/schema/index.js';
import { PreparedDocuments } from '../src/transport/http/prepared.js';
import { startGateway, startSandbox, type TestGateway } from './support/helpers.js';

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** A browser origin the gateway allows: such a request is answered by yoga, never by the fast path. */
const viaYoga = { origin: 'http://app.example' };

describe('compiled queries answer as graphql-js does', () => {
  let sandbox: Sandbox;
  let gw: TestGateway;
  let running: string;
  let finished: string;
  beforeAll(async () => {
    // The sandbox's clock is the test's: the first task is finished, the second runs for as long as the test does.
    let clock = Date.now();
    sandbox = await startSandbox(1_000, () => clock);
    // The window off: every read of the running task executes (none is answered from a kept answer).
    gw = await startGateway(sandbox.url, { CORS_ORIGINS: viaYoga.origin, TASK_READ_MAX_AGE_MS: '0' });
    const submit = async () =>
      JSON.parse(
        (await post(gw.url, { query: `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, variables: { c: demoClip.id } })).text,
      ).data.splitStemsBasic.id as string;
    finished = await submit();
    clock += 5_000;
    running = await submit();
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  const requests: [string, unknown][] = [
    [
      'a running task',
      {
        query: `query($id: ID!) { task(id: $id) { id kind status observedAt clips { id audioUrl state } } }`,
        variables: { id: 'RUNNING' },
      },
    ],
    [
      'aliases and __typename',
      { query: `query($id: ID!) { a: task(id: $id) { __typename s: status } b: task(id: $id) { id } }`, variables: { id: 'RUNNING' } },
    ],
    [
      'fragments',
      {
        query: `query($id: ID!) { task(id: $id) { ...T } } fragment T on Task { id status clips { ...C } } fragment C on Clip { id title }`,
        variables: { id: 'RUNNING' },
      },
    ],
    [
      'an abstract type (Node)',
      { query: `query($id: ID!) { node(id: $id) { __typename id ... on Task { status } } }`, variables: { id: 'RUNNING' } },
    ],
    ['a field error with a code', { query: `{ task(id: "0000dead-0000-4000-8000-000000000000") { id status } }` }],
    [
      'partial data in a list',
      {
        query: `query($ids: [ID!]!) { tasks(ids: $ids) { id status } }`,
        variables: { ids: ['RUNNING', '0000dead-0000-4000-8000-000000000000'] },
      },
    ],
    ['a refused argument', { query: `{ task(id: "not an id") { id } }` }],
    ['a variable of the wrong type', { query: `query($id: ID!) { task(id: $id) { id } }`, variables: { id: { no: 1 } } }],
    ['a missing variable', { query: `query($id: ID!) { task(id: $id) { id } }` }],
    ['the caller and its costs', { query: `{ viewer { id } operationCosts { operation credits } }` }],
  ];

  it.each(requests)('%s, run after run', async (_name, request) => {
    const body = JSON.parse(JSON.stringify(request).replaceAll('RUNNING', running));
    for (let run = 0; run < 8; run++) {
      const fast = await post(gw.url, body);
      const full = await post(gw.url, body, viaYoga);
      // observedAt is the time of each read (the window is off): the same on both sides only by chance.
      const stable = (text: string) => text.replace(/"observedAt":"[^"]+"/g, '"observedAt":"…"');
      expect({ status: fast.status, text: stable(fast.text) }).toEqual({ status: full.status, text: stable(full.text) });
    }
  });

  /** Runs `request` again and again while `registry.lookup` answers as `lookup` does, comparing fast path and yoga. */
  const withLookup = async (lookup: (id: string) => Promise<unknown>, request: unknown) => {
    const real = gw.services.registry.lookup;
    gw.services.registry.lookup = lookup as typeof real;
    try {
      for (let run = 0; run < 8; run++) {
        const fast = await post(gw.url, request);
        const full = await post(gw.url, request, viaYoga);
        expect({ run, ...fast }).toEqual({ run, ...full });
      }
    } finally {
      gw.services.registry.lookup = real;
    }
  };

  it('an unexpected error in a read is masked with its locations, run after run', async () => {
    await withLookup(
      async () => {
        throw new Error('internal detail');
      },
      { query: `{ task(id: "0000aaaa-0000-4000-8000-000000000000") { id } }` },
    );
  });

  it('a null in a non-null field is masked, run after run', async () => {
    const record = await gw.services.registry.lookup(running);
    await withLookup(async () => ({ ...record, kind: null }), {
      query: `query($id: ID!) { task(id: $id) { id kind } }`,
      variables: { id: running },
    });
  });

  it('a value its enum cannot represent is an error with a code, run after run', async () => {
    const record = await gw.services.registry.lookup(running);
    await withLookup(async () => ({ ...record, kind: 'NOPE' }), {
      query: `query($id: ID!) { task(id: $id) { id status kind } }`,
      variables: { id: running },
    });
  });

  it('a list whose last items fail keeps their places, run after run', async () => {
    const record = await gw.services.registry.lookup(running);
    await withLookup(async (id) => (id === running ? record : Promise.reject(new Error('internal detail'))), {
      query: `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`,
      variables: { ids: [running, '0000aaaa-0000-4000-8000-000000000001', '0000aaaa-0000-4000-8000-000000000002'] },
    });
  });

  it('a finished task, read from memory, and the same document for another task', async () => {
    const body = (id: string) => ({
      query: `query($id: ID!) { task(id: $id) { id status clips { id } stems { kind } } }`,
      variables: { id },
    });
    for (let run = 0; run < 8; run++) {
      for (const id of [finished, running]) {
        const fast = await post(gw.url, body(id));
        const full = await post(gw.url, body(id), viaYoga);
        expect(fast).toEqual(full);
      }
    }
  });
});

describe('which queries are compiled', () => {
  const preparer = () => ({ parse, validate: (document: ReturnType<typeof parse>) => validate(schema, document) });
  /** Runs `query` as the fast path does until graphql-jit is loaded and the query has run often enough. */
  const compiledAfterRuns = async (query: string, operationName?: string, documents = new PreparedDocuments()) => {
    const prepared = documents.get(query, operationName, preparer);
    if (!prepared) throw new Error(`not prepared: ${query}`);
    for (let run = 0; run < 20; run++) {
      if (documents.compiledQuery(prepared, schema)) return run + 1;
      // From the third run on, what may still be missing is graphql-jit itself, loaded in the background (a document
      // that may not be compiled has nothing to wait for).
      if (run >= 2 && prepared.compilable) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  };

  it('a plain query, once it has run a few times; not on its first run', async () => {
    const runs = await compiledAfterRuns('query($id: ID!) { task(id: $id) { status } }');
    expect(runs).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['a mutation', 'mutation { createMusic(input: { description: "x" }) { id } }'],
    ['a query with @include', 'query($id: ID!, $c: Boolean!) { task(id: $id) { status clips @include(if: $c) { id } } }'],
    ['introspection', '{ __schema { queryType { name } } }'],
    ['a document with two operations', 'query A { __typename } query B { __typename }', 'B'],
  ])('not %s', async (_name, query, operationName?: string) => {
    expect(await compiledAfterRuns(query, operationName)).toBeUndefined();
  });

  it('a query of other root fields is not compiled', async () => {
    expect(await compiledAfterRuns('{ viewer { id } operationCosts { operation } }')).toBeUndefined();
  });

  it('at most `maxCompiled` at once: the one pushed out runs on graphql-js from then on, not compiled again', async () => {
    const documents = new PreparedDocuments({ maxCompiled: 3, compilesPerMinute: 100 });
    const query = (i: number) => `query Q${i}($id: ID!) { task(id: $id) { status } }`;
    for (let i = 0; i < 4; i++) expect(await compiledAfterRuns(query(i), undefined, documents)).toBeDefined();
    // Q0, the least recently run, was pushed out by Q3.
    const first = documents.get(query(0), undefined, preparer)!;
    expect(first.compiled).toBeUndefined();
    for (let run = 0; run < 5; run++) expect(documents.compiledQuery(first, schema)).toBeUndefined();
    expect(documents.get(query(1), undefined, preparer)!.compiled).toBeDefined();
  });

  it('at most `compilesPerMinute` compiles: past them, new documents run on graphql-js', async () => {
    const documents = new PreparedDocuments({ maxCompiled: 100, compilesPerMinute: 2 });
    const query = (i: number) => `query C${i}($id: ID!) { task(id: $id) { status } }`;
    expect(await compiledAfterRuns(query(0), undefined, documents)).toBeDefined();
    expect(await compiledAfterRuns(query(1), undefined, documents)).toBeDefined();
    expect(await compiledAfterRuns(query(2), undefined, documents)).toBeUndefined();
  });
});

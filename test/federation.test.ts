/**
 * Federation (FEDERATION=true): the gateway as an Apollo Federation 2 subgraph. Its `_service { sdl }` is
 * schema.subgraph.graphql (committed, checked here like schema.graphql), the plain gateway has no federation fields,
 * and the subgraph composes (@theguild/federation-composition) with a small second subgraph whose field returns a
 * Task by id. A real router (Hive Gateway's runtime, in-process) answers a query across both: the Task's status comes
 * from this gateway's `_entities`, with the tenancy of `task(id:)` for whoever the router forwards.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoClip } from '../src/sandbox/index.js';
import { printSubgraphSchemaFile, subgraphSchemaFilePath } from '../src/schema/subgraph.js';
import { codes, gql, keyA, keyB, manualClock, sandboxGateway, startGateway, type TestGateway } from './support/helpers.js';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A second team's subgraph: its featured render is a Task it knows only by id. */
const editorialTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Query { featuredRender: FeaturedRender }
  "A render an editor picked."
  type FeaturedRender { headline: String! task: Task }
  type Task @key(fields: "id", resolvable: false) { id: ID! }
`);

describe('federation subgraph', () => {
  const clock = manualClock(Date.now());
  const setup = sandboxGateway({ FEDERATION: 'true' }, { taskMs: 1000, now: clock.now });
  let taskId: string;
  let editorial: Server;
  let editorialUrl: string;

  beforeAll(async () => {
    const split = await gql(setup.gw.url, 'mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }', { c: demoClip.id }, bearer(keyA));
    taskId = split.data!.splitStemsBasic.id;
    clock.advance(2000);
    const schema = buildSubgraphSchema({
      typeDefs: editorialTypeDefs,
      resolvers: { Query: { featuredRender: () => ({ headline: 'Render of the week', task: { __typename: 'Task', id: taskId } }) } },
    });
    editorial = createServer(createYoga({ schema, maskedErrors: false }));
    await new Promise<void>((resolve) => editorial.listen(0, '127.0.0.1', resolve));
    editorialUrl = `http://127.0.0.1:${(editorial.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => editorial.close(() => resolve())));

  it('_service { sdl } is schema.subgraph.graphql (run `npm run schema` after changing types), with @key on Task and Clip', async () => {
    expect(readFileSync(subgraphSchemaFilePath, 'utf8')).toBe(printSubgraphSchemaFile());
    const { data } = await gql(setup.gw.url, '{ _service { sdl } }');
    expect(`${data!._service.sdl}`.trim()).toBe(
      printSubgraphSchemaFile()
        .replace(/^#.*\n\n/, '')
        .trim(),
    );
    expect(data!._service.sdl).toMatch(/type Task implements Node\s+@key\(fields: "id"\)/);
    expect(data!._service.sdl).toMatch(/type Clip implements Node\s+@key\(fields: "id"\)/);
  });

  it('composes with another subgraph; a router resolves the Task it returns through this gateway, per caller', async () => {
    const sdl = (await gql(setup.gw.url, '{ _service { sdl } }')).data!._service.sdl as string;
    const composed = composeServices([
      { name: 'music', typeDefs: parse(sdl), url: `${setup.gw.url}/graphql` },
      { name: 'editorial', typeDefs: editorialTypeDefs, url: editorialUrl },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    const router = createGatewayRuntime({
      supergraph: composed.supergraphSdl!,
      // A failure in the router says why (not "Unexpected error.").
      maskedErrors: false,
      logging: false,
      propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }) },
    });
    try {
      const ask = async (key: string) => {
        const res = await router.fetch('http://router/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(key) },
          body: JSON.stringify({ query: '{ featuredRender { headline task { id status kind stems { kind } } } }' }),
        });
        return (await res.json()) as { data?: any; errors?: unknown[] };
      };
      const owner = await ask(keyA);
      expect(owner.errors).toBeUndefined();
      expect(owner.data.featuredRender).toEqual({
        headline: 'Render of the week',
        task: { id: taskId, status: 'SUCCEEDED', kind: 'STEMS_BASIC', stems: [{ kind: 'VOCALS' }, { kind: 'INSTRUMENTAL' }] },
      });
      // Another key's caller: the gateway's record says the task is not theirs, so it is null, with no upstream read.
      const readsBefore = setup.sandbox.calls.filter((c) => c.method === 'GET').length;
      const stranger = await ask(keyB);
      expect(stranger.data.featuredRender).toEqual({ headline: 'Render of the week', task: null });
      expect(setup.sandbox.calls.filter((c) => c.method === 'GET').length).toBe(readsBefore);
    } finally {
      await router.dispose();
    }
  });
});

describe('federation subgraph: a bad representation', () => {
  const setup = sandboxGateway({ FEDERATION: 'true' });

  it('fails only its own entity, with BAD_USER_INPUT at its index; the others are resolved', async () => {
    const split = await gql(setup.gw.url, 'mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }', { c: demoClip.id });
    const good = { __typename: 'Task', id: split.data!.splitStemsBasic.id };
    // Run after run: from the third on, the fast path runs the query compiled (src/transport/http/prepared.ts).
    for (let run = 0; run < 6; run++) {
      const res = await gql(setup.gw.url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Task { id } } }', {
        r: [good, { __typename: 'Nope', id: 'x' }, { id: 'x' }, { __typename: 'Task' }, good],
      });
      expect(res.data!._entities).toEqual([{ id: good.id }, null, null, null, { id: good.id }]);
      expect(res.errors!.map((e) => ({ path: e.path, code: e.extensions!.code }))).toEqual([
        { path: ['_entities', 1], code: 'BAD_USER_INPUT' },
        { path: ['_entities', 2], code: 'BAD_USER_INPUT' },
        { path: ['_entities', 3], code: 'BAD_USER_INPUT' },
      ]);
    }
  });
});

describe('without FEDERATION', () => {
  let plain: TestGateway;
  beforeAll(async () => void (plain = await startGateway('http://127.0.0.1:9')));
  afterAll(() => plain.close());
  it('the schema has no federation fields', async () => {
    expect(codes(await gql(plain.url, '{ _service { sdl } }'))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(readFileSync('schema.graphql', 'utf8')).not.toMatch(/_entities|_service|@key|@link/);
  });
});

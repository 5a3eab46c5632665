/**
 * With ALLOW_INTROSPECTION=false no error suggests a name of the schema: not a field, an argument, a type, an enum
 * value or an input field, whether the mistake is in the document (validation) or in a variable (coercion), on every
 * transport: the HTTP fast path, yoga (GET, a browser's POST), SSE and graphql-ws. With introspection on, the same probes do get
 * suggestions (so they are probes that would show one).
 */
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sandboxGateway, type GraphQLResponse } from './support/helpers.js';

interface Probe {
  what: string;
  query: string;
  variables?: Record<string, unknown>;
}

const probes: Probe[] = [
  { what: 'a field', query: '{ taks(id: "x") { id } }' },
  { what: 'an argument', query: '{ task(idd: "x") { id } }' },
  { what: 'a type', query: 'query($id: Strin!) { task(id: $id) { id } }', variables: { id: 'x' } },
  { what: 'an enum value', query: 'mutation { createMusic(input: { description: "x", model: SONIC_V4x }) { id } }' },
  { what: 'an input field', query: 'mutation { createMusic(input: { descripton: "x" }) { id } }' },
  {
    what: 'an enum value in a variable',
    query: 'mutation($input: CreateMusicInput!) { createMusic(input: $input) { id } }',
    variables: { input: { description: 'x', model: 'SONIC_V4x' } },
  },
  {
    what: 'an input field in a variable',
    query: 'mutation($input: CreateMusicInput!) { createMusic(input: $input) { id } }',
    variables: { input: { description: 'x', descripton: 'y' } },
  },
];

type Transport = (url: string, probe: Probe) => Promise<GraphQLResponse>;

const transports: Record<string, Transport> = {
  'the HTTP fast path': async (url, { query, variables }) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<GraphQLResponse>;
  },
  // Requests the fast path leaves to yoga: a GET, and a browser's POST (it carries an Origin: the gateway's own page).
  yoga: async (url, { query, variables }) => {
    const res = query.startsWith('mutation')
      ? await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:4000' },
          body: JSON.stringify({ query, variables }),
        })
      : await fetch(`${url}/graphql?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })}`);
    return res.json() as Promise<GraphQLResponse>;
  },
  SSE: async (url, { query, variables }) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    if (!res.headers.get('content-type')?.startsWith('text/event-stream')) return JSON.parse(text) as GraphQLResponse;
    const data = text.split('\n').find((line) => line.startsWith('data: {'));
    return JSON.parse(data!.slice('data: '.length)) as GraphQLResponse;
  },
  'graphql-ws': (url, { query, variables }) => {
    const client = createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    return new Promise<GraphQLResponse>((resolve) => {
      let first: GraphQLResponse = {};
      client.subscribe(
        { query, ...(variables ? { variables } : {}) },
        {
          next: (result) => (first = result as GraphQLResponse),
          error: (errors) => resolve({ errors: errors as GraphQLResponse['errors'] }),
          complete: () => resolve(first),
        },
      );
    }).finally(() => client.dispose());
  },
};

const messages = (answer: GraphQLResponse) => (answer.errors ?? []).map((error) => error.message);

describe('ALLOW_INTROSPECTION=false', () => {
  const setup = sandboxGateway({ ALLOW_INTROSPECTION: 'false' });

  for (const [name, send] of Object.entries(transports)) {
    it(`suggests no name over ${name}: ${probes.map((p) => p.what).join(', ')}`, async () => {
      for (const probe of probes) {
        const found = messages(await send(setup.gw.url, probe));
        expect(found.length, probe.what).toBeGreaterThan(0);
        for (const message of found) expect(message, probe.what).not.toMatch(/Did you mean/);
      }
      expect(setup.sandbox.calls).toHaveLength(0);
    });
  }

  it('still says what is wrong', async () => {
    const found = messages(await transports['the HTTP fast path']!(setup.gw.url, probes[0]!));
    expect(found).toEqual(['Cannot query field "taks" on type "Query".']);
  });
});

describe('ALLOW_INTROSPECTION=true (the default)', () => {
  const setup = sandboxGateway();

  it('the same probes get suggestions', async () => {
    for (const probe of probes) {
      const found = messages(await transports['the HTTP fast path']!(setup.gw.url, probe));
      expect(found.join('\n'), probe.what).toMatch(/Did you mean/);
    }
  });
});

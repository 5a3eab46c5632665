/**
 * A client's protocol faults get a coded answer on every transport, and none of them leaves work running or reads as
 * the server's fault. On graphql-ws (raw frames, as a careless or hostile client sends them): an operation id reused
 * while its first run is still ending is refused until that run has ended, so nothing runs on unreachable by
 * `complete` or the socket's close; a document whose operation cannot be chosen is BAD_REQUEST, as on HTTP; a message
 * only a server may send closes the socket 4400, and an oversized one 1009, without a stack trace on stderr. On
 * HTTP: a GET whose variables are not JSON is a 400 BAD_REQUEST, and an answer no accepted media type can carry a
 * coded 406.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { gql, sandboxGateway } from './support/helpers.js';
import { waitFor } from './support/wait.js';

const wsUrl = (url: string) => `${url.replace(/^http/, 'ws')}/graphql`;

interface Message {
  id?: string;
  type: string;
  payload?: any;
}

/** An initialised raw graphql-ws socket: what it received, how it closed, and a way to send frames. */
async function rawSocket(url: string) {
  const ws = new WebSocket(wsUrl(url), 'graphql-transport-ws');
  const messages: Message[] = [];
  const closed: { code?: number; reason?: string } = {};
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as Message));
  ws.on('close', (code, reason) => Object.assign(closed, { code, reason: String(reason) }));
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ type: 'connection_init' }));
  await waitFor(() => messages.some((m) => m.type === 'connection_ack'), 'the ack');
  return { ws, messages, closed, send: (message: Message) => ws.send(JSON.stringify(message)) };
}

const activeSubscriptions = async (setup: ReturnType<typeof sandboxGateway>) => {
  const text = await setup.gw.services.metrics.registry.getSingleMetricAsString('aimusic_graphql_active_subscriptions');
  return text
    .split('\n')
    .filter((line) => line.startsWith('aimusic_graphql_active_subscriptions'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
};

describe('graphql-ws protocol faults', () => {
  // Tasks that run for an hour: a subscription to one ends only when the client ends it.
  const setup = sandboxGateway({}, { taskMs: 3_600_000 });
  afterEach(() => vi.restoreAllMocks());

  it('an id completed and reused at once, 50 times over: nothing is left running once the socket closes', async () => {
    const created = await gql(setup.gw.url, 'mutation { createMusic(input: { description: "a long drone" }) { id } }');
    const taskId = created.data!.createMusic.id as string;
    const socket = await rawSocket(setup.gw.url);
    const subscribe = { query: 'subscription($t: ID!) { taskUpdated(taskId: $t) { status } }', variables: { t: taskId } };
    const answers = () => socket.messages.filter((m) => m.type === 'next' || m.type === 'error').length;
    for (let round = 0; round < 50; round++) {
      const before = answers();
      socket.send({ id: 'x', type: 'subscribe', payload: subscribe });
      // Every fifth one is completed once it has its first answer (an event, or the refusal), the rest at once.
      if (round % 5 === 0) await waitFor(() => answers() > before, 'an answer');
      socket.send({ id: 'x', type: 'complete' });
    }
    // Whatever each reuse got (its events, or a BAD_REQUEST while the previous run was ending), no error is uncoded.
    for (const m of socket.messages.filter((m) => m.type === 'error')) expect(m.payload[0].extensions.code).toBe('BAD_REQUEST');
    socket.ws.close();
    await waitFor(async () => (await activeSubscriptions(setup)) === 0, 'every subscription to end');
    // The socket was never closed by the server for it: the refusals were per operation.
    expect(await waitFor(() => socket.closed.code, 'the close')).toBe(1005);
  });

  it('a document whose operation cannot be chosen is BAD_REQUEST, as over HTTP', async () => {
    const socket = await rawSocket(setup.gw.url);
    socket.send({ id: '1', type: 'subscribe', payload: { query: 'query A { __typename } query B { __typename }' } });
    socket.send({ id: '2', type: 'subscribe', payload: { query: 'query A { __typename }', operationName: 'Z' } as never });
    await waitFor(() => socket.messages.filter((m) => m.type === 'error').length === 2, 'two errors');
    for (const m of socket.messages.filter((m) => m.type === 'error')) {
      expect(m.payload[0].extensions.code).toBe('BAD_REQUEST');
      expect(m.payload[0].message).toMatch(/Could not determine what operation to execute/);
    }
    // The socket goes on: the same document with its operation named runs.
    socket.send({
      id: '3',
      type: 'subscribe',
      payload: { query: 'query A { __typename } query B { __typename }', operationName: 'B' } as never,
    });
    await waitFor(() => socket.messages.find((m) => m.id === '3' && m.type === 'next'), 'the answer');
    socket.ws.close();
    const http = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }),
    });
    expect(http.status).toBe(400);
    expect(((await http.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it("a client's `next` message closes its socket 4400, and an oversized one 1009; neither prints a stack trace", async () => {
    const printed = vi.spyOn(console, 'error');
    const socket = await rawSocket(setup.gw.url);
    socket.send({ id: '1', type: 'next', payload: {} });
    await waitFor(() => socket.closed.code, 'the close');
    expect(socket.closed).toEqual({ code: 4400, reason: 'Invalid message received' });
    // A subscribe whose variables merely hold such a pair of keys is no such message.
    const fine = await rawSocket(setup.gw.url);
    fine.send({ id: '1', type: 'subscribe', payload: { query: '{ __typename }', variables: { v: { type: 'next' } } } as never });
    await waitFor(() => fine.messages.find((m) => m.id === '1' && m.type === 'next'), 'the answer');
    fine.ws.close();
    const big = await rawSocket(setup.gw.url);
    big.ws.send('x'.repeat(11 * 1024 * 1024));
    await waitFor(() => big.closed.code, 'the close');
    expect(big.closed.code).toBe(1009);
    expect(printed).not.toHaveBeenCalled();
  });
});

describe('HTTP protocol faults', () => {
  const setup = sandboxGateway();

  it('a GET whose variables or extensions are not JSON is a 400 BAD_REQUEST, over plain HTTP and SSE', async () => {
    for (const param of ['variables', 'extensions']) {
      for (const accept of ['application/json', 'text/event-stream']) {
        const res = await fetch(`${setup.gw.url}/graphql?query=${encodeURIComponent('{ __typename }')}&${param}=%7Bbad`, {
          headers: { accept },
        });
        const text = await res.text();
        expect(text, `${param} ${accept}`).toMatch(/"code":"BAD_REQUEST"/);
        expect(text).toMatch(/not valid JSON/);
        if (accept === 'application/json') expect(res.status).toBe(400);
      }
    }
  });

  it('an answer no accepted media type can carry is a coded 406', async () => {
    const res = await fetch(`${setup.gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/png' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(406);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});

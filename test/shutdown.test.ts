/**
 * Graceful shutdown: requests in flight finish, /health reports draining, new connections are refused, requests
 * past the timeout are cut, and a graphql-ws server registered with `onClose` closes its sockets with 1001.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { closeServices } from '../src/app/services.js';
import { gql, json, keyA, startFakeUpstream, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { subscribeSse } from './support/live.js';
import { removeDataDir } from './support/stores.js';

const clip = '5a4d8b0c-0000-4000-8000-000000000001';
const split = `mutation { splitStemsFull(clipId: "${clip}") { id } }`;

/** A GET on a fresh connection: the status, or the connection error's code. */
function probe(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    req.end();
  });
}

describe('graceful shutdown', () => {
  // The drain's delay and timeout are the gateway's own timers: the tests fake setTimeout while the HTTP server
  // drains and move the clock by hand, so a slow machine cannot end a delay before the test has looked.
  const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  /** Stops the HTTP server (the drain) under fake timers; `done()` then closes the rest on real ones. */
  const drain = (gw: TestGateway) => {
    let closed = false;
    const closing = gw.gateway.close().then(() => void (closed = true));
    return {
      closed: () => closed,
      async done() {
        await closing;
        vi.useRealTimers();
        await closeServices(gw.services);
        removeDataDir(gw.services.config.dataDir); // what gw.close() would have done
      },
    };
  };
  afterEach(() => void vi.useRealTimers());

  it('lets a paid request in flight finish, reports 503 on /health while draining, then refuses connections', async () => {
    let answer: () => void = () => {};
    const fake = await startFakeUpstream((_req, res) => (answer = () => json(res, 200, { message: 'success', task_id: 'task-late' })));
    const gw = await startGateway(fake.url, { SHUTDOWN_DELAY_MS: '150', SHUTDOWN_TIMEOUT_MS: '5000' });
    const inFlight = gql(gw.url, split);
    await expect.poll(() => fake.requests.length).toBe(1);

    fakeTimers();
    const closing = drain(gw);
    // During the delay: still accepting, but /health says the instance is going away.
    expect(await probe(`${gw.url}/health`)).toBe(503);
    await vi.advanceTimersByTimeAsync(150);
    // The delay is over: no new connections, while the paid request is still waiting for the upstream. (Refused; or,
    // on a loaded machine, reset: the kernel may complete a handshake just before the listener closes. Never served.)
    expect(['ECONNREFUSED', 'ECONNRESET']).toContain(await probe(`${gw.url}/health`));
    expect(closing.closed()).toBe(false);
    answer();
    await expect(inFlight).resolves.toEqual({ data: { splitStemsFull: { id: 'task-late' } } });
    await closing.done();
    await fake.close();
  });

  it('at SHUTDOWN_TIMEOUT_MS a paid request still waiting on the upstream is answered with taskMayExist, not cut', async () => {
    const fake = await startFakeUpstream(() => {});
    const gw = await startGateway(fake.url, { SHUTDOWN_TIMEOUT_MS: '200' });
    const stuck = gql(gw.url, split);
    await expect.poll(() => fake.requests.length).toBe(1);
    fakeTimers();
    const closing = drain(gw);
    await vi.advanceTimersByTimeAsync(199);
    expect(closing.closed()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const answer = await stuck;
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', taskMayExist: true });
    expect(answer.errors?.[0]?.message).toMatch(/^The gateway shut down before the upstream answered\. The upstream may have started/);
    await closing.done();
    expect(fake.requests).toHaveLength(1);
    await fake.close();
  });

  it('cuts a read still running at SHUTDOWN_TIMEOUT_MS (and its second of grace) instead of hanging', async () => {
    const fake = await startFakeUpstream(() => {});
    const gw = await startGateway(fake.url, { SHUTDOWN_TIMEOUT_MS: '200', UPSTREAM_READ_DEADLINE_MS: '60000' });
    let outcome = 'pending';
    const stuck = gql(gw.url, `{ task(id: "5a4d8b0c-0000-4000-8000-00000000abcd") { status } }`).then(
      () => (outcome = 'answered'),
      () => (outcome = 'cut'),
    );
    await expect.poll(() => fake.requests.length).toBe(1);
    fakeTimers();
    const closing = drain(gw);
    await vi.advanceTimersByTimeAsync(200);
    expect({ outcome, closed: closing.closed() }).toEqual({ outcome: 'pending', closed: false });
    await vi.advanceTimersByTimeAsync(1000);
    await closing.done();
    await stuck;
    expect(outcome).toBe('cut');
    await fake.close();
  });

  it('cuts an SSE subscription to a running task instead of completing it, so that its client reconnects', async () => {
    const sandbox = await startSandbox(3600_000); // the task runs all through the test
    const gw = await startGateway(sandbox.url);
    try {
      const id = (await gql(gw.url, `mutation { splitStemsBasic(clipId: "${clip}") { id } }`)).data!.splitStemsBasic.id as string;
      const sub = subscribeSse(gw.url, id, keyA);
      await sub.until((s) => s.results.length >= 1);
      await gw.close();
      await sub.until((s) => s.statuses().includes('error:SSE_ERROR'));
      expect(sub.completed).toBe(false); // a `complete` event would tell graphql-sse and EventSource the task's stream is over
      expect(sub.statuses()[0]).toBe('PENDING');
      await sub.close();
    } finally {
      await sandbox.close();
    }
  });

  it("closes the gateway's graphql-ws sockets with code 1001 (Going away), and runs onClose steps", async () => {
    const fake = await startFakeUpstream();
    const gw = await startGateway(fake.url);
    let extraStepRan = false;
    gw.gateway.onClose(() => {
      extraStepRan = true;
    });

    const socket = new WebSocket(`${gw.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const acked = new Promise<void>((resolve) => socket.on('message', (m) => JSON.parse(String(m)).type === 'connection_ack' && resolve()));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    await acked;
    const closeCode = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await gw.close();
    expect(await closeCode).toBe(1001);
    expect(extraStepRan).toBe(true);
    await fake.close();
  });
});

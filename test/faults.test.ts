/**
 * Fault injection: a scripted upstream on 127.0.0.1 answers each read (task query) and write (paid mutation) with
 * one fault. Each fault must give its defined code; reads are retried, writes are sent once; the gateway survives.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode, GatewayError } from '../src/domain/errors.js';
import { UpstreamClient } from '../src/upstream/client.js';
import { errorFromTransport, isUnsent } from '../src/upstream/faults.js';
import { operations } from '../src/upstream/operations.js';
import { nextDelayMs } from '../src/domain/backoff.js';
import { gql, json, manualClock, startFakeUpstream, startGateway, type FakeUpstream, type TestGateway } from './support/helpers.js';

const readTask = `query($id: ID!) { task(id: $id) { id status clips { id } } }`;
const splitStems = `mutation($c: ID!) { splitStemsFull(clipId: $c) { id status } }`;
const clipId = '5a4d8b0c-0000-4000-8000-000000000001';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Fault {
  name: string;
  respond: Handler;
  code: ErrorCode;
  /** How many GETs a read makes before giving up. */
  readAttempts: number;
  /** Whether a write that met this fault may have created a task. */
  taskMayExist: boolean;
  retryAfterSeconds?: number;
  /** The upstream never answers: only the gateway's own timeout ends the call. */
  silent?: true;
}

const faults: Fault[] = [
  { name: 'no answer (timeout)', respond: () => {}, code: 'UPSTREAM_TIMEOUT', readAttempts: 3, taskMayExist: true, silent: true },
  { name: 'connection reset', respond: (req) => req.socket.destroy(), code: 'UPSTREAM_UNAVAILABLE', readAttempts: 3, taskMayExist: true },
  {
    name: '500',
    respond: (_req, res) => json(res, 500, { code: 500, message: 'Internal Server Error.' }),
    code: 'UPSTREAM_ERROR',
    readAttempts: 3,
    taskMayExist: true,
  },
  { name: '502', respond: (_req, res) => json(res, 502, 'bad gateway'), code: 'UPSTREAM_UNAVAILABLE', readAttempts: 3, taskMayExist: true },
  {
    name: '503 with an HTML body',
    respond: (_req, res) => (res.writeHead(503, { 'content-type': 'text/html' }), res.end('<h1>down</h1>')),
    code: 'UPSTREAM_UNAVAILABLE',
    readAttempts: 3,
    taskMayExist: true,
  },
  {
    name: '504',
    respond: (_req, res) => json(res, 504, { message: 'Task failed due to timeout. Credits were previously refunded.' }),
    code: 'UPSTREAM_TIMEOUT',
    readAttempts: 3,
    taskMayExist: true,
  },
  {
    name: '429 with a long Retry-After',
    respond: (_req, res) => json(res, 429, { message: 'Too many requests' }, { 'retry-after': '30' }),
    code: 'RATE_LIMITED',
    readAttempts: 1,
    taskMayExist: false,
    retryAfterSeconds: 30,
  },
  {
    name: '429 without Retry-After',
    respond: (_req, res) => json(res, 429, { message: 'Too many requests' }),
    code: 'RATE_LIMITED',
    readAttempts: 3,
    taskMayExist: false,
  },
  {
    // docs/upstream.md §15.3: the upstream answers 410 for retired endpoints and task types; its body is documented
    // nowhere (test/cases/upstream-examples.ts gone410Body is null), so the fake sends none.
    name: '410 Gone with no body',
    respond: (_req, res) => (res.writeHead(410), res.end()),
    code: 'UPSTREAM_GONE',
    readAttempts: 1,
    taskMayExist: false,
  },
  {
    name: '200 with a body that is not JSON',
    respond: (_req, res) => (res.writeHead(200, { 'content-type': 'text/html' }), res.end('<html>maintenance</html>')),
    code: 'UPSTREAM_ERROR',
    readAttempts: 3,
    taskMayExist: true,
  },
  {
    name: '200 with a truncated body',
    respond: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
      res.write('{"code":200,"data":[{"clip_id":');
      setTimeout(() => res.destroy(), 10);
    },
    code: 'UPSTREAM_ERROR',
    readAttempts: 3,
    taskMayExist: true,
  },
];

const gets = (fake: FakeUpstream) => fake.requests.filter((r) => r.method === 'GET').length;
const posts = (fake: FakeUpstream) => fake.requests.filter((r) => r.method === 'POST').length;

describe('upstream faults through GraphQL', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;
  /**
   * The same, with a short upstream timeout, for the fault that only a timeout ends. The other faults keep the
   * default timeout: on a starved machine a short one could fire before an answer that had already arrived is read.
   */
  let impatient: TestGateway;
  beforeAll(async () => {
    fake = await startFakeUpstream();
    const env = { UPSTREAM_RETRY_BASE_MS: '10', BREAKER_FAILURE_THRESHOLD: '1000' };
    gw = await startGateway(fake.url, env);
    impatient = await startGateway(fake.url, { ...env, UPSTREAM_TIMEOUT_MS: '200' });
  });
  afterAll(async () => {
    await gw.close();
    await impatient.close();
    await fake.close();
  });
  const inject = (respond: Handler) => {
    fake.requests.length = 0;
    fake.handler = (req, res) => respond(req, res);
  };

  for (const fault of faults) {
    it(`${fault.name}: a read gives ${fault.code} after ${fault.readAttempts} attempt(s)`, async () => {
      inject(fault.respond);
      const res = await gql((fault.silent ? impatient : gw).url, readTask, { id: 'task-1' });
      expect(res.data?.task ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe(fault.code);
      expect(res.errors?.[0]?.extensions?.retryAfterSeconds).toBe(fault.retryAfterSeconds);
      expect(gets(fake)).toBe(fault.readAttempts);
    });

    it(`${fault.name}: a write gives ${fault.code}, is sent once${fault.taskMayExist ? ', and may have created a task' : ''}`, async () => {
      inject(fault.respond);
      const res = await gql((fault.silent ? impatient : gw).url, splitStems, { c: clipId });
      const ext = res.errors?.[0]?.extensions;
      expect(ext?.code).toBe(fault.code);
      expect(ext?.taskMayExist).toBe(fault.taskMayExist ? true : undefined);
      expect(posts(fake)).toBe(1);
    });
  }

  it('a read that meets two faults and then an answer succeeds', async () => {
    let n = 0;
    inject((_req, res) => (++n < 3 ? json(res, 503, 'busy') : json(res, 200, { code: 200, data: [{ clip_id: 'c1', state: 'running' }] })));
    const res = await gql(gw.url, readTask, { id: 'task-1' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.task).toMatchObject({ status: 'RUNNING', clips: [{ id: 'c1' }] });
    expect(gets(fake)).toBe(3);
  });

  const unreadable: [string, unknown, RegExp][] = [
    ['an unknown clip state', { code: 200, data: [{ clip_id: 'c1', state: 'exploded' }] }, /unknown state "exploded"/],
    ['a clip without clip_id', { code: 200, data: [{ state: 'running' }] }, /no clip_id/],
    ['no data list', { code: 200, message: 'success' }, /no data list/],
    ['a JSON value that is not an object', 'null', /not a JSON object/],
  ];
  for (const [what, body, message] of unreadable) {
    it(`a task answer with ${what} is UPSTREAM_ERROR`, async () => {
      inject((_req, res) => json(res, 200, body));
      const res = await gql(gw.url, readTask, { id: 'task-1' });
      expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
      expect(res.errors?.[0]?.message).toMatch(message);
    });
  }

  it('a submit answer without task_id is UPSTREAM_ERROR, and the task may exist', async () => {
    inject((_req, res) => json(res, 200, { message: 'success' }));
    const res = await gql(gw.url, splitStems, { c: clipId });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', taskMayExist: true });
    expect(posts(fake)).toBe(1);
  });

  it('an upstream refusal (403 credits) of a write is definite: no taskMayExist, one POST', async () => {
    inject((_req, res) => json(res, 403, { code: 403, message: 'The remaining credits are not enough.' }));
    const res = await gql(gw.url, splitStems, { c: clipId });
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'INSUFFICIENT_CREDITS', upstreamStatus: 403 });
    expect(posts(fake)).toBe(1);
  });

  it('is still healthy and serving after every fault', async () => {
    expect((await fetch(`${gw.url}/health`)).status).toBe(200);
    inject((_req, res) => json(res, 200, { message: 'success', task_id: 'task-ok' }));
    const res = await gql(gw.url, splitStems, { c: clipId });
    expect(res.data?.splitStemsFull).toEqual({ id: 'task-ok', status: 'PENDING' });
  });
});

describe('connection refused', () => {
  const closedPort = async () => {
    const fake = await startFakeUpstream();
    await fake.close();
    return fake.url;
  };

  it('is UPSTREAM_UNAVAILABLE; a write never sent is tried again and carries no taskMayExist', async () => {
    const attempts: string[] = [];
    const client = new UpstreamClient({
      baseUrl: await closedPort(),
      retry: { baseDelayMs: 1, maxAttempts: 3 },
      breaker: { failureThreshold: 100 },
      onCall: (call) => attempts.push(`${call.method} ${call.error}`),
    });
    const write = await client.submit('key-0123456789', operations.stemsFull, { clipId }).catch((e: unknown) => e);
    expect(write).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: {} });
    const read = await client.getTask('key-0123456789', 'task-1').catch((e: unknown) => e);
    expect(read).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(attempts).toEqual([...Array(3).fill('POST UPSTREAM_UNAVAILABLE'), ...Array(3).fill('GET UPSTREAM_UNAVAILABLE')]);
    await client.close();
  });
});

describe('transport errors', () => {
  it('a connect timeout is unsent and UPSTREAM_UNAVAILABLE; a headers timeout is UPSTREAM_TIMEOUT and may have been sent', () => {
    const connect = Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' });
    const headers = Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect([errorFromTransport(connect, []).code, isUnsent(connect)]).toEqual(['UPSTREAM_UNAVAILABLE', true]);
    expect([errorFromTransport(headers, []).code, isUnsent(headers)]).toEqual(['UPSTREAM_TIMEOUT', false]);
  });
});

describe('circuit breaker', () => {
  it('opens after repeated faults, answers UPSTREAM_UNAVAILABLE without calling, probes once after the cooldown', async () => {
    const clock = manualClock();
    let healthy = false;
    const fake = await startFakeUpstream((_req, res) => (healthy ? json(res, 200, { code: 200, data: [] }) : json(res, 503, 'down')));
    // Reads are retried after a jittered wait: none at first, then a minute, so that a refused call that waited to
    // be retried would hang the test instead of answering.
    let jitter = 0;
    const client = new UpstreamClient({
      baseUrl: fake.url,
      retry: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 60_000, deadlineMs: 600_000, random: () => jitter },
      breaker: { failureThreshold: 3, cooldownMs: 10_000, now: clock.now },
    });
    await expect(client.getTask('k-123456', 't1')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(client.breaker.state).toBe('open');
    expect(fake.requests).toHaveLength(3);

    jitter = 0.99;
    const refused = await client.getTask('k-123456', 't1').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', details: { retryAfterSeconds: 10 } });
    await expect(client.submit('k-123456', operations.stemsFull, { clipId })).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { retryAfterSeconds: 10 },
    });
    expect(fake.requests).toHaveLength(3);

    // Half-open: one probe; it fails, so the breaker opens again.
    jitter = 0;
    clock.advance(10_000);
    await expect(client.getTask('k-123456', 't1')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(fake.requests).toHaveLength(4);
    expect(client.breaker.state).toBe('open');

    // The next probe succeeds and closes it.
    clock.advance(10_000);
    healthy = true;
    await expect(client.getTask('k-123456', 't1')).resolves.toMatchObject({ status: 'PENDING' });
    expect(client.breaker.state).toBe('closed');
    await expect(client.getTask('k-123456', 't1')).resolves.toMatchObject({ status: 'PENDING' });
    expect(fake.requests).toHaveLength(6);
    await client.close();
    await fake.close();
  });

  it('lets a single probe through while half-open; concurrent calls fail fast', async () => {
    const clock = manualClock();
    let release: () => void = () => {};
    const fake = await startFakeUpstream((_req, res) => {
      release = () => json(res, 200, { code: 200, data: [] });
    });
    const client = new UpstreamClient({ baseUrl: fake.url, breaker: { failureThreshold: 1, cooldownMs: 1000, now: clock.now } });
    client.breaker.record('fault');
    clock.advance(1000);
    const probe = client.getTask('k-123456', 't1');
    await expect(client.getTask('k-123456', 't2')).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await expect.poll(() => fake.requests.length).toBe(1);
    release();
    await expect(probe).resolves.toMatchObject({ id: 't1' });
    expect(client.breaker.state).toBe('closed');
    await client.close();
    await fake.close();
  });

  it('4xx answers do not open it (the upstream is up, it refused us)', async () => {
    const fake = await startFakeUpstream((_req, res) => json(res, 400, { message: 'task not found.' }));
    const client = new UpstreamClient({ baseUrl: fake.url, breaker: { failureThreshold: 2 } });
    for (let i = 0; i < 4; i++) await expect(client.getTask('k-123456', 't1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(client.breaker.state).toBe('closed');
    expect(fake.requests).toHaveLength(4);
    await client.close();
    await fake.close();
  });
});

describe('410 Gone and the circuit breaker', () => {
  it('many calls to a retired endpoint give UPSTREAM_GONE, are sent once each, and leave the breaker closed for a healthy one', async () => {
    // A retired family (Nuro: "return HTTP 410 Gone", docs/upstream.md §9.4) beside a healthy one, on one origin.
    const fake = await startFakeUpstream((req, res) =>
      req.url?.startsWith('/api/v1/nuro/')
        ? (res.writeHead(410, { 'content-type': 'text/html' }), res.end('<h1>Gone</h1>'))
        : json(res, 200, { code: 200, data: [] }),
    );
    const client = new UpstreamClient({ baseUrl: fake.url, breaker: { failureThreshold: 5 } });
    for (let i = 0; i < 12; i++) {
      await expect(client.get('k-123456', '/api/v1/nuro/task/t1')).rejects.toMatchObject({
        code: 'UPSTREAM_GONE',
        details: { upstreamStatus: 410 },
      });
      const write = await client.post('k-123456', '/api/v1/nuro/create', { type: 'bgm' }).catch((e: unknown) => e);
      expect(write).toMatchObject({ code: 'UPSTREAM_GONE', details: { upstreamStatus: 410 } });
      expect((write as GatewayError).details.taskMayExist).toBeUndefined();
    }
    expect(fake.requests).toHaveLength(24);
    expect(client.breaker.state).toBe('closed');
    await expect(client.getTask('k-123456', 't2')).resolves.toMatchObject({ id: 't2', status: 'PENDING' });
    expect(fake.requests).toHaveLength(25);
    await client.close();
    await fake.close();
  });
});

describe('read retry backoff', () => {
  const policy = { maxAttempts: 4, deadlineMs: 10_000, baseDelayMs: 100, maxDelayMs: 300 };

  it('is full jitter under a doubling ceiling, capped', () => {
    const top = { ...policy, random: () => 0.999 };
    expect([1, 2, 3].map((attempt) => nextDelayMs(top, attempt, 10_000, undefined))).toEqual([99, 199, 299]);
    expect(nextDelayMs({ ...policy, random: () => 0 }, 2, 10_000, undefined)).toBe(0);
  });

  it('waits at least a short Retry-After, and gives up on a long one or when attempts or the deadline run out', () => {
    const half = { ...policy, random: () => 0.5 };
    expect(nextDelayMs(half, 1, 10_000, 250)).toBe(250);
    expect(nextDelayMs(half, 1, 200, 250)).toBeNull();
    expect(nextDelayMs(half, 1, 10_000, 301)).toBeNull();
    expect(nextDelayMs(half, 4, 10_000, undefined)).toBeNull();
    expect(nextDelayMs(half, 1, 60, undefined)).toBeNull();
  });
});

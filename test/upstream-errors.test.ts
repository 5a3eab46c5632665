import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../src/domain/errors.js';
import { codes, gql, json, keyA, startFakeUpstream, startGateway, type FakeUpstream, type TestGateway } from './support/helpers.js';
import { readFileSync } from 'node:fs';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (_req, res) =>
    json(res, status, body, headers);

/** What the upstream answers → the code a client sees, for a task read and for a submit. */
const cases: [string, Answer, string, Record<string, unknown>?][] = [
  ['400 task not found.', answer(400, { code: 400, message: 'task not found.' }), 'NOT_FOUND', { upstreamStatus: 400 }],
  ['400 validation message', answer(400, { message: "The 'mv' field is invalid." }), 'BAD_USER_INPUT', { upstreamStatus: 400 }],
  ['401 missing auth', answer(401, { message: 'Authorization header is missing.' }), 'UNAUTHENTICATED'],
  ['402 (producer) credits', answer(402, { type: 'insufficient_credits', error: 'no credits' }), 'INSUFFICIENT_CREDITS'],
  ['403 not enough credits', answer(403, { message: 'The remaining credits are not enough. You can buy more.' }), 'INSUFFICIENT_CREDITS'],
  ['403 no subscription', answer(403, { message: 'You do not have an active subscription.' }), 'FORBIDDEN'],
  ['403 lyrics rejected', answer(403, { message: "The lyrics contain copyrighted content: 'x'." }), 'CONTENT_REJECTED'],
  ['404', answer(404, { detail: 'Not Found' }), 'NOT_FOUND'],
  ['429 with Retry-After', answer(429, { message: 'slow down' }, { 'retry-after': '7' }), 'RATE_LIMITED', { retryAfterSeconds: 7 }],
  ['500', answer(500, { message: 'Internal Server Error.' }), 'UPSTREAM_ERROR', { upstreamStatus: 500 }],
  ['502', answer(502, '<html>bad gateway</html>'), 'UPSTREAM_UNAVAILABLE'],
  ['503', answer(503, { message: 'maintenance' }), 'UPSTREAM_UNAVAILABLE'],
  ['504 task timeout', answer(504, { message: 'Task failed due to timeout. Credits were previously refunded.' }), 'UPSTREAM_TIMEOUT'],
  ['200 with error code in body', answer(200, { code: 403, message: 'The remaining credits are not enough.' }), 'INSUFFICIENT_CREDITS'],
  ['200 non-JSON body', answer(200, 'this is not json'), 'UPSTREAM_ERROR'],
  ['connection reset', (req) => req.socket.destroy(), 'UPSTREAM_UNAVAILABLE'],
];

describe('upstream failures become defined error codes', () => {
  let upstream: FakeUpstream;
  let gw: TestGateway;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
    // This suite maps faults one after another; the circuit breaker (tested in faults.test.ts) would open on them.
    gw = await startGateway(upstream.url, { UPSTREAM_RETRY_BASE_MS: '1', BREAKER_FAILURE_THRESHOLD: '1000' });
  });
  afterAll(async () => {
    await gw.close();
    await upstream.close();
  });

  it.each(cases)('%s', async (_name, fault, code, extensions = {}) => {
    upstream.handler = (req, res) => fault(req, res);
    const read = await gql(gw.url, `{ task(id: "t-1") { id } }`);
    expect(read.errors?.[0]?.extensions).toMatchObject({ code, ...extensions });
    const write = await gql(gw.url, `mutation { splitStemsFull(clipId: "c-1") { id } }`);
    expect(write.errors?.[0]?.extensions).toMatchObject({ code, ...extensions });
    expect(write.data).toEqual({ splitStemsFull: null });
  });

  it('no answer in time is UPSTREAM_TIMEOUT', async () => {
    // A gateway of its own with a short timeout: on a starved machine a short one could also fire before an answer
    // that had already arrived was read, so the other cases keep the default.
    const impatient = await startGateway(upstream.url, { UPSTREAM_TIMEOUT_MS: '200', UPSTREAM_READ_ATTEMPTS: '1' });
    try {
      upstream.handler = () => undefined;
      expect(codes(await gql(impatient.url, `{ task(id: "t-1") { id } }`))).toEqual(['UPSTREAM_TIMEOUT']);
      const write = await gql(impatient.url, `mutation { splitStemsFull(clipId: "c-1") { id } }`);
      expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', taskMayExist: true });
    } finally {
      await impatient.close();
    }
  });

  it('a submit answer without task_id is UPSTREAM_ERROR', async () => {
    upstream.handler = answer(200, { message: 'success' });
    expect(codes(await gql(gw.url, `mutation { splitStemsFull(clipId: "c-1") { id } }`))).toEqual(['UPSTREAM_ERROR']);
  });

  it('an unknown clip state is UPSTREAM_ERROR naming the state', async () => {
    upstream.handler = answer(200, { code: 200, data: [{ clip_id: 'c', state: 'teleported' }] });
    const res = await gql(gw.url, `{ task(id: "t-1") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(res.errors?.[0]?.message).toContain('teleported');
  });

  it('"not_ready" before any data is a PENDING task with no clips', async () => {
    upstream.handler = answer(200, { type: 'not_ready', message: 'Task is not ready yet' });
    const res = await gql(gw.url, `{ task(id: "t-1") { status clips { id } } }`);
    expect(res).toEqual({ data: { task: { status: 'PENDING', clips: [] } } });
  });

  it('reads string durations and the chirp model spelling as sent', async () => {
    upstream.handler = answer(200, {
      code: 200,
      data: [{ clip_id: 'c', state: 'succeeded', duration: '104.88', mv: 'chirp-v5', created_at: '2025-10-12T13:13:02.488Z' }],
    });
    // An id of its own: a finished task is kept by the gateway, and the other cases script other answers for "t-1".
    const res = await gql(gw.url, `{ task(id: "t-finished") { status clips { duration model createdAt } } }`);
    expect(res.data!.task).toEqual({
      status: 'SUCCEEDED',
      clips: [{ duration: 104.88, model: 'chirp-v5', createdAt: '2025-10-12T13:13:02.488Z' }],
    });
  });

  it('an upstream error that echoes the key does not pass the key on', async () => {
    upstream.handler = answer(401, { message: `Invalid key ${keyA} for this account` });
    const res = await gql(gw.url, `{ task(id: "t-1") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(res)).not.toContain(keyA);
    expect(res.errors?.[0]?.message).toContain('[redacted]');
  });

  it('the key is scrubbed in any letter case, and before the message is cut to 300 characters', async () => {
    upstream.handler = answer(401, { message: `${'x'.repeat(290)} ${keyA.toUpperCase()} and more` });
    const res = await gql(gw.url, `{ task(id: "t-1") { id } }`);
    const said = res.errors![0]!.message.split('Upstream said: ')[1]!;
    expect(said).toBe(`${'x'.repeat(290)} [redacted]`.slice(0, 300));
    expect(said.toLowerCase()).not.toContain(keyA.slice(0, 8).toLowerCase());
  });

  it('an unreachable upstream is UPSTREAM_UNAVAILABLE', async () => {
    const down = await startGateway('http://127.0.0.1:9');
    try {
      expect(codes(await gql(down.url, `{ task(id: "t-1") { id } }`))).toEqual(['UPSTREAM_UNAVAILABLE']);
    } finally {
      await down.close();
    }
  });

  it('with no key anywhere, operations are UNAUTHENTICATED and nothing is sent', async () => {
    const keyless = await startGateway(upstream.url, { AIMUSICAPI_API_KEY: '' });
    try {
      const before = upstream.requests.length;
      expect(codes(await gql(keyless.url, `{ task(id: "t-1") { id } }`))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await gql(keyless.url, `mutation { splitStemsBasic(clipId: "c") { id } }`))).toEqual(['UNAUTHENTICATED']);
      expect(upstream.requests.length).toBe(before);
    } finally {
      await keyless.close();
    }
  });
});

describe('error codes', () => {
  it('docs/errors.md documents every code of the closed set', () => {
    const page = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.keys(errorCodes)) expect(page).toContain(`| \`${code}\` |`);
  });
});

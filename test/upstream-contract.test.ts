/**
 * The documented upstream contract (test/cases/documented.ts, copied from docs/upstream.md), held against both sides:
 * the gateway's price table as served by `operationCosts`, and the sandbox, which must accept the documented request
 * examples, refuse what the docs do not show with the upstream's 400, charge the documented prices, and answer and
 * sign webhooks the documented way. Nothing here reads src/upstream: the sandbox is tested as a stranger would.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import {
  documentedCreateBody,
  documentedErrors,
  documentedPrices,
  documentedTaskAnswer,
  olderModelCustomCreatePrice,
} from './cases/documented.js';
import { gql, keyA, manualClock, startFakeUpstream, startGateway, startSandbox, type TestGateway } from './support/helpers.js';

const taskMs = 20_000;

describe('the documented upstream contract', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  let gw: TestGateway;
  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
    gw = await startGateway(sandbox.url);
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  /** A request straight to the sandbox, as the gateway's HTTP client would send it. */
  async function call(method: 'GET' | 'POST', path: string, body?: unknown, authorization: string | null = `Bearer ${keyA}`) {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  it('operationCosts gives the documented price of every mutation', async () => {
    const res = await gql(gw.url, '{ operationCosts { operation credits note } }');
    const costs = Object.fromEntries(
      res.data!.operationCosts.map((c: { operation: string; credits: number | null }) => [c.operation, c.credits]),
    );
    expect(costs).toEqual(documentedPrices);
    const create = res.data!.operationCosts.find((c: { operation: string }) => c.operation === 'createMusic');
    expect(create.note).toContain(String(olderModelCustomCreatePrice));
  });

  it('the documented create example is accepted, yields two clips and costs the documented price', async () => {
    const credits = sandbox.store.credits(keyA);
    const submitted = await call('POST', '/api/v1/sonic/create', documentedCreateBody);
    expect(submitted).toEqual({ status: 200, body: { message: 'success', task_id: expect.any(String) } });
    expect(credits - sandbox.store.credits(keyA)).toBe(documentedPrices.createMusic);
    clock.advance(taskMs);
    const task = await call('GET', `/api/v1/sonic/task/${submitted.body.task_id}`);
    expect(task.status).toBe(200);
    expect(task.body.data).toHaveLength(2);
  });

  it('a custom-mode create on sonic-v4 costs what the docs say for the older models', async () => {
    const credits = sandbox.store.credits(keyA);
    const res = await gql(
      gw.url,
      `mutation { createMusic(input: { customMode: true, lyrics: "[Verse]\\nla la", model: SONIC_V4 }) { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(credits - sandbox.store.credits(keyA)).toBe(olderModelCustomCreatePrice);
  });

  it('answers a task in the documented shape: the same fields, a decimal-string duration, the state spelt as documented', async () => {
    const submitted = await call('POST', '/api/v1/sonic/stems/basic', { clip_id: demoClip.id });
    clock.advance(taskMs);
    const task = await call('GET', `/api/v1/sonic/task/${submitted.body.task_id}`);
    const documented = documentedTaskAnswer.data[0]!;
    expect(Object.keys(task.body).sort()).toEqual(Object.keys(documentedTaskAnswer).sort());
    expect({ code: task.body.code, message: task.body.message }).toEqual({ code: 200, message: 'success' });
    for (const clip of task.body.data) {
      expect(Object.keys(clip).sort()).toEqual(Object.keys(documented).sort());
      expect(clip).toMatchObject({ state: documented.state, duration: expect.stringMatching(/^\d+\.\d{2}$/) });
    }
  });

  it.each([
    [
      'a field the endpoint does not take',
      '/api/v1/sonic/stems/full',
      { clip_id: demoClip.id, webhook_url: 'https://example.com/hook' },
      "The 'webhook_url' field is invalid.",
    ],
    ['a misspelt field', '/api/v1/sonic/bpm', { clipId: demoClip.id }, "The 'clipId' field is invalid."],
    [
      // docs/upstream.md §15.4: use_suno_cdn is shown on /sonic/create only.
      'use_suno_cdn on mashup',
      '/api/v1/sonic/mashup',
      { mashup_clip_ids: [demoClip.id, demoClip.id], custom_mode: false, mv: 'sonic-v5', gpt_description_prompt: 'x', use_suno_cdn: false },
      "The 'use_suno_cdn' field is invalid.",
    ],
    ['a model the docs do not list', '/api/v1/sonic/create', { ...documentedCreateBody, mv: 'sonic-v9' }, "The 'mv' field is invalid."],
    [
      'a Producer model the docs do not list',
      '/api/v1/producer/create',
      { task_type: 'create_music', sound: 'lo-fi', mv: 'FUZZ-9' },
      "The 'mv' field is invalid.",
    ],
    [
      'a title of 80 characters',
      '/api/v1/sonic/create',
      { ...documentedCreateBody, title: 'x'.repeat(81) },
      'The title character length should be less than 80.',
    ],
  ])('refuses %s with the upstream 400, and charges nothing', async (_what, path, body, message) => {
    const credits = sandbox.store.credits(keyA);
    expect(await call('POST', path, body)).toEqual({ status: 400, body: { code: 400, message } });
    expect(sandbox.store.credits(keyA)).toBe(credits);
  });

  it('answers the documented errors for a missing or malformed key and an unknown task', async () => {
    const { missingAuth, badAuth, taskNotFound } = documentedErrors;
    expect(await call('GET', '/api/v1/get-credits', undefined, null)).toEqual({
      status: missingAuth.status,
      body: { code: missingAuth.status, message: missingAuth.message },
    });
    expect(await call('GET', '/api/v1/get-credits', undefined, 'Token abc')).toEqual({
      status: badAuth.status,
      body: { code: badAuth.status, message: badAuth.message },
    });
    expect(await call('GET', '/api/v1/sonic/task/no-such-task')).toEqual({
      status: taskNotFound.status,
      body: { code: taskNotFound.status, message: taskNotFound.message },
    });
  });

  it('refuses a call the credits do not cover with the documented 403', async () => {
    sandbox.store.setCredits('poor-key-0001', documentedPrices.splitStemsFull! - 1);
    const refused = await call('POST', '/api/v1/sonic/stems/full', { clip_id: demoClip.id }, 'Bearer poor-key-0001');
    expect(refused).toEqual({ status: 403, body: { code: 403, message: documentedErrors.noCredits.message } });
  });

  it('signs a final webhook as documented: HMAC-SHA256 of "<timestamp>.<raw body>", with the event, id and timestamp', async () => {
    const receiver = await startFakeUpstream((_req, res) => res.end('ok'));
    try {
      const secret = 'a-secret-of-our-own';
      const submitted = await call('POST', '/api/v1/sonic/create', {
        ...documentedCreateBody,
        webhook_url: `${receiver.url}/hook`,
        webhook_secret: secret,
      });
      clock.advance(taskMs);
      await sandbox.webhooks.deliverDue();
      const delivery = receiver.requests.find((r) => r.path === '/hook')!;
      const headers = delivery.headers as Record<string, string>;
      const timestamp = headers['x-webhook-timestamp']!;
      const expected = createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest('hex');
      expect(headers['x-webhook-signature']).toBe(`sha256=${expected}`);
      expect(headers['x-webhook-event']).toBe('song.completed');
      expect(headers['idempotency-key']).toBe(headers['x-webhook-id']);
      const payload = JSON.parse(delivery.body);
      expect(payload).toMatchObject({
        code: 200,
        message: 'success',
        task_id: submitted.body.task_id,
        platform: 'suno',
        event: 'song.completed',
      });
      expect(payload.data.map((clip: { state: string }) => clip.state)).toEqual(['succeeded', 'succeeded']);
    } finally {
      await receiver.close();
    }
  });
});

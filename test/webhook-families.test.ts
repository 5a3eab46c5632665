/**
 * Webhook deliveries are read by the family of the task they are about: a Producer delivery (the documented Producer
 * task answer, items without `state`, with or without `clip_id`, plus task_id/platform/event) is accepted and ends the
 * task, as a Sonic one is; a body no reader can take is a 400 that names what is missing, counted as an unreadable
 * answer. The sandbox sends each family's own shape. Deliveries are signed here as the docs say (HMAC-SHA256 of
 * "<timestamp>.<raw body>"), not with the gateway's helper.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox } from '../src/sandbox/index.js';
import { readDelivery } from '../src/upstream/deliveries.js';
import { UnreadableAnswer } from '../src/upstream/unreadable.js';
import {
  producerTaskSucceeded,
  producerWebhookItemKeysInferred,
  sonicWebhookDelivery,
  submitAnswer,
  webhookDeliveryTopLevelKeysInferred,
} from './cases/upstream-examples.js';
import {
  gql,
  json,
  keyA,
  manualClock,
  startFakeUpstream,
  startGateway,
  startSandbox,
  type FakeUpstream,
  type TestGateway,
} from './support/helpers.js';
import { freePort } from './support/ports.js';
import { subscribeWs } from './support/live.js';
import { waitFor } from './support/wait.js';

/** A Producer delivery as [B44]'s receiver reads it (INFERRED top-level keys) around the documented task answer. */
const producerDelivery = (taskId: string, extra: Record<string, unknown> = {}) => ({
  ...producerTaskSucceeded,
  task_id: taskId,
  platform: 'producer',
  event: 'song.completed',
  ...extra,
});

/** INVENTED (no Producer lyrics answer is documented, upstream-examples.ts `producerLyricsTask` is null): a draft without clip_id. */
const inventedLyricsDraft = { title: 'Winter Morning', lyrics: '[Verse]\nFrost on the window' };

describe('reading deliveries by family', () => {
  it('the sandbox-independent fixture has the keys the research recorded', () => {
    expect(Object.keys(producerDelivery('t')).sort()).toEqual([...webhookDeliveryTopLevelKeysInferred.keys, 'status'].sort());
    for (const key of producerWebhookItemKeysInferred) expect(producerTaskSucceeded.data[0]).toHaveProperty(key);
  });

  it('a Producer delivery: status SUCCESS, items without state, the documented fields mapped', () => {
    const task = readDelivery('producer', producerDelivery('p-1'));
    const item = producerTaskSucceeded.data[0];
    expect(task).toMatchObject({ id: 'p-1', status: 'SUCCEEDED', error: null });
    expect(task.clips).toHaveLength(1);
    expect(task.clips[0]).toMatchObject({
      id: item.clip_id,
      status: 'SUCCEEDED',
      title: item.title,
      lyrics: item.lyrics,
      audioUrl: item.audio_url,
      wavUrl: item.wav_url,
    });
  });

  it('a Producer delivery whose item has no clip_id (a lyrics draft) names it after the task, as a poll does', () => {
    const task = readDelivery('producer', { ...producerDelivery('p-2'), data: [inventedLyricsDraft] });
    expect(task.clips.map((c) => ({ id: c.id, lyrics: c.lyrics }))).toEqual([{ id: 'p-2-1', lyrics: inventedLyricsDraft.lyrics }]);
  });

  it('a Producer failure: status FAILED, or only a failed event, or a code other than 200', () => {
    expect(
      readDelivery('producer', producerDelivery('p-3', { status: 'FAILED', message: 'Generation failed; credits refunded.', data: [] })),
    ).toMatchObject({
      status: 'FAILED',
      error: 'Generation failed; credits refunded.',
    });
    const { status: _none, ...noStatus } = producerDelivery('p-4', { event: 'song.failed', data: [] });
    expect(readDelivery('producer', noStatus).status).toBe('FAILED');
    expect(readDelivery('producer', producerDelivery('p-5', { code: 500 })).status).toBe('FAILED');
    const { status: _gone, ...byEvent } = producerDelivery('p-6');
    expect(readDelivery('producer', byEvent).status).toBe('SUCCEEDED');
  });

  it('a Producer delivery with neither a status nor an event that says how it ended names the missing status', () => {
    const { status: _s, event: _e, ...bare } = producerDelivery('p-7');
    const err = (() => {
      try {
        readDelivery('producer', bare);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UnreadableAnswer);
    expect(err).toMatchObject({ field: 'status', code: 'UPSTREAM_ERROR' });
  });

  it('a Sonic delivery: the documented payload, with its INFERRED top-level keys', () => {
    const body = { ...sonicWebhookDelivery, message: 'success', task_id: 's-1', platform: 'suno', event: 'song.completed' };
    const task = readDelivery('sonic', body);
    expect(task).toMatchObject({ id: 's-1', status: 'SUCCEEDED' });
    expect(task.clips[0]).toMatchObject({ id: sonicWebhookDelivery.data[0].clip_id, duration: 104.88, model: 'chirp-v5' });
  });

  it('a Producer-shaped body for a Sonic task is refused, naming the state its items lack', () => {
    expect(() => readDelivery('sonic', producerDelivery('s-2'))).toThrow(expect.objectContaining({ field: 'data[].state' }));
  });

  it('a create-voice delivery: the persona in a data object (INFERRED shape, upstream-examples.ts createVoiceTaskAnswerKeysInferred)', () => {
    const body = {
      code: 200,
      message: 'success',
      data: { persona_id: 'persona-1', name: 'My Voice' },
      task_id: 'v-1',
      platform: 'suno',
      event: 'song.completed',
    };
    expect(readDelivery('sonic', body)).toMatchObject({
      id: 'v-1',
      status: 'SUCCEEDED',
      clips: [],
      persona: { id: 'persona-1', name: 'My Voice' },
    });
  });

  it('no task_id: named', () => {
    expect(() => readDelivery('producer', producerTaskSucceeded)).toThrow(expect.objectContaining({ field: 'task_id' }));
  });
});

describe('deliveries through the gateway', () => {
  let fake: FakeUpstream;
  let gw: TestGateway;
  let submits = 0;
  beforeAll(async () => {
    // An upstream that answers every submit as documented and every Producer poll as still running.
    fake = await startFakeUpstream((req, res) => {
      if (req.method === 'POST') return json(res, 200, { ...submitAnswer, task_id: `${submitAnswer.task_id}-${++submits}` });
      json(res, 200, { code: 200, status: 'RUNNING', message: 'success', data: [] });
    });
    const port = await freePort();
    gw = await startGateway(fake.url, { PUBLIC_URL: `http://127.0.0.1:${port}`, POLL_INTERVAL_MS: '60000' }, port);
  });
  afterAll(async () => {
    await gw.close();
    await fake.close();
  });

  async function producerTask(): Promise<{ id: string; secret: string; url: string }> {
    const res = await gql(gw.url, `mutation { producerCreateMusic(input: { sound: "ambient piano" }) { id } }`);
    expect(res.errors).toBeUndefined();
    const id = res.data!.producerCreateMusic.id;
    // Signed as the upstream signs: with the secret it was sent with the task.
    const sent = JSON.parse(fake.requests.filter((r) => r.method === 'POST').at(-1)!.body) as Record<string, string>;
    return { id, secret: sent.webhook_secret!, url: sent.webhook_url! };
  }

  /** Signed and sent as the upstream does, to the bare receiver path or to `url` (the webhook_url it was given). */
  function deliver(secret: string, payload: unknown, event = 'song.completed', url = `${gw.url}/webhooks/aimusic`) {
    const raw = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
    const id = randomUUID();
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-id': id,
        'idempotency-key': id,
        'x-webhook-event': event,
        'x-webhook-timestamp': String(timestamp),
        'x-webhook-signature': `sha256=${signature}`,
      },
      body: raw,
    });
  }

  it('a Producer delivery in the documented shape is accepted and ends the task for its subscriber', async () => {
    const { id, secret } = await producerTask();
    const sub = subscribeWs(gw.url, id, keyA);
    try {
      await sub.until((s) => s.results.length === 1);
      const res = await deliver(secret, producerDelivery(id));
      expect(res.status).toBe(200);
      await sub.until((s) => s.completed);
      // The first event is the fake's poll answer (RUNNING); the end comes from the delivery (no poll in 60 s).
      expect(sub.statuses()).toEqual(['RUNNING', 'SUCCEEDED']);
      const read = await gql(gw.url, `query($id: ID!) { task(id: $id) { status clips { id wavUrl } } }`, { id });
      expect(read.data!.task).toEqual({
        status: 'SUCCEEDED',
        clips: [{ id: producerTaskSucceeded.data[0].clip_id, wavUrl: producerTaskSucceeded.data[0].wav_url }],
      });
    } finally {
      await sub.close();
    }
  });

  it("the documented Producer shape, with no task_id at all, sent to the task's webhook_url: accepted, and the task ends", async () => {
    const { id, secret, url } = await producerTask();
    // Exactly the documented example (issue 18 quotes it): {code, status, message, data[]}, nothing about the task.
    expect(producerTaskSucceeded).not.toHaveProperty('task_id');
    const res = await deliver(secret, producerTaskSucceeded, 'song.completed', url);
    expect(res.status).toBe(200);
    const read = await gql(gw.url, `query($id: ID!) { task(id: $id) { status clips { id audioUrl } } }`, { id });
    expect(read.data!.task).toEqual({
      status: 'SUCCEEDED',
      clips: [{ id: producerTaskSucceeded.data[0].clip_id, audioUrl: producerTaskSucceeded.data[0].audio_url }],
    });
    // The delivery told the gateway whose clip it is: `node(id:)` finds it (the read above was answered from memory).
    const node = await gql(gw.url, `query($c: ID!) { node(id: $c) { __typename ... on Clip { title } } }`, {
      c: producerTaskSucceeded.data[0].clip_id,
    });
    expect(node.data!.node).toEqual({ __typename: 'Clip', title: producerTaskSucceeded.data[0].title });
  });

  it("a body without task_id is refused where nothing else names the task, or where it is signed for another task's URL", async () => {
    const { secret } = await producerTask();
    const other = await producerTask();
    // The bare path: no task named anywhere.
    const bare = await deliver(secret, producerTaskSucceeded);
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/names no task/);
    // Signed with one task's secret, sent to another task's URL.
    expect((await deliver(secret, producerTaskSucceeded, 'song.completed', other.url)).status).toBe(401);
    // A body naming one task, sent to another task's URL (signed with the named task's secret).
    const named = await producerTask();
    expect((await deliver(named.secret, producerDelivery(named.id), 'song.completed', other.url)).status).toBe(401);
    const read = await gql(gw.url, `query($id: ID!) { task(id: $id) { status } }`, { id: other.id });
    expect(read.data!.task.status).not.toBe('SUCCEEDED');
  });

  it('a Sonic delivery as the verified example shows it (code and data, no task_id) is accepted at its URL', async () => {
    const res = await gql(gw.url, `mutation { createMusic(input: { description: "a calm piano" }) { id } }`);
    const id = res.data!.createMusic.id as string;
    const sent = JSON.parse(fake.requests.filter((r) => r.method === 'POST').at(-1)!.body) as Record<string, string>;
    expect(sonicWebhookDelivery).not.toHaveProperty('task_id');
    expect((await deliver(sent.webhook_secret!, sonicWebhookDelivery, 'song.completed', sent.webhook_url)).status).toBe(200);
    const read = await gql(gw.url, `query($id: ID!) { task(id: $id) { id status } }`, { id });
    expect(read.data!.task).toEqual({ id, status: 'SUCCEEDED' });
  });

  it('a Producer lyrics delivery without clip_id is accepted', async () => {
    const { id, secret } = await producerTask();
    const res = await deliver(secret, { ...producerDelivery(id), data: [inventedLyricsDraft] });
    expect(res.status).toBe(200);
  });

  it('a delivery no reader can take is 400 naming what is missing, and is counted', async () => {
    const { id, secret } = await producerTask();
    const { status: _s, event: _e, ...bare } = producerDelivery(id);
    const res = await deliver(secret, bare);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toMatch(/field status/);
    const metrics = await gw.services.metrics.registry.getSingleMetricAsString('aimusic_upstream_unreadable_answers_total');
    expect(metrics).toContain('aimusic_upstream_unreadable_answers_total{operation="webhook:producer"} 1');
  });
});

describe('the sandbox sends each family its own shape', () => {
  const clock = manualClock(Date.now());
  let sandbox: Sandbox;
  let receiver: FakeUpstream;
  beforeAll(async () => {
    sandbox = await startSandbox(1000, clock.now);
    receiver = await startFakeUpstream((_req, res) => res.end('ok'));
  });
  afterAll(async () => {
    await receiver.close();
    await sandbox.close();
  });

  async function submit(path: string, body: Record<string, unknown>): Promise<Record<string, any>> {
    const res = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keyA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, webhook_url: `${receiver.url}/hook`, webhook_secret: 'a-secret-of-our-own' }),
    });
    const { task_id: taskId } = (await res.json()) as { task_id: string };
    clock.advance(1000);
    await sandbox.webhooks.deliverDue();
    await waitFor(() => receiver.requests.find((r) => r.body.includes(taskId)), 'the delivery');
    return JSON.parse(receiver.requests.find((r) => r.body.includes(taskId))!.body);
  }

  it('Producer: the Producer task answer (status, items without state) plus task_id, platform and event', async () => {
    const payload = await submit('/api/v1/producer/create', { task_type: 'create_music', sound: 'ambient piano' });
    expect(payload).toMatchObject({ code: 200, status: 'SUCCESS', platform: 'producer', event: 'song.completed' });
    for (const key of webhookDeliveryTopLevelKeysInferred.keys) expect(payload).toHaveProperty(key);
    expect(payload.data).toHaveLength(1);
    expect(payload.data[0]).not.toHaveProperty('state');
    for (const key of producerWebhookItemKeysInferred) expect(payload.data[0]).toHaveProperty(key);
  });

  it('create voice: the persona in data, platform "suno"', async () => {
    const payload = await submit('/api/v1/sonic/create-voice', { audio_url: 'https://example.com/voices/ada.wav' });
    expect(payload).toMatchObject({
      code: 200,
      platform: 'suno',
      event: 'song.completed',
      data: { persona_id: expect.any(String), name: 'ada' },
    });
  });

  it('Sonic: clips with a state each, platform "suno"', async () => {
    const payload = await submit('/api/v1/sonic/create', {
      task_type: 'create_music',
      custom_mode: false,
      mv: 'sonic-v4-5',
      gpt_description_prompt: 'calm',
    });
    expect(payload).toMatchObject({ code: 200, platform: 'suno', event: 'song.completed' });
    expect(payload.data.map((c: { state: string }) => c.state)).toEqual(['succeeded', 'succeeded']);
  });
});

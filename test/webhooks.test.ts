import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createGateway } from '../src/app/gateway.js';
import { webhookPath } from '../src/submit/webhook-request.js';
import { closeServices, createServices } from '../src/app/services.js';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import { legacyWebhookSignature, signedWebhookHeaders, verifyWebhook, webhookSignature } from '../src/upstream/signatures.js';
import { readDelivery } from '../src/upstream/deliveries.js';
import { gql, keyA, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { freePort, sleep, subscribeWs, type Subscriber } from './support/live.js';
import { waitFor } from './support/wait.js';
import { removeDataDir, tempDataDir } from './support/stores.js';

const secret = 'per-task-secret-for-tests';
const body = Buffer.from('{"code":200,"task_id":"t-1","data":[]}');

describe('webhook signatures (docs/upstream.md §10)', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  const ts = now / 1000;

  it('signs HMAC-SHA256(secret, "<timestamp>.<raw body>") as sha256=<hex>', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body.toString()}`).digest('hex');
    expect(webhookSignature(secret, ts, body)).toBe(`sha256=${expected}`);
    expect(legacyWebhookSignature(secret, body)).toBe(createHmac('sha256', secret).update(body).digest('hex'));
  });

  it('accepts a good signature and refuses a wrong secret, a changed body, a stale or future timestamp', () => {
    const headers = signedWebhookHeaders(secret, body, { id: 'w1', event: 'song.completed', timestamp: ts });
    expect(verifyWebhook(headers, body, secret, now)).toEqual({ ok: true, scheme: 'current' });
    expect(verifyWebhook(headers, body, 'other-secret', now).ok).toBe(false);
    expect(verifyWebhook(headers, Buffer.from(body.toString().replace('t-1', 't-2')), secret, now).ok).toBe(false);
    expect(verifyWebhook(headers, body, secret, now + 301_000).ok).toBe(false);
    expect(verifyWebhook(headers, body, secret, now - 301_000).ok).toBe(false);
    expect(verifyWebhook(headers, body, secret, now + 299_000).ok).toBe(true);
    const { 'x-webhook-timestamp': _dropped, ...noTimestamp } = headers;
    expect(verifyWebhook(noTimestamp, body, secret, now).ok).toBe(false);
    expect(verifyWebhook({}, body, secret, now)).toEqual({ ok: false, reason: 'no signature header' });
  });

  it('accepts the legacy X-Signature only when no current-scheme header is present', () => {
    const legacy = legacyWebhookSignature(secret, body);
    expect(verifyWebhook({ 'x-signature': legacy }, body, secret, now)).toEqual({ ok: true, scheme: 'legacy' });
    expect(verifyWebhook({ 'x-signature': `sha256=${legacy}` }, body, secret, now).ok).toBe(true);
    expect(verifyWebhook({ 'x-signature': legacyWebhookSignature('wrong', body) }, body, secret, now).ok).toBe(false);
    // A current-scheme header that fails is not rescued by a legacy one.
    const mixed = { 'x-signature': legacy, 'x-webhook-signature': 'sha256=00', 'x-webhook-timestamp': String(ts) };
    expect(verifyWebhook(mixed, body, secret, now).ok).toBe(false);
  });

  it('reads completed and failed deliveries as task states', () => {
    const clip = { clip_id: 'c1', state: 'succeeded', title: 'Song', audio_url: 'https://cdn.example/c1.mp3' };
    expect(readDelivery('sonic', { code: 200, task_id: 't1', data: [clip], event: 'song.completed' })).toMatchObject({
      id: 't1',
      status: 'SUCCEEDED',
      clips: [{ id: 'c1', audioUrl: 'https://cdn.example/c1.mp3' }],
    });
    expect(readDelivery('sonic', { code: 200, task_id: 't1', message: 'Generation failed.', event: 'song.failed' })).toMatchObject({
      status: 'FAILED',
      error: 'Generation failed.',
      clips: [],
    });
    expect(readDelivery('sonic', { code: 500, task_id: 't1', data: [{ ...clip, state: 'running' }] })).toMatchObject({
      status: 'FAILED',
      error: 'The upstream reported the task as failed.',
    });
    expect(
      readDelivery('sonic', { code: 200, task_id: 't1', data: [{ ...clip, state: 'streaming' }], event: 'song.streaming' }).status,
    ).toBe('RUNNING');
  });
});

describe('webhooks through the gateway', () => {
  const clock = manualClock(Date.now());
  const taskMs = 20_000;
  let sandbox: Sandbox;
  let gw: TestGateway;
  let publicUrl: string;
  const open: Subscriber[] = [];

  async function startWith(intervalMs: number) {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    gw = await startGateway(sandbox.url, { POLL_INTERVAL_MS: String(intervalMs), PUBLIC_URL: `${publicUrl}/` }, port);
  }
  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    await gw?.close();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  async function createSong(): Promise<string> {
    const res = await gql(gw.url, `mutation { createMusic(input: { description: "a calm piano piece", model: SONIC_V4_5 }) { id } }`);
    expect(res.errors).toBeUndefined();
    return res.data!.createMusic.id;
  }
  const reads = (taskId: string) => sandbox.calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/task/${taskId}`)).length;
  /** A song with a webhook, watched by a subscriber that has its first event, polled every 25 ms. */
  async function watchedSong(): Promise<{ id: string; taskSecret: string; taskUrl: string; sub: Subscriber }> {
    await startWith(25);
    const id = await createSong();
    // The secret the upstream was given, and signs with (the registry keeps only what it is derived from).
    const { webhook_secret: taskSecret, webhook_url: taskUrl } = sandbox.calls.at(-1)!.body as Record<string, string>;
    const sub = subscribeWs(gw.url, id, keyA);
    open.push(sub);
    await sub.until((s) => s.results.length === 1);
    return { id, taskSecret: taskSecret!, taskUrl: taskUrl!, sub };
  }
  /** A delivery to the bare receiver path, or to `url` (the one the upstream was given, whose origin is PUBLIC_URL's). */
  const post = (raw: string, headers: Record<string, string>, url?: string) =>
    fetch(url ? `${gw.url}${new URL(url).pathname}` : `${gw.url}${webhookPath}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: raw,
    });

  it('a create passes webhook_url and a fresh per-task webhook_secret, which the registry does not keep; stems (no webhooks) do not', async () => {
    await startWith(60_000);
    const first = await createSong();
    const firstBody = sandbox.calls.at(-1)!.body as Record<string, unknown>;
    const second = await createSong();
    const secondBody = sandbox.calls.at(-1)!.body as Record<string, unknown>;
    // The URL names the task's webhook by a nonce of its own, so a delivery whose body names no task still finds it.
    expect(firstBody.webhook_url).toMatch(new RegExp(`^${publicUrl}${webhookPath}/[\\w-]{22}$`));
    expect(secondBody.webhook_url).not.toBe(firstBody.webhook_url);
    expect(firstBody.webhook_secret).toMatch(/^[\w-]{43}$/);
    expect(secondBody.webhook_secret).not.toBe(firstBody.webhook_secret);
    for (const [id, body] of [
      [first, firstBody],
      [second, secondBody],
    ] as const) {
      const kept = (await gw.services.registry.lookup(id))!.webhookSecret!;
      expect(kept).toMatch(/^derived:/);
      expect(kept).not.toContain(body.webhook_secret as string);
    }

    await gql(gw.url, `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`, { c: demoClip.id });
    expect(sandbox.calls.at(-1)!.body).toEqual({ clip_id: demoClip.id });
  });

  it('the sandbox calls back when the task ends, and the subscriber gets SUCCEEDED from the webhook, not from a poll', async () => {
    await startWith(60_000); // no poll happens during this test
    const id = await createSong();
    const { webhook_url: url } = sandbox.calls.at(-1)!.body as { webhook_url: string };
    const sub = subscribeWs(gw.url, id, keyA);
    open.push(sub);
    await sub.until((s) => s.results.length === 1);
    clock.advance(taskMs);
    await sandbox.webhooks.deliverDue(); // (or its own timer does, a little later)
    await waitFor(() => sandbox.webhooks.deliveries.some((d) => d.taskId === id), 'the callback');
    expect(sandbox.webhooks.deliveries.filter((d) => d.taskId === id)).toEqual([{ taskId: id, url, event: 'song.completed', status: 200 }]);
    await sub.until((s) => s.completed);
    expect(sub.statuses()).toEqual(['PENDING', 'SUCCEEDED']);
    expect(sub.results[1]!.data!.taskUpdated.clips).toHaveLength(2);
    expect(reads(id)).toBe(1); // the subscriber's first read only
  });

  it('a callback that fails verification gets 401 and changes nothing; a verified one ends the watch and its polling', async () => {
    const { id, taskSecret, taskUrl, sub } = await watchedSong();
    const payload = JSON.stringify({
      code: 200,
      message: 'success',
      task_id: id,
      platform: 'suno',
      data: [{ clip_id: 'c1', state: 'succeeded', title: 'Song', audio_url: 'https://cdn.example/c1.mp3' }],
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const good = signedWebhookHeaders(taskSecret, payload, { id: 'w1', event: 'song.completed', timestamp });

    const refused = [
      signedWebhookHeaders('not-the-secret', payload, { id: 'w2', event: 'song.completed', timestamp }),
      signedWebhookHeaders(taskSecret, payload, { id: 'w3', event: 'song.completed', timestamp: timestamp - 600 }),
      { ...good, 'x-webhook-signature': good['x-webhook-signature']!.replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
      {},
    ];
    for (const headers of refused) expect((await post(payload, headers)).status).toBe(401);
    expect((await post(payload.replace(id, 'ffffffff-0000-4000-8000-000000000000'), good)).status).toBe(401);
    expect((await post('not json', good, taskUrl)).status).toBe(401);
    // Where nothing names a task (no task_id in the body, no nonce in the URL), there is no secret to check against.
    expect((await post('not json', good)).status).toBe(400);

    // Still watched and polled, still PENDING for the subscriber.
    const before = reads(id);
    await waitFor(() => reads(id) >= before + 2, 'polls after refused callbacks');
    expect(sub.statuses()).toEqual(['PENDING']);

    expect((await post(payload, good)).status).toBe(200);
    await sub.until((s) => s.completed);
    expect(sub.statuses()).toEqual(['PENDING', 'SUCCEEDED']);
    expect(sub.results[1]!.data!.taskUpdated.clips).toEqual([{ id: 'c1', status: 'SUCCEEDED', audioUrl: 'https://cdn.example/c1.mp3' }]);
    await waitFor(() => gw.services.live.watched === 0, 'the watch to end');
    // A poll already on its way when the webhook ended the watch may still land; after that, nothing more.
    await sleep(25 * 2);
    const after = reads(id);
    await sleep(25 * 6);
    expect(reads(id)).toBe(after);
  });

  it('believes only the signed body: a replay with an altered X-Webhook-Event or a seen delivery id changes nothing', async () => {
    const { id, taskSecret, sub } = await watchedSong();
    const delivery = (event: string, state: string, deliveryId: string) => {
      const payload = JSON.stringify({
        code: 200,
        message: 'success',
        task_id: id,
        platform: 'suno',
        event,
        data: [{ clip_id: 'c1', state, title: 'Song', audio_url: 'https://cdn.example/c1.mp3' }],
      });
      const headers = signedWebhookHeaders(taskSecret, payload, { id: deliveryId, event, timestamp: Math.floor(Date.now() / 1000) });
      return { payload, headers };
    };
    const streaming = delivery('song.streaming', 'streaming', 'w-stream');
    expect(await (await post(streaming.payload, streaming.headers)).json()).toEqual({ ok: true });
    await sub.until((s) => s.results.length === 2);
    expect(sub.statuses()).toEqual(['PENDING', 'RUNNING']);

    // The signed streaming body, replayed with the unsigned event header changed (and a new id): still RUNNING.
    const forged = { ...streaming.headers, 'x-webhook-event': 'song.failed', 'x-webhook-id': 'w-forged', 'idempotency-key': 'w-forged' };
    expect((await post(streaming.payload, forged)).status).toBe(200);
    // The same delivery again: acknowledged, ignored.
    expect(await (await post(streaming.payload, streaming.headers)).json()).toEqual({ ok: true, duplicate: true });
    const before = reads(id);
    await waitFor(() => reads(id) >= before + 2, 'polling goes on');
    expect(sub.statuses()).toEqual(['PENDING', 'RUNNING']);
    expect(gw.services.live.watched).toBe(1);

    const done = delivery('song.completed', 'succeeded', 'w-done');
    expect(await (await post(done.payload, done.headers)).json()).toEqual({ ok: true });
    await sub.until((s) => s.completed);
    expect(sub.statuses()).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);
    expect(await (await post(done.payload, done.headers)).json()).toEqual({ ok: true, duplicate: true });
  });

  it('refusals carry a code; an oversized delivery is 413 and closes the connection', async () => {
    await startWith(60_000);
    const get = await fetch(`${gw.url}${webhookPath}`);
    expect(get.status).toBe(405);
    expect((await get.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const unsigned = await post(JSON.stringify({ task_id: 'nope' }), {});
    expect(unsigned.status).toBe(401);
    expect((await unsigned.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const huge = await post(JSON.stringify({ task_id: 'x', pad: 'x'.repeat(5 * 1024 * 1024) }), {});
    expect(huge.status).toBe(413);
    expect(huge.headers.get('connection')).toBe('close');
    expect((await huge.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('secrets stay out of the logs', () => {
  it('neither the API key nor the webhook secret appears in any log line of a webhook round trip', async () => {
    const clock = manualClock(Date.now());
    const sandbox = await startSandbox(1_000, clock.now);
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const port = await freePort();
    const config = loadConfig({
      AIMUSICAPI_BASE_URL: sandbox.url,
      AIMUSICAPI_API_KEY: keyA,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      POLL_INTERVAL_MS: '20',
      DATA_DIR: tempDataDir(),
    });
    const services = createServices(config, pino({ level: 'trace' }, sink));
    const gateway = createGateway(services);
    const url = await gateway.listen(port, '127.0.0.1');
    try {
      const res = await gql(url, `mutation { createMusic(input: { description: "a calm piano piece", model: SONIC_V4_5 }) { id } }`);
      const id = res.data!.createMusic.id as string;
      const sub = subscribeWs(url, id, keyA);
      await sub.until((s) => s.results.length === 1);
      await post401(url, id);
      clock.advance(1_000);
      await sandbox.webhooks.deliverDue();
      await sub.until((s) => s.completed);
      await sub.close();
      const taskSecret = (sandbox.calls.find((c) => c.method === 'POST')!.body as { webhook_secret: string }).webhook_secret;
      expect(lines.some((l) => l.includes('webhook accepted'))).toBe(true);
      expect(lines.some((l) => l.includes('webhook rejected'))).toBe(true);
      for (const line of lines) {
        expect(line).not.toContain(keyA);
        expect(line).not.toContain(taskSecret);
      }
    } finally {
      await gateway.close();
      await closeServices(services);
      await sandbox.close();
      removeDataDir(config.dataDir);
    }
  });
});

async function post401(url: string, taskId: string): Promise<void> {
  const res = await fetch(`${url}${webhookPath}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-signature': 'sha256=00', 'x-webhook-timestamp': '1' },
    body: JSON.stringify({ task_id: taskId }),
  });
  expect(res.status).toBe(401);
}

/**
 * The API key never leaves the gateway: a run with distinctive keys goes through success and failure paths
 * (upstream errors that echo the key, a masked internal fault whose message holds it, rate limiting, malformed
 * headers), every log line at trace level and every response is captured, and none holds a key in any form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createGateway, type Gateway } from '../src/app/gateway.js';
import { createLogger } from '../src/observability/logger.js';
import { closeServices, createServices } from '../src/app/services.js';
import { type Services } from '../src/context.js';
import { json, startFakeUpstream, type FakeUpstream } from './support/helpers.js';
import { removeDataDir, tempDataDir } from './support/stores.js';

const serverKey = 'SRVKEY-zq8J3xK1mw7Pd0Lr';
const clientKey = 'CLIKEY-Hq2w9Ne4Rt6Yb1Vc';
const keys = [serverKey, clientKey];
const forms = (key: string) => [key, encodeURIComponent(key), Buffer.from(key).toString('base64')];
const clip = '5a4d8b0c-0000-4000-8000-000000000001';

/** An upstream that talks about the key it was sent, in every way it can. */
function leakyUpstream(req: Parameters<FakeUpstream['handler']>[0], res: Parameters<FakeUpstream['handler']>[1]): void {
  const sent = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const path = req.url ?? '';
  if (path.includes('task/echo-401')) return json(res, 401, { message: `Invalid key ${sent}` });
  if (path.includes('task/echo-500')) return json(res, 500, { error: `upstream crashed handling Authorization: Bearer ${sent}` });
  if (path.includes('task/echo-b64')) return json(res, 400, { detail: `bad credentials ${Buffer.from(sent).toString('base64')}` });
  if (path.includes('task/echo-html')) return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${sent}</p>`);
  if (path.includes('task/')) return json(res, 200, { code: 200, data: [{ clip_id: 'c1', state: 'running', title: 'fine' }] });
  if (req.method === 'POST') return json(res, 403, { message: `The remaining credits are not enough for key ${sent}.` });
  json(res, 404, { message: 'no route' });
}

describe('no API key in any log line or response', () => {
  const lines: string[] = [];
  const responses: string[] = [];
  let fake: FakeUpstream;
  let services: Services;
  let gateway: Gateway;
  let url: string;
  const dataDir = tempDataDir();

  beforeAll(async () => {
    fake = await startFakeUpstream(leakyUpstream);
    const config = loadConfig({
      AIMUSICAPI_BASE_URL: fake.url,
      AIMUSICAPI_API_KEY: serverKey,
      // Reached by the run below: its operations and its reads of tasks the gateway has no record of (a point each).
      RATE_LIMIT_PER_MINUTE: '40',
      UPSTREAM_RETRY_BASE_MS: '1',
      BREAKER_FAILURE_THRESHOLD: '1000',
      LOG_LEVEL: 'trace',
      DATA_DIR: dataDir,
    });
    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) }, [config.apiKey]);
    services = createServices(config, logger);
    gateway = createGateway(services);
    url = await gateway.listen(0);
  });
  afterAll(async () => {
    await gateway.close();
    await closeServices(services);
    await fake.close();
    removeDataDir(dataDir);
  });

  async function call(query: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    const text = await res.text();
    responses.push(JSON.stringify([...res.headers]) + text);
    return {
      status: res.status,
      headers: res.headers,
      body: JSON.parse(text) as { errors?: { message: string; extensions: { code: string } }[] },
    };
  }

  it('runs success and failure paths with both keys', async () => {
    const asClient = { authorization: `Bearer ${clientKey}` };
    for (const headers of [{}, asClient]) {
      expect((await call(`{ task(id: "ok-1") { status } }`, headers)).body).toEqual({ data: { task: { status: 'RUNNING' } } });
      const unauth = await call(`{ task(id: "echo-401") { id } }`, headers);
      expect(unauth.body.errors?.[0]?.message).toMatch(/Upstream said: Invalid key \[redacted\]$/);
      const crashed = await call(`{ task(id: "echo-500") { id } }`, headers);
      expect(crashed.body.errors?.[0]?.message).toMatch(/Bearer \[redacted\]/);
      expect((await call(`{ task(id: "echo-b64") { id } }`, headers)).body.errors?.[0]?.message).toMatch(/bad credentials \[redacted\]/);
      expect((await call(`{ task(id: "echo-html") { id } }`, headers)).body.errors?.[0]?.extensions.code).toBe('UPSTREAM_ERROR');
      const paid = await call(`mutation { splitStemsFull(clipId: "${clip}", idempotencyKey: "k-1") { id } }`, headers);
      expect(paid.body.errors?.[0]?.extensions.code).toBe('INSUFFICIENT_CREDITS');
      expect(paid.body.errors?.[0]?.message).toMatch(/for key \[redacted\]\.$/);
    }
    // A malformed header that still holds the key.
    expect(
      (await call(`mutation { splitStemsFull(clipId: "${clip}") { id } }`, { authorization: `Token ${clientKey}` })).body.errors?.[0]
        ?.extensions.code,
    ).toBe('UNAUTHENTICATED');
    // A masked internal fault whose message and stack hold the key: logged (scrubbed), never sent.
    const lookup = services.registry.lookup;
    services.registry.lookup = async () => {
      throw new Error(`registry failed for ${clientKey} / ${serverKey}`);
    };
    const masked = await call(`{ task(id: "task-9") { id } }`, asClient);
    services.registry.lookup = lookup;
    expect(masked.body.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines.some((l) => l.includes('registry failed for [redacted] / [redacted]'))).toBe(true);
    // Rate limiting, and the request id a caller sends.
    let limited;
    for (let i = 0; i < 40 && !limited; i++) {
      const r = await call(`{ __typename }`, { ...asClient, 'x-request-id': 'trace-abc.123' });
      if (r.status === 429) limited = r;
      else expect(r.headers.get('x-request-id')).toBe('trace-abc.123');
    }
    expect(limited?.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
  });

  it('tags every request log line with its request id, and replaces an unsafe incoming id', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\twith spaces' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const access = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(access.length).toBeGreaterThan(20);
    expect(access.every((l) => typeof l.reqId === 'string' && typeof l.status === 'number')).toBe(true);
    expect(access.some((l) => l.reqId === 'trace-abc.123')).toBe(true);
    expect(access.some((l) => l.reqId === id)).toBe(true);
  });

  it('no captured log line or response holds a key, in plain, URL-encoded or base64 form', () => {
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.some((l) => /upstream call/.test(l))).toBe(true);
    const all = [...lines, ...responses].join('\n');
    for (const form of keys.flatMap(forms)) expect(all).not.toContain(form);
  });
});

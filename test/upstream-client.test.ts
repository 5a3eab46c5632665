import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamClient } from '../src/upstream/client.js';
import { operations } from '../src/upstream/operations.js';
import { sonicTaskAnswerPartial } from './cases/upstream-examples.js';
import type { Sandbox } from '../src/sandbox/index.js';
import { keyA, keyB, manualClock, startSandbox } from './support/helpers.js';

describe('upstream client against the sandbox over HTTP', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  let client: UpstreamClient;
  beforeAll(async () => {
    sandbox = await startSandbox(20_000, clock.now);
    client = new UpstreamClient({ baseUrl: sandbox.url });
  });
  afterAll(async () => {
    await client.close();
    await sandbox.close();
  });

  it('submits a create task and reads it from pending to succeeded with two clips', async () => {
    const { taskId } = await client.submit(keyA, operations.createMusic, {
      model: 'SONIC_V4_5',
      customMode: false,
      description: 'a calm piano piece for a rainy morning',
      vocalGender: 'FEMALE',
      styleWeight: 0.5,
    });
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
    const call = sandbox.calls.at(-1)!;
    expect(call).toMatchObject({ method: 'POST', path: '/api/v1/sonic/create', apiKey: keyA });
    expect(call.body).toEqual({
      task_type: 'create_music',
      custom_mode: false,
      mv: 'sonic-v4-5',
      gpt_description_prompt: 'a calm piano piece for a rainy morning',
      vocal_gender: 'f',
      style_weight: 0.5,
      use_suno_cdn: false,
    });

    expect((await client.getTask(keyA, taskId)).status).toBe('PENDING');
    clock.advance(5_000);
    const running = await client.getTask(keyA, taskId);
    expect(running.status).toBe('RUNNING');
    expect(running.clips.every((c) => c.audioUrl !== null && c.imageUrl === null)).toBe(true);
    clock.advance(15_000);
    const done = await client.getTask(keyA, taskId);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.clips).toHaveLength(2);
    for (const clip of done.clips) {
      expect(clip).toMatchObject({ status: 'SUCCEEDED', model: 'sonic-v4-5', error: null });
      expect(clip.duration).toBeGreaterThan(0);
      expect(clip.imageUrl).toMatch(/\.svg$/);
      expect(Number.isNaN(Date.parse(clip.createdAt!))).toBe(false);
    }
  });

  it('sends the bearer key and gets the upstream NOT_FOUND for a task of another key', async () => {
    const { taskId } = await client.submit(keyA, operations.createMusic, {
      model: 'SONIC_V5',
      customMode: true,
      lyrics: '[Verse]\nla la',
      title: 'Mine',
    });
    await expect(client.getTask(keyB, taskId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a task that the upstream fails ends FAILED with its reason', async () => {
    const { taskId } = await client.submit(keyA, operations.createMusic, {
      model: 'SONIC_V4_5',
      customMode: false,
      description: 'sandbox:fail please',
    });
    clock.advance(20_000);
    const failed = await client.getTask(keyA, taskId);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/failed/i);
  });

  it('overlapping reads of one task with one key share a single upstream call; other keys and later reads do not', async () => {
    const { taskId } = await client.submit(keyA, operations.createMusic, { model: 'SONIC_V4_5', customMode: false, description: 'shared' });
    const gets = () => sandbox.calls.filter((c) => c.method === 'GET' && c.path.endsWith(taskId)).length;
    const [a, b, c] = await Promise.all([client.getTask(keyA, taskId), client.getTask(keyA, taskId), client.getTask(keyA, taskId)]);
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    expect(gets()).toBe(1);
    await Promise.all([client.getTask(keyA, taskId), client.getTask(keyB, taskId).catch(() => null)]);
    expect(gets()).toBe(3);
    await client.getTask(keyA, taskId);
    expect(gets()).toBe(4);
  });
});

describe('upstream client: how an answer arrives', () => {
  let server: Server;
  let client: UpstreamClient;
  let respond: (res: ServerResponse) => void;
  beforeAll(async () => {
    server = createServer((_req, res) => respond(res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new UpstreamClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: { maxAttempts: 1 } });
  });
  afterAll(async () => {
    await client.close();
    server.close();
  });

  it('the documented task answer in many chunks, after a UTF-8 byte-order mark, reads as one', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(sonicTaskAnswerPartial))]);
    respond = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // One byte at a time (chunked): the mark's three bytes are split across writes too.
      let at = 0;
      const next = () => (at < bytes.length ? res.write(bytes.subarray(at, ++at), () => setImmediate(next)) : res.end());
      next();
    };
    const task = await client.getTask('key', 'task-chunks');
    expect(task.clips.map((clip) => [clip.id, clip.title])).toEqual([[sonicTaskAnswerPartial.data[0].clip_id, 'Starts']]);
  });

  it('a 429 whose Retry-After comes in any case is RATE_LIMITED with its retryAfterSeconds', async () => {
    respond = (res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'RETRY-AFTER': '9' });
      res.end(JSON.stringify({ message: 'Too many requests' }));
    };
    await expect(client.getTask('key', 'task-limited')).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 9 } });
  });

  it('an answer cut after its headers is UPSTREAM_ERROR with the status it began with, not "could not be reached"', async () => {
    respond = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write('{"code":200,"data":[');
      setTimeout(() => res.destroy(), 10);
    };
    await expect(client.getTask('key', 'task-cut')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', details: { upstreamStatus: 200 } });
  });
});

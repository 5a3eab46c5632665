/**
 * The families beyond Sonic songs and Producer: a voice captured as a persona (`createVoice`, whose finished task
 * gives `persona`, usable with `createMusicWithPersona`), the deprecated `createPersona` still callable, and the
 * deprecated Riffusion family read back through its own task path, whose retirement (410 Gone) arrives as
 * UPSTREAM_GONE without opening the circuit breaker, while the other families keep working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import { createVoiceTaskAnswerKeysInferred, documentedBodies, submitAnswer } from './cases/upstream-examples.js';
import { gql, json, keyA, manualClock, startFakeUpstream, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { subscribeWs } from './support/live.js';
import { startSandboxProcess } from './support/processes.js';

const taskMs = 20_000;
const read = `query($id: ID!) { task(id: $id) { kind status error persona { id name } clips { id title duration } } }`;

describe('voices, personas and Riffusion against the sandbox', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  let gw: TestGateway;
  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
    gw = await startGateway(sandbox.url, { BREAKER_FAILURE_THRESHOLD: '3' });
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  it('createVoice: the finished task gives a persona, and a song is sung with it', async () => {
    const started = await gql(
      gw.url,
      `mutation { createVoice(input: { audioUrl: "https://example.com/voices/ada.wav" }) { id kind status } }`,
    );
    expect(started.errors).toBeUndefined();
    const { id } = started.data!.createVoice;
    expect(started.data!.createVoice).toMatchObject({ kind: 'CREATE_VOICE', status: 'PENDING' });
    expect(sandbox.calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/v1/sonic/create-voice',
      body: { audio_url: 'https://example.com/voices/ada.wav' },
    });
    expect((await gql(gw.url, read, { id })).data!.task).toMatchObject({ status: 'PENDING', persona: null });
    clock.advance(taskMs);
    const done = (await gql(gw.url, read, { id })).data!.task;
    expect(done).toMatchObject({ kind: 'CREATE_VOICE', status: 'SUCCEEDED', clips: [], persona: { id: expect.any(String), name: 'ada' } });
    const song = await gql(
      gw.url,
      `mutation($p: ID!) { createMusicWithPersona(input: { personaId: $p, description: "a lullaby" }) { id } }`,
      {
        p: done.persona.id,
      },
    );
    expect(song.errors).toBeUndefined();
    expect(sandbox.calls.at(-1)!.body).toMatchObject({ task_type: 'persona_music', persona_id: done.persona.id });
  });

  it('createPersona is deprecated but still callable', async () => {
    const res = await gql(gw.url, `mutation($c: ID!) { createPersona(input: { clipId: $c, name: "Nova" }) { id name } }`, {
      c: demoClip.id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createPersona).toMatchObject({ name: 'Nova' });
  });

  it('riffusionCreateMusic sends the documented lyrics body and is read back through GET /api/v1/riffusion/task/{id}', async () => {
    const documented = documentedBodies['/api/v1/riffusion/create']![0]!.body as Record<string, unknown>;
    const res = await gql(
      gw.url,
      `mutation($lyrics: String!) { riffusionCreateMusic(input: { customMode: true, lyrics: $lyrics, title: "Starts", sound: "pop", model: FUZZ_1_1_PRO, instrumental: false }) { id kind } }`,
      { lyrics: documented.lyrics },
    );
    expect(res.errors).toBeUndefined();
    expect(sandbox.calls.at(-1)).toMatchObject({ path: '/api/v1/riffusion/create', body: documented });
    const { id } = res.data!.riffusionCreateMusic;
    clock.advance(taskMs);
    const task = (await gql(gw.url, read, { id })).data!.task;
    expect(sandbox.calls.at(-1)).toMatchObject({ method: 'GET', path: `/api/v1/riffusion/task/${id}` });
    expect(task).toMatchObject({ kind: 'RIFFUSION_MUSIC', status: 'SUCCEEDED' });
    expect(task.clips).toHaveLength(2);
  });

  it('a retired Riffusion (410 Gone) is UPSTREAM_GONE, sent once each, and does not open the breaker for the other families', async () => {
    const earlier = await gql(gw.url, `mutation { riffusionCreateMusic(input: { description: "r&b pop song" }) { id } }`);
    expect(earlier.errors).toBeUndefined();
    sandbox.retire('/api/v1/riffusion/');
    try {
      const before = sandbox.calls.length;
      for (let i = 0; i < 7; i++) {
        const res = await gql(gw.url, `mutation { riffusionCreateMusic(input: { description: "r&b pop song" }) { id } }`);
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_GONE', upstreamStatus: 410 });
        expect(res.errors?.[0]?.extensions?.taskMayExist).toBeUndefined();
      }
      expect(sandbox.calls.length - before).toBe(7);
      // A read of a Riffusion task made before is gone too, at once (not retried).
      const gone = await gql(gw.url, read, { id: earlier.data!.riffusionCreateMusic.id });
      expect(gone.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_GONE' });
      expect(sandbox.calls.length - before).toBe(8);
      expect(gw.services.upstream.breaker.state).toBe('closed');
      const healthy = await gql(gw.url, `mutation { createMusic(input: { description: "a calm piano piece" }) { id } }`);
      expect(healthy.errors).toBeUndefined();
    } finally {
      sandbox.restore('/api/v1/riffusion/');
    }
  });
});

describe('a watched Riffusion task whose family is retired meanwhile', () => {
  it('ends the watch at the first 410, with UPSTREAM_GONE, instead of backing off', async () => {
    const sandbox = await startSandbox(600_000);
    const gw = await startGateway(sandbox.url, { POLL_INTERVAL_MS: '25' });
    const sub = { close: async () => {} } as { close(): Promise<void> };
    try {
      const res = await gql(gw.url, `mutation { riffusionCreateMusic(input: { description: "r&b pop song" }) { id } }`);
      const id = res.data!.riffusionCreateMusic.id as string;
      const watcher = subscribeWs(gw.url, id, keyA);
      sub.close = () => watcher.close();
      await watcher.until((s) => s.results.length === 1);
      sandbox.retire('/api/v1/riffusion/');
      const readsBefore = sandbox.calls.filter((c) => c.path === `/api/v1/riffusion/task/${id}`).length;
      await watcher.until((s) => s.completed);
      expect(watcher.statuses()).toEqual(['PENDING', 'error:UPSTREAM_GONE']);
      expect(sandbox.calls.filter((c) => c.path === `/api/v1/riffusion/task/${id}`).length - readsBefore).toBe(1);
    } finally {
      await sub.close();
      await gw.close();
      await sandbox.close();
    }
  });
});

describe('a finished create-voice task in the shape third-party callers report', () => {
  it('{code: 200, data: {persona_id, name}} is read as SUCCEEDED with its persona', async () => {
    expect(createVoiceTaskAnswerKeysInferred.dataKeys).toEqual(['persona_id', 'name']);
    const fake = await startFakeUpstream((req, res) =>
      req.method === 'POST'
        ? json(res, 200, submitAnswer)
        : json(res, 200, { code: createVoiceTaskAnswerKeysInferred.code, data: { persona_id: 'persona-from-voice-1', name: 'My Voice' } }),
    );
    const gw = await startGateway(fake.url);
    try {
      const res = await gql(gw.url, `mutation { createVoice(input: { audioUrl: "https://example.com/me.mp3" }) { id } }`);
      expect(res.errors).toBeUndefined();
      const task = (await gql(gw.url, read, { id: submitAnswer.task_id })).data!.task;
      expect(task).toMatchObject({ kind: 'CREATE_VOICE', status: 'SUCCEEDED', persona: { id: 'persona-from-voice-1', name: 'My Voice' } });
    } finally {
      await gw.close();
      await fake.close();
    }
  });
});

describe('npm run sandbox with SANDBOX_RETIRED', () => {
  it('answers 410 Gone under each retired prefix, and the rest as before', async () => {
    const sandbox = await startSandboxProcess({ SANDBOX_RETIRED: '/api/v1/riffusion/, /api/v1/producer/video-clip' });
    try {
      const get = (path: string) => fetch(`${sandbox.url}${path}`, { headers: { authorization: 'Bearer any-key-0001' } });
      expect((await get('/api/v1/riffusion/task/t-1')).status).toBe(410);
      expect((await get('/api/v1/nuro/task/t-1')).status).toBe(410);
      expect((await get('/api/v1/sonic/task/t-1')).status).toBe(400);
    } finally {
      await sandbox.kill('SIGTERM');
    }
  });
});

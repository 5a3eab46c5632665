/**
 * Paid work is never left without its record when Redis goes away mid-POST, with real processes: two gateway
 * instances on one Redis (with persistence) and the standalone sandbox, which holds a keyed POST (`sandbox:hold`)
 * while Redis is stopped for 10 s. The client gets its task; the instance that sent it keeps the outcome in its
 * outbox, answers the key's replays and the task's reads from it, reports 503 on /health meanwhile, and writes it
 * to Redis once Redis is back, where the other instance finds it. The other instance sends nothing while Redis is
 * down. Durations are measured and printed, never asserted.
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { codes, gql, keyA, keyB } from './support/helpers.js';
import { freePort } from './support/ports.js';
import { sandboxLog, startGatewayProcess, startSandboxProcess, type ChildServer } from './support/processes.js';
import { redisRestartable, startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';
import { removeDataDir, tempDataDir } from './support/stores.js';
import { waitFor } from './support/wait.js';

const createMusic = `mutation($d: String!, $k: String) {
  createMusic(input: { description: $d, model: SONIC_V4_5 }, idempotencyKey: $k) { id kind status }
}`;
const readTask = `query($id: ID!) { task(id: $id) { id kind submittedAt } }`;
const listTasks = `{ viewer { tasks(first: 20) { edges { node { id kind } } } } }`;
const outageMs = 10_000;

/** Whether nothing listens on the port. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

const health = async (gateway: ChildServer, path = '/health') => {
  const res = await fetch(gateway.url + path);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};

describe('Redis stopped for 10 s while a keyed POST is in flight', { ...requires(redis), timeout: 120_000 }, () => {
  const children: ChildServer[] = [];
  const servers: TestRedis[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await Promise.all(servers.map((server) => server.stop()));
    dirs.forEach(removeDataDir);
  });
  const dir = () => (dirs.push(tempDataDir()), dirs.at(-1)!);

  it.skipIf(!redisRestartable)(
    'the client gets its task; the key replays it at once when Redis is back, with its record, owner and list entry; nothing is sent twice',
    async () => {
      const redisDir = dir();
      const port = await freePort();
      servers.push(await startRedis({ port, dataDir: redisDir }));
      const sandbox = await startSandboxProcess({ SANDBOX_TASK_MS: '120000' });
      children.push(sandbox);
      const [portA, portB] = [await freePort(), await freePort()];
      const common = { AIMUSICAPI_BASE_URL: sandbox.url, AIMUSICAPI_API_KEY: keyA, REDIS_URL: `redis://127.0.0.1:${port}` };
      // A asks the upstream for webhooks (PUBLIC_URL), so its tasks carry a webhook secret.
      const [a, b] = await Promise.all([
        startGatewayProcess({ ...common, PORT: String(portA), PUBLIC_URL: `http://127.0.0.1:${portA}`, DATA_DIR: dir() }),
        startGatewayProcess({ ...common, PORT: String(portB), DATA_DIR: dir() }),
      ]);
      children.push(a, b);
      const posts = async () => (await sandboxLog(sandbox.url)).calls.filter((c) => c.method === 'POST').length;

      const key = randomUUID();
      const description = 'a calm piano piece, held by the sandbox:hold:3000';
      const inFlight = gql(a.url, createMusic, { d: description, k: key });
      await waitFor(async () => ((await posts()) === 1 ? true : undefined), 'the POST to reach the sandbox', 10_000);
      await servers.pop()!.stop();
      const stoppedAt = Date.now();
      expect(await refused(port)).toBe(true);

      // The upstream answers while Redis is down: the client still gets its task.
      const answer = await inFlight;
      expect(answer.errors).toBeUndefined();
      const id = answer.data!.createMusic.id as string;
      expect(answer.data!.createMusic).toMatchObject({ kind: 'CREATE_MUSIC', status: 'PENDING' });

      // A load balancer is told to send paid work elsewhere; the process itself is alive.
      await waitFor(async () => (await health(a)).status === 503, "A's /health to answer 503");
      // The task's outcome waits in A's outbox (and in a file of its DATA_DIR) for Redis to be back.
      await waitFor(async () => (await health(a)).body.reason === 'Redis is unreachable; 1 paid outcome waits for it', 'the reason');
      expect((await health(a)).body).toMatchObject({ status: 'unavailable' });
      expect((await health(a, '/health/live')).status).toBe(200);
      // On A meanwhile: the key replays the same task, and the task reads with its kind and submission time.
      expect((await gql(a.url, createMusic, { d: description, k: key })).data?.createMusic.id).toBe(id);
      expect((await gql(a.url, readTask, { id })).data?.task).toMatchObject({ id, kind: 'CREATE_MUSIC', submittedAt: expect.any(String) });
      // B can record nothing: it refuses new paid work, keyed or not, and sends nothing.
      for (const k of [randomUUID(), undefined]) {
        const refusedHere = await gql(b.url, createMusic, { d: 'another piece', ...(k ? { k } : {}) });
        expect(codes(refusedHere)).toEqual(['STORE_UNAVAILABLE']);
        expect(refusedHere.errors?.[0]?.message).toMatch(/Nothing was sent upstream and nothing was charged/);
      }
      expect(await posts()).toBe(1);

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageMs - (Date.now() - stoppedAt))));
      servers.push(await startRedis({ port, dataDir: redisDir }));
      const restartedAt = performance.now();
      await waitFor(async () => (await health(a)).status === 200 && (await health(b)).status === 200, 'both instances ready', 30_000);
      const readyMs = Math.round(performance.now() - restartedAt);

      // The same key, on the other instance: the same task, at once (A wrote its outcome to Redis).
      const replayStarted = performance.now();
      const replay = await gql(b.url, createMusic, { d: description, k: key });
      const replayMs = Math.round(performance.now() - replayStarted);
      expect(replay).toEqual({ data: { createMusic: { id, kind: 'CREATE_MUSIC', status: 'PENDING' } } });
      console.log(
        `Redis down ${outageMs} ms mid-POST: both instances ready ${readyMs} ms after Redis was back; the replay on the other instance took ${replayMs} ms`,
      );

      // Its record: the kind and the submission time, its owner (another key does not see it) and its list entry.
      expect((await gql(b.url, readTask, { id })).data?.task).toMatchObject({ id, kind: 'CREATE_MUSIC', submittedAt: expect.any(String) });
      expect(codes(await gql(b.url, readTask, { id }, { authorization: `Bearer ${keyB}` }))).toEqual(['NOT_FOUND']);
      const listed = (await gql(b.url, listTasks)).data!.viewer.tasks.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(listed).toContain(id);
      // Its webhook secret is kept (looked at, never printed).
      const client = new Redis(`redis://127.0.0.1:${port}`);
      try {
        expect(await client.hget(`aimusic:task-record:${id}`, 'webhookSecret')).toEqual(expect.stringMatching(/.{16,}/));
        expect(
          JSON.parse((await client.get(`aimusic:idempotency:${(await client.hget(`aimusic:task-record:${id}`, 'tenant'))!}:${key}`))!),
        ).toMatchObject({
          state: 'done',
          result: { taskId: id },
        });
      } finally {
        client.disconnect();
      }
      // Paid once in all.
      expect(await posts()).toBe(1);
    },
  );
});

/**
 * Paid work is never submitted twice by accident nor left without its record, and live updates go on, across outages,
 * with real processes: the compiled gateway, the standalone sandbox (which counts every POST and can hold one,
 * `sandbox:hold`), redis-server, and a small tmpfs as DATA_DIR.
 * - Redis stopped for 10 s while a keyed POST is held: the client gets its task, the sending instance keeps the
 *   outcome in its outbox, answers from it and says 503 on /health, and writes it to Redis once Redis is back, where
 *   the other instance finds it at once; the other sends nothing meanwhile.
 * - DATA_DIR's disk full: keyed and unkeyed mutations are refused before anything is sent, or answered and recorded;
 *   a restart on the full disk says how to recover without losing the keys.
 * - A dead instance (kill -9) is replaced quickly: another polls its tasks within about an interval (default
 *   settings), and the keys of its POSTs in flight answer taskMayExist once their claims run out.
 * The cases are slow by nature (a 10 s outage, 15 s intervals), so they run side by side. Times are measured and
 * printed, never asserted: docs/deploying.md quotes them.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { codes, gql, keyA, keyB } from './support/helpers.js';
import { subscribeWs, type Subscriber } from './support/live.js';
import { freePort } from './support/ports.js';
import { advanceSandbox, sandboxLog, startGatewayProcess, startSandboxProcess, taskReads, type ChildServer } from './support/processes.js';
import { redisRestartable, startRedis, type TestRedis } from './support/redis.js';
import { redis, requires, tmpfs } from './support/requirements.js';
import { removeDataDir, tempDataDir } from './support/stores.js';
import { waitFor } from './support/wait.js';

const createMusic = `mutation($d: String!, $k: String) {
  createMusic(input: { description: $d, model: SONIC_V4_5 }, idempotencyKey: $k) { id kind status }
}`;
const readTask = `query($id: ID!) { task(id: $id) { id kind submittedAt } }`;
const listTasks = `{ viewer { tasks(first: 50) { edges { node { id kind } } } } }`;
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

/** Fills the file system of `dir` to the last byte with one file; returns its path. */
function fill(dir: string): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'a');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (let chunk = block; chunk.length >= 1; ) {
      try {
        writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
        chunk = chunk.subarray(0, chunk.length >> 1); // the last blocks, smaller and smaller
      }
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

describe.concurrent('across outages', () => {
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
        const common = {
          AIMUSICAPI_BASE_URL: sandbox.url,
          AIMUSICAPI_API_KEY: keyA,
          REDIS_URL: `redis://127.0.0.1:${port}`,
          // The instances share the key webhook secrets are derived from (required with Redis and PUBLIC_URL).
          WEBHOOK_SIGNING_KEY: 'shared-webhook-key-of-the-cluster-0123',
        };
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
        expect((await gql(a.url, readTask, { id })).data?.task).toMatchObject({
          id,
          kind: 'CREATE_MUSIC',
          submittedAt: expect.any(String),
        });
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
        expect((await gql(b.url, readTask, { id })).data?.task).toMatchObject({
          id,
          kind: 'CREATE_MUSIC',
          submittedAt: expect.any(String),
        });
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

  describe('a full DATA_DIR', { ...requires(tmpfs), timeout: 120_000 }, () => {
    const children: ChildServer[] = [];
    const mounts: string[] = [];
    afterAll(async () => {
      await Promise.all(children.map((child) => child.kill()));
      for (const mount of mounts) {
        spawnSync('umount', ['-l', mount], { stdio: 'ignore' });
        rmdirSync(mount);
      }
    });

    it('refuses paid work before sending it or records it, keyed or not, says 503 while full, and restarts on it without losing a key', async () => {
      const mount = mkdtempSync(join(tmpdir(), 'aimusic-full-disk-'));
      mounts.push(mount);
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount]).status).toBe(0);
      const sandbox = await startSandboxProcess({ SANDBOX_TASK_MS: '120000' });
      children.push(sandbox);
      const port = await freePort();
      const env = { AIMUSICAPI_BASE_URL: sandbox.url, AIMUSICAPI_API_KEY: keyA, DATA_DIR: mount, PORT: String(port) };
      const start = async () => {
        const child = await startGatewayProcess(env);
        children.push(child);
        return child;
      };
      const posts = async () => (await sandboxLog(sandbox.url)).calls.filter((c) => c.method === 'POST').length;

      let gw = await start();
      const before = randomUUID();
      const beforeId = (await gql(gw.url, createMusic, { d: 'a song before', k: before })).data!.createMusic.id as string;

      // The disk fills up while a keyed POST is with the upstream: its answer comes back with no room to record it.
      const held = randomUUID();
      const heldDescription = 'a song held by the sandbox:hold:2000';
      const inFlight = gql(gw.url, createMusic, { d: heldDescription, k: held });
      await waitFor(async () => ((await posts()) === 2 ? true : undefined), 'the held POST to arrive');
      let filler = fill(mount);
      const heldAnswer = await inFlight;
      expect(heldAnswer.errors).toBeUndefined();
      const heldId = heldAnswer.data!.createMusic.id as string;

      await waitFor(async () => (await health(gw)).status === 503, '/health to answer 503');
      // The held task's outcome could not be written: it waits in the outbox (in memory: the disk takes no file either).
      expect((await health(gw)).body).toEqual({
        status: 'unavailable',
        reason: "DATA_DIR's disk is full; 1 paid outcome waits for it",
        upstream: 'live',
      });
      expect((await fetch(`${gw.url}/health/live`)).status).toBe(200);
      // This instance still answers for the held task: its key replays it, and it reads with its kind.
      expect((await gql(gw.url, createMusic, { d: heldDescription, k: held })).data?.createMusic.id).toBe(heldId);
      expect((await gql(gw.url, readTask, { id: heldId })).data?.task).toMatchObject({
        kind: 'CREATE_MUSIC',
        submittedAt: expect.any(String),
      });
      // SQLite still reads: the owner's list has it too, from the outbox, beside the tasks the store holds.
      const listedWhileFull = (await gql(gw.url, listTasks)).data!.viewer.tasks.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(listedWhileFull.slice(0, 2)).toEqual([heldId, beforeId]);

      // Keyed and unkeyed mutations on the full disk: each is refused with nothing sent, or answered (and then recorded).
      const postsBefore = await posts();
      const refusedKeys: string[] = [];
      const answered: string[] = [];
      for (let i = 0; i < 10; i++) {
        const key = i % 2 === 0 ? randomUUID() : undefined;
        const res = await gql(gw.url, createMusic, { d: `song ${i} on a full disk`, ...(key ? { k: key } : {}) });
        if (res.data?.createMusic) answered.push(res.data.createMusic.id as string);
        else {
          expect(codes(res)).toEqual(['STORE_UNAVAILABLE']);
          expect(res.errors?.[0]?.message).toMatch(/disk is full.*Nothing was sent upstream and nothing was charged/);
          if (key) refusedKeys.push(key);
        }
      }
      expect(await posts()).toBe(postsBefore + answered.length);
      console.log(`full DATA_DIR: ${answered.length} of 10 paid mutations answered, ${10 - answered.length} refused with nothing sent`);

      // Space is freed: ready again, and every task paid for has its record and list entry.
      rmSync(filler);
      await waitFor(async () => (await health(gw)).status === 200, '/health to answer 200 again');
      const listed = (await gql(gw.url, listTasks)).data!.viewer.tasks.edges.map((e: { node: { id: string } }) => e.node.id);
      for (const id of [beforeId, heldId, ...answered]) {
        expect(listed).toContain(id);
        expect((await gql(gw.url, readTask, { id })).data?.task).toMatchObject({
          id,
          kind: 'CREATE_MUSIC',
          submittedAt: expect.any(String),
        });
      }
      // A key refused on the full disk is free: it is sent now, once.
      if (refusedKeys[0]) {
        const sent = await posts();
        const retried = await gql(gw.url, createMusic, { d: 'song 0 on a full disk', k: refusedKeys[0] });
        expect(retried.data?.createMusic.id).toEqual(expect.any(String));
        expect(await posts()).toBe(sent + 1);
      }

      // Stopped, the disk full again: the start is refused with how to recover, and no advice to delete the database.
      expect(await gw.kill('SIGTERM')).toBe(0);
      filler = fill(mount);
      const failed = await start().then(
        () => 'started',
        (err: Error) => err.message,
      );
      expect(failed).toMatch(/exited with 1/);
      expect(failed).toMatch(/its disk is full.*The database is intact: free space on that disk.*Do not delete gateway\.db/s);
      expect(failed).not.toMatch(/move it (away|aside)|start empty/);

      // Space freed, started again: the keys answered before are still known (nothing is sent again).
      rmSync(filler);
      gw = await start();
      const sent = await posts();
      expect((await gql(gw.url, createMusic, { d: 'a song before', k: before })).data?.createMusic.id).toBe(beforeId);
      expect((await gql(gw.url, createMusic, { d: heldDescription, k: held })).data?.createMusic.id).toBe(heldId);
      expect(await posts()).toBe(sent);
    });
  });

  describe('a dead instance is replaced quickly', { ...requires(redis), timeout: 120_000 }, () => {
    const children: ChildServer[] = [];
    const subscribers: Subscriber[] = [];
    const servers: TestRedis[] = [];
    const dirs: string[] = [];
    afterAll(async () => {
      await Promise.all(subscribers.map((s) => s.close()));
      await Promise.all(children.map((child) => child.kill()));
      await Promise.all(servers.map((server) => server.stop()));
      dirs.forEach(removeDataDir);
    });

    /** A Redis, the standalone sandbox and two gateway instances on them. */
    async function cluster(sandboxEnv: Record<string, string>, env: Record<string, string> = {}) {
      const server = await startRedis();
      servers.push(server);
      const sandbox = await startSandboxProcess(sandboxEnv);
      children.push(sandbox);
      const instances = await Promise.all(
        [0, 1].map(async () => {
          const dataDir = tempDataDir();
          dirs.push(dataDir);
          const common = {
            AIMUSICAPI_BASE_URL: sandbox.url,
            AIMUSICAPI_API_KEY: keyA,
            REDIS_URL: server.url,
            DATA_DIR: dataDir,
            WEBHOOK_SIGNING_KEY: 'shared-webhook-key-of-the-cluster-0123',
          };
          const child = await startGatewayProcess({ ...common, ...env });
          children.push(child);
          return child;
        }),
      );
      return { sandbox, instances };
    }

    it('kill -9 of the polling instance at default settings: the subscriber on the other sees the final state about an interval after the task ends at most', async () => {
      // Default POLL_INTERVAL_MS (15 s) and UPSTREAM_TIMEOUT_MS; no PUBLIC_URL, so only polls tell the state. The task
      // runs until the test moves the sandbox's clock on: it cannot end before the kill, however slow the machine.
      const { sandbox, instances } = await cluster({ SANDBOX_TASK_MS: '600000' });
      const id = (await gql(instances[0]!.url, createMusic, { d: 'a calm piano piece' })).data!.createMusic.id as string;
      const onEach = instances.map((gw) => {
        const subscriber = subscribeWs(gw.url, id, keyA);
        subscribers.push(subscriber);
        return subscriber;
      });
      await Promise.all(onEach.map((s) => s.until((x) => x.results.length >= 1)));

      // After one interval, one instance takes the lease and reads the task: the one whose reads grow past those of the
      // subscriptions' first states (which another instance's observation, shared in Redis, may have answered).
      const before = await Promise.all(instances.map(taskReads));
      const holder = await waitFor(
        async () => {
          const [a, b] = await Promise.all(instances.map(taskReads));
          return a! > before[0]! ? 0 : b! > before[1]! ? 1 : undefined;
        },
        'one instance to poll',
        60_000,
      );
      const survivor = onEach[1 - holder]!;
      await instances[holder]!.kill('SIGKILL');
      const killedAt = Date.now();
      await advanceSandbox(sandbox.url, 600_000);
      const endedAt = Date.now();

      await waitFor(() => survivor.statuses().includes('SUCCEEDED'), 'the survivor to see SUCCEEDED', 60_000);
      const seenAt = Date.now();
      expect(survivor.statuses().at(-1)).toBe('SUCCEEDED');
      console.log(
        `poll takeover at default settings: final state seen ${seenAt - endedAt} ms after the task ended, ${seenAt - killedAt} ms after kill -9 of the polling instance`,
      );
    });

    it("kill -9 of the instance holding a keyed POST: the other answers taskMayExist once the claim's lease runs out, and sends nothing", async () => {
      // A claim lasts connect + upstream timeout + 2 s: 1 + 5 + 2 = 8 s here (37 s at the defaults).
      const { sandbox, instances } = await cluster({}, { UPSTREAM_CONNECT_TIMEOUT_MS: '1000', UPSTREAM_TIMEOUT_MS: '5000' });
      const [first, other] = instances as [ChildServer, ChildServer];
      const posts = async () => (await sandboxLog(sandbox.url)).calls.filter((c) => c.method === 'POST').length;
      const key = randomUUID();
      const description = 'a song held by the sandbox:hold:60000';
      const inFlight = gql(first.url, createMusic, { d: description, k: key }).catch(() => 'connection lost');
      await waitFor(async () => ((await posts()) === 1 ? true : undefined), 'the POST to arrive');
      await first.kill('SIGKILL');
      const killedAt = Date.now();
      expect(await inFlight).toBe('connection lost');

      const replay = await gql(other.url, createMusic, { d: description, k: key });
      const answeredAfterMs = Date.now() - killedAt;
      expect(replay.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', taskMayExist: true });
      expect(replay.errors?.[0]?.message).toMatch(/did not finish/);
      expect(await posts()).toBe(1);
      console.log(`claim of a killed instance (lease 8 s): the other instance answered taskMayExist ${answeredAfterMs} ms after kill -9`);
    });
  });
});

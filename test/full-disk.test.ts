/**
 * Paid work is never left without its record when DATA_DIR's disk fills up, with real processes: the compiled gateway
 * on SQLite in a small tmpfs, and the standalone sandbox, which counts every POST. The disk is filled while a keyed
 * POST is held by the sandbox (`sandbox:hold`), then keyed and unkeyed mutations arrive: each is either refused before
 * anything is sent (STORE_UNAVAILABLE) or answered and recorded, and /health says 503 until space is freed. A restart
 * on the full disk stops with a message that says how to recover without losing the idempotency keys.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codes, gql, keyA } from './support/helpers.js';
import { freePort } from './support/ports.js';
import { sandboxLog, startGatewayProcess, startSandboxProcess, type ChildServer } from './support/processes.js';
import { requires, tmpfs } from './support/requirements.js';
import { waitFor } from './support/wait.js';

const createMusic = `mutation($d: String!, $k: String) {
  createMusic(input: { description: $d, model: SONIC_V4_5 }, idempotencyKey: $k) { id kind }
}`;
const readTask = `query($id: ID!) { task(id: $id) { id kind submittedAt } }`;
const listTasks = `{ viewer { tasks(first: 50) { edges { node { id kind } } } } }`;

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

describe('a full DATA_DIR', { ...requires(tmpfs), timeout: 120_000 }, () => {
  const mount = mkdtempSync(join(tmpdir(), 'aimusic-full-disk-'));
  const children: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    spawnSync('umount', ['-l', mount], { stdio: 'ignore' });
    rmdirSync(mount);
  });

  it('refuses paid work before sending it or records it, keyed or not, says 503 while full, and restarts on it without losing a key', async () => {
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
    const health = async (gw: ChildServer) => {
      const res = await fetch(`${gw.url}/health`);
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    };

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
      expect((await gql(gw.url, readTask, { id })).data?.task).toMatchObject({ id, kind: 'CREATE_MUSIC', submittedAt: expect.any(String) });
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

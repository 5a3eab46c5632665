/**
 * Nothing lost on restart, with real processes: the compiled gateway and the standalone sandbox run
 * as child processes, the gateway is killed (kill -9, or SIGTERM) and started again on the same DATA_DIR and port,
 * while the sandbox, like the real upstream, keeps its tasks and counts every POST it receives.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../src/store/sqlite/index.js';
import { gql, keyA } from './support/helpers.js';
import { freePort } from './support/ports.js';
import { sandboxLog, startGatewayProcess, startSandboxProcess, type ChildServer } from './support/processes.js';
import { waitFor } from './support/wait.js';
import { removeDataDir, tempDataDir } from './support/stores.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

const createMusic = `mutation($d: String!, $k: String) {
  createMusic(input: { description: $d, model: SONIC_V4_5 }, idempotencyKey: $k) { id kind status }
}`;
const readTask = `query($id: ID!) { task(id: $id) { id kind status } }`;
const viewerQuery = `{ viewer { tasks(first: 10) { edges { node { id kind } } } budget { limit used remaining resetsAt } } }`;

// Each case starts gateway processes; on a busy machine one start can take seconds.
describe('the gateway killed and started again on the same DATA_DIR', { timeout: 120_000 }, () => {
  let sandbox: ChildServer;
  const children: ChildServer[] = [];
  const dataDirs: string[] = [];

  beforeAll(async () => {
    sandbox = await startSandboxProcess({ SANDBOX_TASK_MS: '3000' });
  });
  afterAll(async () => {
    await Promise.all([...children, sandbox].map((child) => child?.kill()));
    dataDirs.forEach(removeDataDir);
  });

  /** A gateway process on `dataDir` and `port`; the sandbox calls its webhooks back at that port. */
  async function gateway(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildServer> {
    const child = await startGatewayProcess({
      AIMUSICAPI_BASE_URL: sandbox.url,
      AIMUSICAPI_API_KEY: keyA,
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      POLL_INTERVAL_MS: '200',
      // Every read goes to the sandbox, where the test sees which endpoint it used.
      FINISHED_TASK_CACHE_MB: '0',
      ...env,
    });
    children.push(child);
    return child;
  }
  const place = async () => {
    const dataDir = tempDataDir();
    dataDirs.push(dataDir);
    return { dataDir, port: await freePort() };
  };
  const posts = async (path = '/api/v1/sonic/create') =>
    (await sandboxLog(sandbox.url)).calls.filter((c) => c.method === 'POST' && c.path === path).length;

  it("kill -9 after a keyed createMusic was accepted: after restart the key gives the same task with one POST; kinds, webhooks, the user's task list, budget and clips, and durations survive", async () => {
    const { dataDir, port } = await place();
    // A signed-in user with a budget: the gateway reserves each mutation's price before its POST.
    const signIn = { AUTH_JWT_SECRET: testJwtSecret, USER_CREDIT_BUDGET: '1000', USER_BUDGET_WINDOW: '1d' };
    const user = await signedIn('restart-user');
    const first = await gateway(dataDir, port, signIn);
    const key = randomUUID();
    const postsBefore = await posts();
    const created = await gql(first.url, createMusic, { d: 'a calm piano piece', k: key }, user);
    const id = created.data!.createMusic.id as string;
    const producer = await gql(
      first.url,
      `mutation { producerCreateMusic(input: { sound: "ambient piano", title: "Calm" }) { id } }`,
      {},
      user,
    );
    const producerId = producer.data!.producerCreateMusic.id as string;
    const viewerBefore = (await gql(first.url, viewerQuery, {}, user)).data!.viewer;
    expect(viewerBefore.budget).toMatchObject({ limit: 1000, used: 24 }); // 14 + 10, the two prices
    expect(await first.kill('SIGKILL')).toBeNull();

    const second = await gateway(dataDir, port, signIn);
    const replay = await gql(second.url, createMusic, { d: 'a calm piano piece', k: key }, user);
    expect(replay).toEqual({ data: { createMusic: { id, kind: 'CREATE_MUSIC', status: 'PENDING' } } });
    expect(await posts()).toBe(postsBefore + 1);

    // The user's list (newest first, with each task's kind) and budget are as they were before the kill.
    const viewer = (await gql(second.url, viewerQuery, {}, user)).data!.viewer;
    expect(viewer.tasks.edges.map((e: { node: { id: string; kind: string } }) => [e.node.id, e.node.kind])).toEqual([
      [producerId, 'PRODUCER_MUSIC'],
      [id, 'CREATE_MUSIC'],
    ]);
    expect(viewer.budget).toEqual(viewerBefore.budget);

    // Each task is read from its own family's endpoint: the kind survived.
    expect((await gql(second.url, readTask, { id }, user)).data!.task).toMatchObject({ id, kind: 'CREATE_MUSIC' });
    const producerReads = (await sandboxLog(sandbox.url)).calls.filter((c) => c.method === 'GET' && c.path.endsWith(`/task/${producerId}`));
    expect(new Set(producerReads.map((c) => c.path))).toEqual(new Set([`/api/v1/producer/task/${producerId}`]));

    // The webhook secret survived: the sandbox's signed callback for the task, made before the kill, is accepted.
    const delivery = await waitFor(
      async () => (await sandboxLog(sandbox.url)).webhooks.find((w) => w.taskId === id && w.status === 200), // the sandbox tries again with backoff while the gateway was down
      'the webhook to be accepted',
      60_000,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}; deliveries: ${JSON.stringify((await sandboxLog(sandbox.url)).webhooks)}`);
    });
    expect(delivery.event).toBe('song.completed');
    const finished = (await gql(second.url, `query($id: ID!) { task(id: $id) { clips { id } } }`, { id }, user)).data!.task;
    const clips = finished.clips.map((clip: { id: string }) => ({ kind: 'clip' as const, id: clip.id }));
    expect(clips.length).toBeGreaterThan(0);
    expect(await second.kill('SIGTERM')).toBe(0);

    // What the gateway recorded, read from DATA_DIR now that no process holds it: the webhook's final state and the
    // task's duration.
    const stores = openSqliteStores(dataDir);
    try {
      const record = (await stores.registry.lookup(id))!;
      expect(record).toMatchObject({ tenant: 'user:restart-user', kind: 'CREATE_MUSIC', status: 'SUCCEEDED' });
      expect(record.webhookSecret).toEqual(expect.any(String));
      const [duration] = await stores.durations.recent('CREATE_MUSIC', 5);
      expect(duration).toBe(record.finishedAt! - record.createdAt);
      expect(duration).toBeGreaterThan(2500); // about the sandbox's task time (3 s)
      // The finished task's clips are recorded as its user's, in DATA_DIR.
      expect(await stores.ownership.owns('user:restart-user', clips)).toEqual(clips.map(() => true));
      expect(await stores.ownership.owns('user:someone-else', clips)).toEqual(clips.map(() => false));
    } finally {
      await stores.close();
    }
  });

  it('kill -9 while a keyed POST is in flight: after restart the key answers the taskMayExist replay and nothing is sent again', async () => {
    const { dataDir, port } = await place();
    const first = await gateway(dataDir, port);
    const key = randomUUID();
    const postsBefore = await posts();
    const inFlight = gql(first.url, createMusic, { d: 'a song held by the sandbox:hold:30000', k: key }).then(
      () => 'answered',
      () => 'connection lost',
    );
    await waitFor(async () => ((await posts()) === postsBefore + 1 ? true : undefined), 'the POST to arrive', 10_000);
    await first.kill('SIGKILL');
    expect(await inFlight).toBe('connection lost');

    const second = await gateway(dataDir, port);
    for (let i = 0; i < 2; i++) {
      const replay = await gql(second.url, createMusic, { d: 'a song held by the sandbox:hold:30000', k: key });
      expect(replay.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', taskMayExist: true });
      expect(replay.errors?.[0]?.message).toMatch(/did not finish \(its gateway stopped while it was in flight\)/);
    }
    expect(await posts()).toBe(postsBefore + 1);
  });

  it('SIGTERM with a paid POST in flight: the POST gets its answer before the process exits 0', async () => {
    const { dataDir, port } = await place();
    const child = await gateway(dataDir, port);
    const postsBefore = await posts();
    const inFlight = gql(child.url, createMusic, { d: 'a song held by the sandbox:hold:1500' });
    await waitFor(async () => ((await posts()) === postsBefore + 1 ? true : undefined), 'the POST to arrive', 10_000);
    const exit = child.kill('SIGTERM');
    expect((await inFlight).data?.createMusic).toMatchObject({ kind: 'CREATE_MUSIC', status: 'PENDING' });
    expect(await exit).toBe(0);
  });

  it('SIGTERM past SHUTDOWN_TIMEOUT_MS: the POST still waiting is answered with taskMayExist, not a reset socket, and its key replays that after restart', async () => {
    const { dataDir, port } = await place();
    const child = await gateway(dataDir, port, { SHUTDOWN_TIMEOUT_MS: '300' });
    const key = randomUUID();
    const postsBefore = await posts();
    const inFlight = gql(child.url, createMusic, { d: 'a song held by the sandbox:hold:20000', k: key });
    await waitFor(async () => ((await posts()) === postsBefore + 1 ? true : undefined), 'the POST to arrive', 10_000);
    const exit = child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', taskMayExist: true });
    expect(answer.errors?.[0]?.message).toMatch(/shut down before the upstream answered/);
    expect(await exit).toBe(0);

    const again = await gateway(dataDir, port);
    const replay = await gql(again.url, createMusic, { d: 'a song held by the sandbox:hold:20000', k: key });
    expect(replay.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', taskMayExist: true });
    expect(replay.errors?.[0]?.message).toMatch(/^Replay of the first request with this idempotencyKey/);
    expect(await posts()).toBe(postsBefore + 1);
  });
});

/**
 * The setup benchmarks 4 and 5 share: the sandbox in this process (so its `calls` count upstream reads, and the
 * webhook secrets the gateway sends are readable), the gateway under test as a child process (its memory is its
 * own, read through bench/memory-probe.mjs after full GCs), tasks created through the gateway with webhooks
 * asked for, and signed webhook deliveries sent from here.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { request } from 'undici';
import { createSandbox, type Sandbox } from '../src/sandbox/index.js';
import { signedWebhookHeaders } from '../src/upstream/signatures.js';
import type { WireClip } from '../src/upstream/wire.js';
import type { WireWebhookPayload } from '../src/upstream/deliveries.js';
import { benchKey } from './overhead.js';
import { freePort } from '../test/support/ports.js';
import { startGatewayProcess, type Child } from './processes.js';

/** What bench/memory-probe.mjs answers. */
export interface ProbeAnswer {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}

/** Long enough that no task finishes during a benchmark. */
const taskMs = 60 * 60_000;
const taskReadPath = /^\/api\/v1\/sonic\/task\/([^/?]+)/;

export interface LiveRig {
  sandbox: Sandbox;
  gateway: Child;
  /** Creates tasks through the gateway's `createMusic` (each with its own webhook secret); resolves with their ids. */
  createTasks(count: number): Promise<string[]>;
  /** Moves the sandbox's clock on, so that every task created so far is RUNNING (and later ones start PENDING). */
  makeRunning(): void;
  /** Upstream task reads the sandbox has received so far. */
  taskReads(): number;
  /** When (`performance.now()`) each task was read, per task id. */
  readTimes: Map<string, number[]>;
  /** The gateway's memory after full garbage collections, and its CPU time so far. */
  probe(): Promise<ProbeAnswer>;
  /** The gateway's CPU time so far. */
  cpu(): Promise<NodeJS.CpuUsage>;
  /**
   * Delivers a signed webhook for `taskId`: RUNNING (`song.streaming`) or SUCCEEDED (`song.completed`), with each
   * clip's duration set to `marker`, so that subscribers can tell this state from any other. Resolves with the
   * `performance.now()` at which the request was sent.
   */
  deliverWebhook(taskId: string, marker: number, final: boolean): Promise<number>;
  stop(): Promise<void>;
}

export async function startLiveRig(env: Record<string, string>): Promise<LiveRig> {
  let shiftMs = 0;
  const sandbox = createSandbox({ taskMs, now: () => Date.now() + shiftMs });
  await sandbox.listen(0);
  const readTimes = new Map<string, number[]>();
  sandbox.server.prependListener('request', (req) => {
    const taskId = req.method === 'GET' ? taskReadPath.exec(req.url ?? '')?.[1] : undefined;
    if (!taskId) return;
    const times = readTimes.get(taskId) ?? [];
    times.push(performance.now());
    readTimes.set(taskId, times);
  });
  const secrets = new Map<string, string>();
  let gateway: Child;
  try {
    const port = await freePort();
    gateway = await startGatewayProcess(
      sandbox.url,
      benchKey,
      // One caller (the bench key) holds every subscription and socket: its caps of open subscriptions and sockets are lifted.
      {
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        MAX_SUBSCRIPTIONS_PER_CALLER: '1000000',
        MAX_SOCKETS_PER_CALLER: '1000000',
        ...env,
      },
      {
        port,
        ipc: true,
        nodeArgs: [
          '--expose-gc',
          '--import',
          './bench/memory-probe.mjs',
          ...(process.env.SNAP ? ['--import', './bench/snapshot-probe.mjs'] : []),
        ],
      },
    );
  } catch (err) {
    await sandbox.close();
    throw err;
  }

  async function createTask(): Promise<string> {
    const description = `bench live task ${randomUUID()}`;
    const res = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($d: String!) { createMusic(input: { description: $d }) { id } }',
        variables: { d: description },
      }),
    });
    const body = (await res.body.json()) as { data?: { createMusic: { id: string } }; errors?: unknown };
    const id = body.data?.createMusic.id;
    if (!id) throw new Error(`createMusic failed: ${JSON.stringify(body.errors)}`);
    const submitted = sandbox.calls.find((c) => (c.body as Record<string, unknown> | undefined)?.gpt_description_prompt === description);
    const secret = (submitted?.body as Record<string, unknown> | undefined)?.webhook_secret;
    if (typeof secret !== 'string') throw new Error('the gateway asked for no webhook: is PUBLIC_URL set?');
    secrets.set(id, secret);
    return id;
  }

  async function ask<T>(question: 'memory' | 'cpu'): Promise<T> {
    const answer = once(gateway.process, 'message') as Promise<[T]>;
    gateway.process.send?.(question);
    return (await answer)[0];
  }

  return {
    sandbox,
    gateway,
    async createTasks(count) {
      const ids: string[] = [];
      for (let i = 0; i < count; i += 20) ids.push(...(await Promise.all(Array.from({ length: Math.min(20, count - i) }, createTask))));
      return ids;
    },
    makeRunning: () => void (shiftMs += taskMs / 2),
    taskReads: () => [...readTimes.values()].reduce((total, times) => total + times.length, 0),
    readTimes,
    probe: () => ask<ProbeAnswer>('memory'),
    cpu: () => ask<NodeJS.CpuUsage>('cpu'),
    async deliverWebhook(taskId, marker, final) {
      const task = sandbox.store.task(taskId, benchKey);
      const secret = secrets.get(taskId);
      if (!task || !secret) throw new Error(`task ${taskId} was not created by this rig`);
      const event = final ? 'song.completed' : 'song.streaming';
      const data: WireClip[] = sandbox.store.wireClips(task).map((clip) => ({
        ...clip,
        state: final ? 'succeeded' : 'streaming',
        audio_url: sandbox.store.fileUrl(clip.clip_id, 'wav'),
        duration: marker,
      }));
      const payload: WireWebhookPayload = { code: 200, message: 'success', data, task_id: taskId, platform: 'suno', event };
      const raw = JSON.stringify(payload);
      const headers = signedWebhookHeaders(secret, raw, { id: randomUUID(), event, timestamp: Math.floor(Date.now() / 1000) });
      const sentAt = performance.now();
      const res = await request(`${gateway.url}/webhooks/aimusic`, { method: 'POST', headers, body: raw });
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`webhook refused with HTTP ${res.statusCode}`);
      return sentAt;
    },
    async stop() {
      await gateway.stop();
      await sandbox.close();
    },
  };
}

/**
 * A throwaway redis-server for tests that need Redis: spawned on a free port with no persistence, or taken from
 * TEST_REDIS_URL. Suites that need it declare `requires(redis)` (test/support/requirements.ts): where no redis-server binary
 * exists they are skipped with that reason, unless REQUIRE_REDIS=1 (set by .ci/run) makes it an error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports.js';
import { redis } from './requirements.js';
import { waitFor } from './wait.js';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** @deprecated `describe(name, requires(redis), fn)` also says why the suite was skipped. */
export const redisAvailable = redis.available;

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const { Socket } = await import('node:net');
  const connects = () =>
    new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
      socket.connect(port, '127.0.0.1');
    });
  const state = await waitFor(async () => (child.exitCode !== null ? 'exited' : (await connects()) && 'up'), 'redis-server', 5_000).catch(
    () => 'down',
  );
  if (state === 'exited') throw new Error(`redis-server exited with ${child.exitCode}`);
  if (state !== 'up') throw new Error('redis-server did not start listening');
}

/** Whether the Redis answering on `port` is the process `pid`. */
async function answersAs(port: number, pid: number | undefined): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    const info = await client.info('server');
    return /^process_id:(\d+)/m.exec(info)?.[1] === String(pid);
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface RedisOptions {
  /** Listen here (default: a free port), e.g. to start a Redis again where clients expect it. */
  port?: number;
  /** Persist to an append-only file in this directory (default: no persistence). */
  dataDir?: string;
  /** How often that file is synced: at every write (the default here), or every second (Redis's own default). */
  appendfsync?: 'always' | 'everysec';
}

/** Whether tests may stop and start their own Redis (not with TEST_REDIS_URL). */
export const redisRestartable = redis.available && !process.env.TEST_REDIS_URL;

export async function startRedis(options: RedisOptions = {}): Promise<TestRedis> {
  if (process.env.TEST_REDIS_URL) return { url: process.env.TEST_REDIS_URL, stop: async () => {} };
  const port = options.port ?? (await freePort());
  const persistence = options.dataDir
    ? ['--appendonly', 'yes', '--appendfsync', options.appendfsync ?? 'always', '--dir', options.dataDir]
    : ['--appendonly', 'no'];
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
    stdio: 'ignore',
  });
  await waitForPort(port, child);
  // Another process may have taken the port between freePort() and the bind (parallel test files start servers too):
  // then the server that answered is not ours, and stopping ours would not stop it.
  if (!(await answersAs(port, child.pid))) {
    child.kill('SIGKILL');
    if (options.port === undefined) return startRedis(options);
    throw new Error(`port ${port} is held by another process; redis-server could not take it`);
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

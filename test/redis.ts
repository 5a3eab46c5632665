/**
 * A throwaway redis-server for tests that need Redis: spawned on a free port with no persistence, or taken from
 * TEST_REDIS_URL. Where no redis-server binary exists the caller skips, unless REQUIRE_REDIS=1 (set by .ci/run),
 * in which case the missing server is an error.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './ports.js';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

export const redisAvailable =
  Boolean(process.env.TEST_REDIS_URL) || spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

if (!redisAvailable && process.env.REQUIRE_REDIS === '1') {
  throw new Error('REQUIRE_REDIS=1 but there is no redis-server on PATH and no TEST_REDIS_URL.');
}
if (!redisAvailable) console.warn('redis-server not found: tests that need Redis are skipped (apt-get install redis-server).');


async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const { Socket } = await import('node:net');
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
      socket.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis-server did not start listening');
}

export interface RedisOptions {
  /** Listen here (default: a free port), e.g. to start a Redis again where clients expect it. */
  port?: number;
  /** Persist to an append-only file in this directory, synced at every write (default: no persistence). */
  dataDir?: string;
}

/** Whether tests may stop and start their own Redis (not with TEST_REDIS_URL). */
export const redisRestartable = redisAvailable && !process.env.TEST_REDIS_URL;

export async function startRedis(options: RedisOptions = {}): Promise<TestRedis> {
  if (process.env.TEST_REDIS_URL) return { url: process.env.TEST_REDIS_URL, stop: async () => {} };
  const port = options.port ?? (await freePort());
  const persistence = options.dataDir
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.dataDir]
    : ['--appendonly', 'no'];
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
    stdio: 'ignore',
  });
  await waitForPort(port, child);
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

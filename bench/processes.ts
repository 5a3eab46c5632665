/**
 * Starts the standalone sandbox, a gateway and the hand-written proxy as child processes, each on its own event loop
 * (and core). The gateway and the sandbox run the compiled dist/ with NODE_ENV=production, as `npm start` does
 * (bench/run.ts builds it first when it is stale).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/support/ports.js';

export interface Child {
  url: string;
  process: ChildProcess;
  /** CPU time (user + system) the process has used so far, in ms, from /proc (10 ms steps). */
  cpuMs(): number;
  /** Sends `question` over IPC (a child started with `ipc`) and resolves with its first answer. */
  ask<T>(question: string): Promise<T>;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

function cpuMsOf(pid: number | undefined): number {
  // Fields after the parenthesised command name: state is the 3rd field of the stat line, utime the 14th, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

export interface ChildOptions {
  /** The port to listen on (default: a free one), for a child that must know its own URL beforehand. */
  port?: number;
  /** Node flags before the entry, e.g. `--expose-gc` or a bench-only `--import`. */
  nodeArgs?: string[];
  /** The gateway entry to run instead of dist/main.js (e.g. another build, to compare two). */
  entry?: string;
  /** Opens an IPC channel (`child.process.send`), e.g. for bench/memory-probe.mjs. */
  ipc?: boolean;
}

/** Every child still running; killed when the bench process exits, however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not come up`);
}

async function start(entry: string, env: Record<string, string>, url: string, probe: string, options: ChildOptions): Promise<Child> {
  // tsx only for TypeScript: the entry itself, or a bench-only `--import` of a .ts file.
  const tsx = [entry, ...(options.nodeArgs ?? [])].some((arg) => arg.endsWith('.ts')) ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...tsx, ...(options.nodeArgs ?? []), entry], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: [
      'ignore',
      // BENCH_CHILD_STDOUT=1 shows the children's stdout (e.g. a node flag's trace, `--trace-gc-nvp`), =pipe hands it
      // to the bench script (`child.process.stdout`) to count from.
      process.env.BENCH_CHILD_STDOUT === 'pipe' ? 'pipe' : process.env.BENCH_CHILD_STDOUT ? 'inherit' : 'ignore',
      'inherit',
      ...(options.ipc ? ['ipc' as const] : []),
    ],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // A child that does not finish its shutdown in time is killed: a leftover would hold the stderr pipe.
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitUntilUp(url + probe, child);
  } catch (err) {
    await stop();
    throw err;
  }
  const ask = async <T>(question: string): Promise<T> => {
    const answer = once(child, 'message') as Promise<[T]>;
    child.send?.(question);
    return (await answer)[0];
  };
  return { url, process: child, cpuMs: () => cpuMsOf(child.pid), ask, stop };
}

export async function startSandboxProcess(env: Record<string, string> = {}, options: ChildOptions = {}): Promise<Child> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  return start('dist/sandbox/main.js', { SANDBOX_PORT: String(port), ...env }, url, '/files/probe.svg', options);
}

/** bench/proxy.ts in front of `upstreamUrl`. */
export async function startProxyProcess(upstreamUrl: string): Promise<Child> {
  const port = await freePort();
  return start('bench/proxy.ts', { PORT: String(port), UPSTREAM_URL: upstreamUrl }, `http://127.0.0.1:${port}`, '/', {});
}

export async function startGatewayProcess(
  upstreamUrl: string,
  apiKey: string,
  env: Record<string, string> = {},
  options: ChildOptions = {},
): Promise<Child> {
  const port = options.port ?? (await freePort());
  // Its durable state in a directory of its own, removed when it stops (unless the bench gives one).
  const dataDir = env.DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'aimusic-bench-data-'));
  const child = await start(
    options.entry ?? 'dist/main.js',
    {
      HOST: '127.0.0.1',
      AIMUSICAPI_BASE_URL: upstreamUrl,
      AIMUSICAPI_API_KEY: apiKey,
      LOG_LEVEL: 'warn',
      // One load generator is one caller: the per-caller limits would refuse it (they are not what is measured).
      RATE_LIMIT_PER_MINUTE: '0',
      UPSTREAM_READS_PER_MINUTE_PER_CALLER: '0',
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      ...env,
      PORT: String(port),
    },
    `http://127.0.0.1:${port}`,
    '/health',
    options,
  );
  if (!dataDir) return child;
  return { ...child, stop: async () => (await child.stop(), rmSync(dataDir, { recursive: true, force: true })) };
}

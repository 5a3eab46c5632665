/**
 * The compiled gateway (dist/main.js) and the standalone sandbox (dist/sandbox/main.js) as child processes
 * on Node 24 (this process's own binary), for tests that kill them: upstream state outlives the gateway, and the
 * gateway's durable state must outlive itself. dist/ is built by the global setup.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { freePort } from './ports.js';
import { removeDataDir, tempDataDir } from './stores.js';
import { waitFor } from './wait.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const compileCache = join(root, 'node_modules', '.cache', 'node-compile');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` (default SIGKILL) and resolves with the exit code (null when killed by the signal). */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Every child still running, killed when the test process exits however it exits. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const state = await waitFor(
    () =>
      child.exitCode !== null
        ? 'exited'
        : fetch(url).then(
            () => 'up' as const,
            () => undefined,
          ),
    `${url} to come up`,
    30_000,
  ).catch(() => 'down' as const);
  if (state === 'exited') throw new Error(`${url}: exited with ${child.exitCode}:\n${output()}`);
  if (state !== 'up') throw new Error(`${url} did not come up:\n${output()}`);
}

/** A dist/ entry as a child process (killed with this one), its output kept, and when it exits with which code. */
function spawnChild(entry: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [join(root, entry)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = once(child, 'exit').then(([code]) => (running.delete(child), code as number | null));
  return { child, output: () => text, exited };
}

async function startChild(entry: string, env: Record<string, string>, url: string, probe: string): Promise<ChildServer> {
  // Node's compile cache spares each child most of the time it spends compiling the same modules again.
  const { child, output, exited } = spawnChild(entry, { NODE_ENV: 'production', NODE_COMPILE_CACHE: compileCache, ...env });
  const server: ChildServer = {
    url,
    process: child,
    output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  try {
    await waitUntilUp(url + probe, child, server.output);
  } catch (err) {
    await server.kill();
    throw err;
  }
  return server;
}

/** The standalone sandbox (`npm run sandbox`), on a port of its own. */
export async function startSandboxProcess(env: Record<string, string> = {}): Promise<ChildServer> {
  const port = await freePort();
  return startChild('dist/sandbox/main.js', { SANDBOX_PORT: String(port), ...env }, `http://127.0.0.1:${port}`, '/files/probe.svg');
}

/** The gateway as production runs it; `env.PORT` keeps its address across restarts (default: a free port). */
export async function startGatewayProcess(env: Record<string, string>): Promise<ChildServer> {
  const port = env.PORT ?? String(await freePort());
  const full = { HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', ...env, PORT: port };
  return startChild('dist/main.js', full, `http://127.0.0.1:${port}`, '/health');
}

/**
 * Gateway processes for one suite, each on a DATA_DIR of its own: `start(env)` starts one (on top of `baseEnv`); all
 * are killed, and their DATA_DIRs removed, once the suite is over.
 */
export function gatewayProcesses(baseEnv: Record<string, string> = {}): (env?: Record<string, string>) => Promise<ChildServer> {
  const dirs: string[] = [];
  const children: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    dirs.forEach(removeDataDir);
  });
  return async (env = {}) => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const child = await startGatewayProcess({ DATA_DIR: dataDir, ...baseEnv, ...env });
    children.push(child);
    return child;
  };
}

/** Upstream task reads a gateway process made, from its own metrics. */
export async function taskReads(gateway: ChildServer): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('aimusic_upstream_requests_total{') && line.includes('method="GET"') && line.includes('task'))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

export interface SandboxLog {
  calls: { method: string; path: string; at: number }[];
  webhooks: { taskId: string; event: string; status: number | null }[];
}

/** Moves a sandbox process's clock on by `ms`: its tasks advance as if that much time had passed. */
export async function advanceSandbox(sandboxUrl: string, ms: number): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_sandbox/advance?ms=${ms}`, { method: 'POST' });
  if (!res.ok) throw new Error(`the sandbox did not advance its clock: ${res.status}`);
}

/** What reached a sandbox process (GET /_sandbox/calls). */
export async function sandboxLog(sandboxUrl: string): Promise<SandboxLog> {
  return (await (await fetch(`${sandboxUrl}/_sandbox/calls`)).json()) as SandboxLog;
}

/**
 * The gateway started where it must refuse to: resolves with its exit code and output once it exits, or with
 * 'started' (after killing it) if it comes up instead, so that a gateway that should have refused neither hangs the
 * test nor outlives it.
 */
export async function refusedGatewayStart(env: Record<string, string>): Promise<{ code: number | null; output: string } | 'started'> {
  const port = String(await freePort());
  const { child, output, exited } = spawnChild('dist/main.js', { HOST: '127.0.0.1', ...env, PORT: port });
  const verdict = await waitFor(
    () =>
      child.exitCode !== null
        ? 'exited'
        : fetch(`http://127.0.0.1:${port}/health`).then(
            (res) => (res.status === 200 ? ('started' as const) : undefined),
            () => undefined,
          ),
    'the gateway to exit (or come up)',
    30_000,
  );
  if (verdict === 'started') {
    child.kill('SIGKILL');
    await exited;
    return 'started';
  }
  return { code: await exited, output: output() };
}

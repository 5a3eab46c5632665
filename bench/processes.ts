/** Starts the standalone sandbox and a gateway as child processes, each on its own event loop (and core). */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../test/ports.js';

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface ChildOptions {
  /** The port to listen on (default: a free one), for a child that must know its own URL beforehand. */
  port?: number;
  /** Node flags before the entry, e.g. `--expose-gc` or a bench-only `--import`. */
  nodeArgs?: string[];
  /** Opens an IPC channel (`child.process.send`), e.g. for bench/memory-probe.ts. */
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
  const child = spawn(process.execPath, ['--import', 'tsx', ...(options.nodeArgs ?? []), entry], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit', ...(options.ipc ? ['ipc' as const] : [])],
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
  return { url, process: child, stop };
}

export async function startSandboxProcess(env: Record<string, string> = {}, options: ChildOptions = {}): Promise<Child> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  return start('src/upstream/sandbox/main.ts', { SANDBOX_PORT: String(port), ...env }, url, '/files/probe.svg', options);
}

export async function startGatewayProcess(
  upstreamUrl: string,
  apiKey: string,
  env: Record<string, string> = {},
  options: ChildOptions = {},
): Promise<Child> {
  const port = options.port ?? (await freePort());
  return start(
    'src/main.ts',
    { HOST: '127.0.0.1', AIMUSICAPI_BASE_URL: upstreamUrl, AIMUSICAPI_API_KEY: apiKey, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env, PORT: String(port) },
    `http://127.0.0.1:${port}`,
    '/health',
    options,
  );
}

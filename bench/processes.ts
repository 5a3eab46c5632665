/** Starts the standalone sandbox and a gateway as child processes, each on its own event loop (and core). */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../test/ports.js';


export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
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

async function start(entry: string, env: Record<string, string>, url: string, probe: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntilUp(url + probe, child);
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startSandboxProcess(env: Record<string, string> = {}): Promise<Child> {
  const port = await freePort();
  return start('src/upstream/sandbox/main.ts', { SANDBOX_PORT: String(port), ...env }, `http://127.0.0.1:${port}`, '/files/probe.svg');
}

export async function startGatewayProcess(upstreamUrl: string, apiKey: string, env: Record<string, string> = {}): Promise<Child> {
  const port = await freePort();
  return start(
    'src/main.ts',
    { PORT: String(port), HOST: '127.0.0.1', AIMUSICAPI_BASE_URL: upstreamUrl, AIMUSICAPI_API_KEY: apiKey, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', ...env },
    `http://127.0.0.1:${port}`,
    '/health',
  );
}

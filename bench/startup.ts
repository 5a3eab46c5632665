/**
 * Benchmark 6: `npm start` after a build, as a user runs it (`node scripts/start.mjs`, which checks that dist/ is
 * fresh and runs it with NODE_ENV=production): the time from spawning the process until `/health` answers 200, and
 * its resident memory once idle. Each run is a new process; the figures are the median and the worst of `runs`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts } from '../test/support/ports.js';

export interface StartupRun {
  /** Spawn to the first 200 from /health. */
  readyMs: number;
  /** VmRSS after `idleMs` of idling. */
  idleRssBytes: number;
}

export interface StartupResult {
  mode: string;
  runs: StartupRun[];
  idleMs: number;
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1024;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

async function startOnce(env: Record<string, string>, idleMs: number): Promise<StartupRun> {
  // The in-process sandbox gets a port of its own too: one it picked itself could be the one chosen for the gateway.
  const [port, sandboxPort] = await freePorts(2);
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    while (!(await healthy(`http://127.0.0.1:${port}/health`))) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - started > 30_000) throw new Error('npm start was not healthy within 30 s');
      await sleep(5);
    }
    const readyMs = performance.now() - started;
    await sleep(idleMs);
    return { readyMs, idleRssBytes: rssOf(child.pid as number) };
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

/** `env` picks the mode: none for the sandbox (the README's `npm start`), or an upstream and key. */
export async function benchStartup(mode: string, env: Record<string, string>, runs = 5, idleMs = 3_000): Promise<StartupResult> {
  const results: StartupRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await startOnce(env, idleMs));
  return { mode, runs: results, idleMs };
}

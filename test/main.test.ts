import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { demoClip } from '../src/upstream/sandbox/store.js';
import { gql } from './helpers.js';
import { removeDataDir, tempDataDir } from './stores.js';

/**
 * `npm start` as a newcomer runs it: no key, so the in-process sandbox; then a stems split over HTTP. The child runs
 * scripts/start.mjs on the dist/ that the global setup built, as `npm start` does. Starting a process on a busy
 * machine can take long: these tests get a minute, and nothing in them measures time.
 */
const start = (env: Record<string, string | undefined>) =>
  spawn(process.execPath, ['scripts/start.mjs'], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

describe('npm start', { timeout: 60_000 }, () => {
  const dataDir = tempDataDir();
  afterAll(() => removeDataDir(dataDir));

  it('starts on the sandbox, serves GraphiQL, /health and a stems split, and stops on SIGTERM', async () => {
    const child = start({ PORT: '0', HOST: '127.0.0.1', SANDBOX_TASK_MS: '200', DATA_DIR: dataDir });
    const lines: string[] = [];
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        lines.push(...chunk.trim().split('\n'));
        const match = /GraphiQL at (http:\/\/[^/\s]+)\/graphql/.exec(chunk);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${lines.join('\n')}`)));
    });
    try {
      const url = await ready;
      expect(lines.some((l) => l.includes('No AIMUSICAPI_API_KEY set: using the built-in sandbox upstream'))).toBe(true);

      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', upstream: 'sandbox' });

      const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).toContain('aimusic-graphql');
      expect(html).toContain('SplitDemoSong');
      expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/); // GraphiQL assets are served locally

      const split = await gql(url, `mutation($c: ID!) { splitStemsFull(clipId: $c) { id status } }`, { c: demoClip.id });
      const id = split.data!.splitStemsFull.id;
      await new Promise((r) => setTimeout(r, 250));
      const done = await gql(url, `query($id: ID!) { task(id: $id) { status stems { kind } } }`, { id });
      expect(done.data!.task.status).toBe('SUCCEEDED');
      expect(done.data!.task.stems).toHaveLength(12);
    } finally {
      const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve([child.exitCode]);
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
  });

  it('refuses a bad configuration with a clear message and exit code 1', async () => {
    const child = start({ PORT: 'eighty' });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain('PORT');
  });
});

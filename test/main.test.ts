import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { demoClip } from '../src/sandbox/index.js';
import { gql } from './support/helpers.js';
import { subscribeSse } from './support/live.js';
import { removeDataDir, tempDataDir } from './support/stores.js';

/**
 * `npm start` as a newcomer runs it: no key, so the in-process sandbox; GraphiQL's example tabs; a stems split over
 * HTTP; a song whose end arrives by the sandbox's webhook. The child runs
 * scripts/start.mjs on the dist/ that the global setup built, as `npm start` does. Starting a process on a busy
 * machine can take long: these tests get a minute, and nothing in them measures time.
 */
const start = (env: Record<string, string | undefined>) =>
  spawn(process.execPath, ['scripts/start.mjs'], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

/** GraphiQL's tab title rule (graphiql's fuzzyExtractOperationName); the served bundle must have it. */
const tabTitleRule = /^(?!#).*(query|subscription|mutation)\s+([a-zA-Z0-9_]+)/m;

/**
 * The example tabs of the GraphiQL page as GraphiQL names them (after the first operation in a tab, else
 * "<untitled>"), with the rule found in the page's own bundle (the script it names): every tab has a name, and the
 * first tab's directions point to tabs by names that exist.
 */
async function expectNamedTabs(url: string, page: string): Promise<void> {
  const bundle = /<script src="(\/assets\/graphiql\.[\w-]+\.js)"><\/script>/.exec(page)?.[1];
  expect(bundle).toBeDefined();
  expect(await (await fetch(`${url}${bundle}`)).text()).toContain(String(tabTitleRule));
  const options = /renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);\s*<\/script>/s.exec(page)?.[1];
  const { defaultTabs } = JSON.parse(options!) as { defaultTabs: { query: string }[] };
  const names = defaultTabs.map((tab) => tabTitleRule.exec(tab.query)?.[2] ?? '<untitled>');
  expect(names).toEqual(['SplitDemoSong', 'ReadTask', 'WatchTask', 'CreateSong', 'TempoOfDemoSong', 'CaptureVoice']);
  const pointedTo = [...defaultTabs[0]!.query.matchAll(/the (\S+) tab\b/g)].map((m) => m[1]);
  expect(pointedTo).toEqual(['WatchTask', 'ReadTask']);
  for (const name of pointedTo) expect(names).toContain(name);
}

describe('npm start', { timeout: 60_000 }, () => {
  const dataDir = tempDataDir();
  afterAll(() => removeDataDir(dataDir));

  it('starts on the sandbox, serves GraphiQL, /health, a stems split and webhooks from the sandbox, and stops on SIGTERM', async () => {
    // Polls are ten minutes apart: within the test, only the sandbox's webhook can tell a subscriber a task ended.
    const child = start({ PORT: '0', HOST: '127.0.0.1', SANDBOX_TASK_MS: '1000', POLL_INTERVAL_MS: '600000', DATA_DIR: dataDir });
    let out = '';
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /GraphiQL at (http:\/\/[^/\s]+)\/graphql/.exec(out);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    try {
      const url = await ready;
      expect(out).toContain('No AIMUSICAPI_API_KEY set: using the built-in sandbox upstream');

      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', upstream: 'sandbox' });

      const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expect(html).toContain('aimusic-graphql');
      expect(html).toContain('SplitDemoSong');
      expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/); // GraphiQL assets are served locally
      await expectNamedTabs(url, html);

      const split = await gql(url, `mutation($c: ID!) { splitStemsFull(clipId: $c) { id status } }`, { c: demoClip.id });
      const readSplit = () =>
        gql(url, `query($id: ID!) { task(id: $id) { status stems { kind } } }`, { id: split.data!.splitStemsFull.id });
      await expect.poll(async () => (await readSplit()).data?.task.status, { interval: 100 }).toBe('SUCCEEDED');
      expect((await readSplit()).data!.task.stems).toHaveLength(12);

      // A song asks for a webhook, to the gateway's own address: its end reaches the subscriber by that webhook.
      expect(out).toContain(`The sandbox sends its webhooks to ${url}/webhooks/aimusic.`);
      const key = { authorization: 'Bearer newcomer-key-0001' };
      const song = await gql(url, `mutation { createMusic(input: { description: "a calm piano piece" }) { id } }`, {}, key);
      const id = song.data!.createMusic.id as string;
      const sub = subscribeSse(url, id, 'newcomer-key-0001');
      try {
        await sub.until((s) => s.completed);
        expect(sub.statuses().at(-1)).toBe('SUCCEEDED');
      } finally {
        await sub.close();
      }
      // The gateway logs the delivery after passing it on, and its stdout may reach this process after the event.
      const accepted = () =>
        out
          .split('\n')
          .filter((line) => line.includes('webhook accepted'))
          .map((line) => JSON.parse(line) as { taskId: string; status: string });
      await expect.poll(accepted).toContainEqual(expect.objectContaining({ taskId: id, status: 'SUCCEEDED' }));
    } finally {
      const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve([child.exitCode]);
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
  });

  it('under npm itself, stops with npm: SIGTERM to `npm start` reaches the gateway (no orphan keeps the port)', async () => {
    // npm runs a script through `sh -c`, and forwards SIGTERM to that shell; a shell that only waits for node dies and
    // leaves node running. The scripts `exec` node, so node is npm's child and gets the signal itself.
    const npmCli = process.env.npm_execpath;
    const [command, args] = npmCli?.endsWith('.js') ? [process.execPath, [npmCli, 'start']] : ['npm', ['start']];
    const npm = spawn(command, args, {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: whatever is left of it (an orphaned gateway, if this fails) is killed at the end.
      detached: true,
    });
    let out = '';
    npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    npm.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    try {
      await expect.poll(() => /GraphiQL at (http:\/\/[^/\s]+)\/graphql/.exec(out)?.[1], { timeout: 45_000 }).toBeDefined();
      const url = /GraphiQL at (http:\/\/[^/\s]+)\/graphql/.exec(out)![1]!;
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const exited = once(npm, 'exit');
      npm.kill('SIGTERM');
      await exited;
      // The gateway drained and closed its port: nothing answers there any more.
      await expect.poll(() => out).toContain('"msg":"shutting down"');
      await expect
        .poll(() =>
          fetch(`${url}/health`).then(
            () => 'answered',
            () => 'closed',
          ),
        )
        .toBe('closed');
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
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

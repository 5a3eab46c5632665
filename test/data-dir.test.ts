/**
 * DATA_DIR is private, and holds no secret usable on its own. The directory is 0700 and every file in it 0600, made
 * so and tightened at start (with a log line) when an older release or a umask left them readable. Webhook secrets
 * are derived from a server key kept apart from the database, so a copy of gateway.db cannot sign a delivery, while
 * a record written before (its secret in clear) still verifies. With Redis and PUBLIC_URL, the instances must share
 * WEBHOOK_SIGNING_KEY: without it the gateway does not start.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { gql, manualClock, startGateway, startSandbox } from './support/helpers.js';
import { freePort } from './support/ports.js';
import { startGatewayProcess, type ChildServer } from './support/processes.js';
import { removeDataDir, tempDataDir } from './support/stores.js';
import { ConfigError } from '../src/config.js';
import { signedWebhookHeaders } from '../src/upstream/signatures.js';

const mode = (path: string) => `0${(statSync(path).mode & 0o777).toString(8)}`;

/** Every file and directory under `dir` (itself included) with its mode. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': mode(dir) };
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) found[entry] = mode(join(dir, entry));
  return found;
}

describe('the data directory', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  const children: ChildServer[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    dirs.forEach(removeDataDir);
  });
  const dataDir = () => {
    const dir = tempDataDir();
    dirs.push(dir);
    return dir;
  };
  /** `npm start`'s gateway (the in-process sandbox, so webhooks are asked for) on `dir`. */
  const start = async (dir: string) => {
    const child = await startGatewayProcess({ DATA_DIR: dir });
    children.push(child);
    return child;
  };

  it('is created owner-only (the directory and instances/ 0700, every file 0600); one left readable by others is tightened at start, and the log says so', async () => {
    const dir = join(dataDir(), 'new', 'data');
    const first = await start(dir);
    await gql(first.url, 'mutation { createMusic(input: { description: "a first song" }) { id } }');
    const found = modes(dir);
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['gateway.db', 'gateway.db-wal', 'gateway.db-shm', 'webhook-signing.key']));
    for (const [path, m] of Object.entries(found)) {
      const isDir = statSync(join(dir, path)).isDirectory();
      expect(m, path).toBe(isDir ? '0700' : '0600');
    }
    // The key is never logged (the log names the file it is in).
    const key = readFileSync(join(dir, 'webhook-signing.key'), 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(43);
    // The log reaches this process through a pipe, maybe after /health answered: waited for, not read once.
    await expect.poll(() => first.output()).toContain(join(dir, 'webhook-signing.key'));
    expect(first.output()).not.toContain(key);
    expect(first.output()).not.toMatch(/readable by others/);
    await first.kill('SIGTERM');

    // As a release before (or a umask of 022) left them.
    chmodSync(dir, 0o755);
    for (const name of ['gateway.db', 'webhook-signing.key']) chmodSync(join(dir, name), 0o644);
    const second = await start(dir);
    expect(mode(dir)).toBe('0700');
    expect(mode(join(dir, 'gateway.db'))).toBe('0600');
    expect(mode(join(dir, 'webhook-signing.key'))).toBe('0600');
    await expect.poll(() => second.output()).toContain(`${dir} was readable by others (mode 0755): its mode is now 0700.`);
    await expect
      .poll(() => second.output())
      .toContain(`${join(dir, 'gateway.db')} was readable by others (mode 0644): its mode is now 0600.`);
    await expect
      .poll(() => second.output())
      .toContain(`${join(dir, 'webhook-signing.key')} was readable by others (mode 0644): its mode is now 0600.`);
    await second.kill('SIGTERM');
  });
});

describe('webhook secrets are derived, not stored', () => {
  const clock = manualClock(Date.now());
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDataDir));

  it('no value of a copy of gateway.db signs a delivery; the secret the upstream was given does; a record written before still verifies', async () => {
    const sandbox = await startSandbox(20_000, clock.now);
    const port = await freePort();
    const dir = tempDataDir();
    dirs.push(dir);
    const gw = await startGateway(sandbox.url, { PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dir, POLL_INTERVAL_MS: '60000' }, port);
    try {
      const id = (await gql(gw.url, `mutation { createMusic(input: { description: "a calm piano piece" }) { id } }`)).data!.createMusic.id;
      const given = (sandbox.calls.at(-1)!.body as { webhook_secret: string }).webhook_secret;
      const deliver = (secret: string, taskId: string, deliveryId: string) => {
        const body = JSON.stringify({ code: 200, task_id: taskId, data: [{ clip_id: `${taskId}-c1`, state: 'succeeded', title: 'Song' }] });
        const headers = signedWebhookHeaders(secret, body, {
          id: deliveryId,
          event: 'song.completed',
          timestamp: Math.floor(Date.now() / 1000),
        });
        return fetch(`${gw.url}/webhooks/aimusic`, { method: 'POST', headers, body }).then((res) => res.status);
      };

      // What someone who copied gateway.db has (a backup, made as docs/deploying.md says): every value of every row.
      const copy = join(dir, 'stolen.db');
      const live = new DatabaseSync(join(dir, 'gateway.db'), { readOnly: true });
      await backup(live, copy);
      live.close();
      const db = new DatabaseSync(copy, { readOnly: true });
      const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
      const values = tables.flatMap(({ name }) =>
        (db.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[]).flatMap((row) => Object.values(row).map(String)),
      );
      db.close();
      expect(values).toContain(id);
      expect(values.some((value) => value.includes(given))).toBe(false);
      const candidates = [...new Set(values.flatMap((value) => [value, value.replace(/^derived:/, '')]))];
      for (const [i, candidate] of candidates.entries()) expect(await deliver(candidate, id, `stolen-${i}`), candidate).toBe(401);
      expect(existsSync(join(dir, 'webhook-signing.key'))).toBe(true);

      // The upstream, which was given the secret, is believed.
      expect(await deliver(given, id, 'real-1')).toBe(200);

      // A record of the release before: its secret in clear.
      const legacySecret = 'a-secret-kept-in-clear-by-the-release-before-x';
      await gw.services.registry.remember({
        id: 'legacy-task-0001',
        kind: 'CREATE_MUSIC',
        tenant: 'someone',
        createdAt: Date.now(),
        status: 'PENDING',
        webhookSecret: legacySecret,
      });
      expect(await deliver(legacySecret, 'legacy-task-0001', 'legacy-1')).toBe(200);
    } finally {
      await gw.close();
      await sandbox.close();
    }
  });
});

describe('with Redis and PUBLIC_URL but no WEBHOOK_SIGNING_KEY', () => {
  it('the gateway does not start, and says why (main.ts prints a ConfigError and exits 1: test/main.test.ts)', async () => {
    const dir = tempDataDir();
    try {
      const env = { REDIS_URL: 'redis://127.0.0.1:1', PUBLIC_URL: 'https://music.example.com', DATA_DIR: dir };
      const started = startGateway('http://127.0.0.1:1', env);
      await expect(started).rejects.toThrow(ConfigError);
      await expect(started).rejects.toThrow('WEBHOOK_SIGNING_KEY: required with REDIS_URL and PUBLIC_URL');
    } finally {
      removeDataDir(dir);
    }
  });
});

/**
 * What only the embedded engine must prove: its state outlives the process (closed, or killed), its transactions
 * hold across processes on one DATA_DIR, expired rows are swept, and a DATA_DIR it cannot use stops the start with
 * a message naming it. Child processes run the compiled stores (dist/, built by the global setup).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Idempotency } from '../src/submit/idempotency.js';
import { databaseFile } from '../src/store/sqlite/database.js';
import { openSqliteStores, StoreOpenError } from '../src/store/sqlite/index.js';
import { manualClock } from './support/helpers.js';
import { removeDataDir, tempDataDir } from './support/stores.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDataDir));
const dataDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};

/** Runs `code` (an ES module body that may use `stores`, opened on `dir` from dist/) in a child Node process. */
function storeProcess(dir: string, code: string) {
  const module = `import { openSqliteStores } from ${JSON.stringify(join(root, 'dist/store/sqlite/index.js'))};
    const stores = openSqliteStores(${JSON.stringify(dir)});
    ${code}`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', module], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = once(child, 'exit');
  return {
    child,
    output: () => out,
    /** Resolves with what it printed once it has printed `text`. */
    printed: async (text: string) => {
      while (!out.includes(text)) {
        if (child.exitCode !== null) throw new Error(`child exited with ${child.exitCode}: ${out}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return out;
    },
    exited,
  };
}

const rowCount = (dir: string, table: string) => {
  const db = new DatabaseSync(join(dir, databaseFile), { readOnly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the embedded store', { timeout: 60_000 }, () => {
  it('keeps every store across a close and a reopen of DATA_DIR', async () => {
    const dir = dataDir();
    const policy = { limit: 100, windowMs: 3600_000 };
    const now = Date.now();
    const first = openSqliteStores(dir);
    const record = { id: 't1', kind: 'STEMS_FULL' as const, tenant: 'a', createdAt: now, status: 'RUNNING' as const, webhookSecret: 's' };
    await first.registry.remember(record);
    await new Idempotency(first.idempotency, { leaseMs: 1_000 }).run('a', 'k', 'fp', async () => ({ taskId: 't1' }));
    const reserved = await first.budgets.reserve('a', 30, policy, now);
    await first.durations.record('STEMS_FULL', 42_000, now);
    await first.ownership.record('a', [{ kind: 'clip', id: 'clip-1' }], now);
    await first.close();

    const second = openSqliteStores(dir);
    try {
      expect(await second.registry.lookup('t1')).toEqual(record);
      let ran = false;
      const replay = await new Idempotency(second.idempotency, { leaseMs: 1_000 }).run('a', 'k', 'fp', async () => ((ran = true), {}));
      expect([replay, ran]).toEqual([{ taskId: 't1' }, false]);
      expect(await second.budgets.usage('a', policy, now)).toMatchObject({ used: 30 });
      if (reserved.ok) await second.budgets.release(reserved.reservationId);
      expect(await second.budgets.usage('a', policy, now)).toMatchObject({ used: 0 });
      expect(await second.durations.recent('STEMS_FULL', 5)).toEqual([42_000]);
      expect(await second.ownership.owns('a', [{ kind: 'clip', id: 'clip-1' }])).toEqual([true]);
    } finally {
      await second.close();
    }
  });

  it('records its schema version, and refuses a database written by a newer release', async () => {
    const dir = dataDir();
    await openSqliteStores(dir).close();
    const db = new DatabaseSync(join(dir, databaseFile));
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: 4 });
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => openSqliteStores(dir)).toThrow(StoreOpenError);
    expect(() => openSqliteStores(dir)).toThrow(/DATA_DIR ".*".*schema version 99, newer than this gateway's 4/);
  });

  it('migrates a database of schema 1 to this release (migrations 2 to 4), keeping its rows', async () => {
    const dir = dataDir();
    const stores = openSqliteStores(dir);
    await stores.registry.remember({ id: 'kept', kind: 'CREATE_MUSIC', tenant: 'user:a', createdAt: Date.now(), status: 'SUCCEEDED' });
    await stores.close();
    // What schema 1 was: this release's database without what migrations 2 to 4 added.
    const db = new DatabaseSync(join(dir, databaseFile));
    db.exec('DROP TABLE owned; DROP TABLE write_probe; DROP INDEX tasks_by_webhook; PRAGMA user_version = 1');
    db.close();
    const migrated = openSqliteStores(dir);
    try {
      expect((await migrated.registry.lookup('kept'))?.tenant).toBe('user:a');
      await expect(migrated.registry.lookupByWebhook('derived:none')).resolves.toBeUndefined();
      await migrated.ownership.record('user:a', [{ kind: 'clip', id: 'c' }], Date.now());
      expect(await migrated.ownership.owns('user:a', [{ kind: 'clip', id: 'c' }])).toEqual([true]);
    } finally {
      await migrated.close();
    }
  });

  it('refuses a DATA_DIR that cannot be created, and a database file that is not one, naming DATA_DIR', () => {
    const dir = dataDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    expect(() => openSqliteStores(join(file, 'data'))).toThrow(/^DATA_DIR ".*a-file\/data" \(.*\) is not a directory\./);
    expect(() => openSqliteStores(file)).toThrow(/^DATA_DIR ".*a-file" \(.*\) is not a directory\./);

    const corrupt = join(dir, 'corrupt');
    mkdirSync(corrupt);
    writeFileSync(join(corrupt, databaseFile), 'x'.repeat(4096));
    expect(() => openSqliteStores(corrupt)).toThrow(
      /^DATA_DIR ".*corrupt".*gateway\.db is damaged \(file is not a database\).*restore it from a backup/,
    );
  });

  it('refuses a database whose header is sound but whose pages are damaged (not only when a request reads them)', async () => {
    const dir = dataDir();
    const stores = openSqliteStores(dir);
    for (let i = 0; i < 300; i++) {
      await stores.registry.remember({
        id: `task-${i}`,
        kind: 'CREATE_MUSIC',
        tenant: `user:u${i % 7}`,
        createdAt: 1_700_000_000_000 + i,
        status: 'PENDING',
      });
    }
    await stores.close();
    const path = join(dir, databaseFile);
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(3 * 4096);
    for (let i = 8192; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    expect(() => openSqliteStores(dir)).toThrow(
      /^DATA_DIR ".*".*gateway\.db is damaged \(its integrity check failed.*restore it from a backup/s,
    );
  });

  it('the gateway does not start on an unusable DATA_DIR: it exits 1 with a message naming it', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, databaseFile), 'x'.repeat(4096));
    const child = spawn(process.execPath, [join(root, 'dist/main.js')], {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain(`DATA_DIR ${JSON.stringify(dir)}`);
    expect(stderr).toContain('is damaged (file is not a database)');
  });

  it("a claim of a process that was killed is answered at once as unfinished; a live process's claim is waited for", async () => {
    const dir = dataDir();
    const claim = (key: string) =>
      `await stores.idempotency.claim(${JSON.stringify(key)}, { state: 'pending', fingerprint: 'fp', attempt: 'a1', leaseUntil: Date.now() + 600_000 }, 600_000);
       console.log('claimed');
       setInterval(() => {}, 1000);`;
    const dead = storeProcess(dir, claim('s:killed'));
    const alive = storeProcess(dir, claim('s:running'));
    await Promise.all([dead.printed('claimed'), alive.printed('claimed')]);
    dead.child.kill('SIGKILL');
    await dead.exited;

    const stores = openSqliteStores(dir);
    try {
      const idem = new Idempotency(stores.idempotency, { leaseMs: 600_000 });
      let ran = false;
      const replay = await idem.run('s', 'killed', 'fp', async () => ((ran = true), 'again')).catch((e: unknown) => e);
      expect(ran).toBe(false);
      expect(replay).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', details: { taskMayExist: true } });
      // The running process's claim keeps its lease: a replay would wait for its outcome.
      const running = await stores.idempotency.get('s:running');
      expect(running?.state === 'pending' && running.leaseUntil).toBeGreaterThan(Date.now());
    } finally {
      alive.child.kill('SIGKILL');
      await alive.exited;
      await stores.close();
    }
  });

  it('budget reservations from four processes at once never overspend', async () => {
    const dir = dataDir();
    const reserveTen = `
      const policy = { limit: 1000, windowMs: 3600_000 };
      const results = await Promise.all(Array.from({ length: 10 }, () => stores.budgets.reserve('shared', 50, policy, Date.now())));
      console.log(JSON.stringify(results.filter((r) => r.ok).length));
      await stores.close();`;
    await openSqliteStores(dir).close(); // the schema first, so that the children only race on reservations
    const children = Array.from({ length: 4 }, () => storeProcess(dir, reserveTen));
    await Promise.all(children.map((c) => c.exited));
    const granted = children.map((c) => Number(c.output().trim()));
    expect(granted.reduce((a, b) => a + b, 0)).toBe(20);
    const stores = openSqliteStores(dir);
    expect(await stores.budgets.usage('shared', { limit: 1000, windowMs: 3600_000 }, Date.now())).toMatchObject({
      used: 1000,
      remaining: 0,
    });
    await stores.close();
  });

  it('sweeps expired rows: old tasks, idempotency keys past their time, ended budget windows, old durations', async () => {
    const dir = dataDir();
    const clock = manualClock(Date.now());
    const stores = openSqliteStores(dir, { now: clock.now });
    try {
      await stores.registry.remember({ id: 'old', kind: 'CREATE_MUSIC', tenant: 'a', createdAt: clock.now(), status: 'PENDING' });
      await stores.idempotency.claim('a:k', { state: 'pending', fingerprint: 'fp', attempt: 'x', leaseUntil: clock.now() }, 24 * 3600_000);
      await stores.budgets.reserve('a', 10, { limit: 100, windowMs: 3600_000 }, clock.now());
      await stores.durations.record('CREATE_MUSIC', 1000, clock.now());
      await stores.ownership.record('a', [{ kind: 'clip', id: 'c' }], clock.now());
      const tables = ['tasks', 'idempotency', 'budget_usage', 'budget_reservations', 'durations', 'owned'];
      expect(tables.map((t) => rowCount(dir, t))).toEqual([1, 1, 1, 1, 1, 1]);
      clock.advance(2 * 3600_000);
      stores.sweep();
      expect(tables.map((t) => rowCount(dir, t))).toEqual([1, 1, 0, 0, 1, 1]);
      clock.advance(31 * 24 * 3600_000);
      stores.sweep();
      expect(tables.map((t) => rowCount(dir, t))).toEqual([0, 0, 0, 0, 0, 1]);
      clock.advance(335 * 24 * 3600_000);
      stores.sweep();
      expect(rowCount(dir, 'owned')).toBe(0);
    } finally {
      await stores.close();
    }
  });
});

/**
 * What a suite needs from the machine (a redis-server, a Chromium, leave to mount a small tmpfs) and what happens where it is missing: the suite is
 * skipped and says why, and `npm test` ends with one line listing the skipped suites and their reasons
 * (test/support/skip-reporter.ts). Where CI sets REQUIRE_<NAME>=1 a missing requirement is an error instead.
 *
 *   describe('two instances on one Redis', requires(redis), () => { ... });
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

declare module 'vitest' {
  interface TaskMeta {
    /** The requirement a suite declared with `requires()`, met or not. */
    requirement?: string;
    /** Why the suite was skipped: the missing requirement and how to install it. */
    skipReason?: string;
  }
}

export interface Requirement {
  name: string;
  available: boolean;
  /** What is missing and how to get it, shown when the suite is skipped. */
  missing: string;
}

function requirement(name: string, env: string, available: boolean, missing: string): Requirement {
  if (!available && process.env[env] === '1') throw new Error(`${env}=1 but ${missing}.`);
  return { name, available, missing };
}

/** Options for `describe(name, requires(x), fn)`: skipped, with the reason in its meta, where `x` is missing. */
export function requires(req: Requirement): { skip: boolean; meta: { requirement: string; skipReason?: string } } {
  return req.available
    ? { skip: false, meta: { requirement: req.name } }
    : { skip: true, meta: { requirement: req.name, skipReason: req.missing } };
}

export const redis = requirement(
  'Redis',
  'REQUIRE_REDIS',
  Boolean(process.env.TEST_REDIS_URL) || spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0,
  'no redis-server on PATH and no TEST_REDIS_URL (apt-get install redis-server)',
);

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromium = requirement(
  'Chromium',
  'REQUIRE_CHROMIUM',
  existsSync(chromiumPath),
  `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`,
);

/** Whether this process may mount a file system (root, or CAP_SYS_ADMIN): tried once, on a scratch directory. */
function mayMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = mkdtempSync(join(tmpdir(), 'aimusic-mount-probe-'));
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' }).status !== 0) return false;
    spawnSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A small tmpfs to fill up, for the full-disk tests (DATA_DIR on a disk with no space left). */
export const tmpfs = requirement(
  'a mountable tmpfs',
  'REQUIRE_TMPFS',
  mayMountTmpfs(),
  'this process may not mount a tmpfs (run the tests as root, or with CAP_SYS_ADMIN, on Linux)',
);

/**
 * `npm test`: the test suite (`vitest run`, with any arguments given) and, side by side with it, the checks that keep
 * the house in order: the type check (`tsc --noEmit`), the browser files' type check (`tsc -p tsconfig.web.json`),
 * the layers of src/ (dependency-cruiser, .dependency-cruiser.cjs) and the formatting (Biome, biome.json). The checks
 * are a dozen CPU-seconds that used to hold up every test; the suite spends much of its time waiting on sockets and
 * child processes, which leaves room for them. Their reports are printed after vitest's, and the exit code fails if
 * anything failed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
/**
 * tsc's notes of what it checked last time (--incremental): a run after a small change checks only what it touches,
 * and reports the errors of the files it did not check again from the notes (2 CPU-seconds instead of 6 here). One
 * file per checkout and project (node_modules may be shared between git worktrees, which must not overwrite each
 * other's notes); a missing or stale one only means a full check.
 */
const checkout = createHash('sha256').update(root).digest('hex').slice(0, 12);
const buildInfo = (project) => [
  '--incremental',
  '--tsBuildInfoFile',
  join(root, 'node_modules', '.cache', 'tsc', `${checkout}-${project}.tsbuildinfo`),
];
const exited = (child) => new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));

/** A check run quietly: its output is kept, and shown only when it fails. */
function check(name, args, fix) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let report = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (report += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (report += chunk));
  return exited(child).then((code) => ({ name, code, report, fix }));
}

const checks = [
  // One checker thread each: as fast here (they run beside the suite) for a third less CPU than tsc's default.
  check('Type check (tsc --noEmit)', [bin('typescript', 'bin/tsc'), '--noEmit', '--checkers', '1', ...buildInfo('main')]),
  check('Browser files type check (tsc -p tsconfig.web.json)', [
    bin('typescript', 'bin/tsc'),
    '-p',
    'tsconfig.web.json',
    '--checkers',
    '1',
    ...buildInfo('web'),
  ]),
  check('Layers of src/ (dependency-cruiser)', [
    bin('dependency-cruiser', 'bin/dependency-cruise.mjs'),
    'src',
    '--config',
    '.dependency-cruiser.cjs',
  ]),
  check('Formatting (biome format)', [bin('@biomejs/biome', 'bin/biome'), 'format', '.'], 'npm run format'),
];
const tests = spawn(process.execPath, [bin('vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
const [testsCode, ...results] = await Promise.all([exited(tests), ...checks]);
for (const { name, code, report, fix } of results) {
  if (code === 0) continue;
  process.stdout.write(`\n${report}`);
  console.error(`${name} failed (exit ${code}).${fix ? ` To fix: ${fix}.` : ''}`);
}
process.exit(testsCode || results.find((r) => r.code !== 0)?.code || 0);

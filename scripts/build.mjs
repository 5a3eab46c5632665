/**
 * `npm run build`: compiles src/ to dist/ (tsc with tsconfig.build.json) and copies the files that are not
 * TypeScript (the live page's HTML and script) beside the compiled modules that read them. Plain JavaScript, so
 * that it runs with no dev tool but the compiler; `isStale()` is what `npm start` uses to build only when needed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
/** Written last: a dist/ without it is a build that did not finish. */
const stamp = join(dist, '.build-stamp');
const inputs = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** True when dist/ is missing or older than any source or build setting. */
export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const sources = [...files(src), ...inputs.map((name) => join(root, name)).filter(existsSync)];
  return sources.some((path) => statSync(path).mtimeMs > built);
}

export function build({ quiet = false } = {}) {
  const started = performance.now();
  rmSync(dist, { recursive: true, force: true });
  // typescript's exports do not list its bin: find it beside its package.json.
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed (exit ${result.status ?? result.signal})`);
  for (const path of files(src)) {
    if (!/\.(ts|mts|cts)$/.test(path)) cpSync(path, join(dist, relative(src, path)));
  }
  writeFileSync(stamp, new Date().toISOString() + '\n');
  if (!quiet) console.error(`built dist/ in ${Math.round(performance.now() - started)} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    build();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

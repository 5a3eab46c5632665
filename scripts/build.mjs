/**
 * `npm run build`: compiles src/ to dist/ with esbuild, and copies the files that are not TypeScript (the live page's
 * HTML and script) beside the compiled modules that read them. Each source file becomes one module at the same place
 * in dist/ (so a module's `import.meta.url` is still beside its files), while the packages they import from
 * node_modules are bundled into shared chunks in dist/vendor/: a process then loads a dozen files instead of some
 * 1,100, which halves the time to start and saves ~20 MB (bench/RESULTS.md, benchmark 6). Type checking is tsc's
 * (`npm run typecheck`, part of `npm test` and of the Dockerfile's build stage).
 *
 * Plain JavaScript, so that it runs with no dev tool but the bundler; `isStale()` is what `npm start` uses to build
 * only when needed. `build()` is synchronous for its callers and runs esbuild (whose plugins need its asynchronous
 * API) in a child process: this file with `--compile`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
/** Written last: a dist/ without it is a build that did not finish. */
const stamp = join(dist, '.build-stamp');
const inputs = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
const isTypeScript = (path) => /\.(ts|mts|cts)$/.test(path);
/** Type declarations (src/web/globals.d.ts, for `npm run typecheck:web`) compile to nothing: not built, not copied. */
const isDeclaration = (path) => /\.d\.(ts|mts|cts)$/.test(path);

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
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--compile'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`esbuild failed (exit ${result.status ?? result.signal})`);
  for (const path of files(src)) {
    if (!isTypeScript(path)) cpSync(path, join(dist, relative(src, path)));
  }
  writeFileSync(stamp, new Date().toISOString() + '\n');
  if (!quiet) console.error(`built dist/ in ${Math.round(performance.now() - started)} ms`);
}

/** Imports between our own modules stay imports (one output file per source file); packages are bundled. */
const ownModulesStayModules = {
  name: 'own-modules-stay-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => (args.importer.startsWith(src) ? { path: args.path, external: true } : undefined));
  },
};

async function compile() {
  const { build: esbuild } = await import('esbuild');
  await esbuild({
    entryPoints: [...files(src)].filter((path) => isTypeScript(path) && !isDeclaration(path)),
    outbase: src,
    outdir: dist,
    bundle: true,
    splitting: true,
    chunkNames: 'vendor/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node24',
    sourcemap: true,
    plugins: [ownModulesStayModules],
    // Bundled CommonJS packages call `require`, which an ES module does not have.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv[2] === '--compile') await compile();
    else build();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}

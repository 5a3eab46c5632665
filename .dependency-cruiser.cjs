/**
 * The layers of src/, checked by `npm test` (scripts/test.mjs runs `depcruise src`). What each folder is for:
 * docs/development.md ("The source tree") and docs/architecture.md.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the pure types and rules: it imports nothing of ours outside src/domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'core-imports-only-domain',
      comment: 'The upstream client, the stores and the live-updates core import only src/domain and their own folder.',
      severity: 'error',
      from: { path: '^src/(upstream|store|live)/' },
      to: { path: '^src/', pathNot: ['^src/domain/', '^src/$1/'] },
    },
    {
      name: 'sandbox-is-its-own-program',
      comment: 'The sandbox simulates the upstream from its documented examples: it imports nothing of the gateway.',
      severity: 'error',
      from: { path: '^src/sandbox/' },
      to: { path: '^src/', pathNot: '^src/sandbox/' },
    },
    {
      name: 'sandbox-through-its-entry',
      comment: 'The gateway reaches the sandbox only through its narrow entry, src/sandbox/index.ts.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/sandbox/' },
      to: { path: '^src/sandbox/', pathNot: '^src/sandbox/index\\.ts$' },
    },
    {
      name: 'nothing-imports-the-composition-root',
      comment: 'src/app (and src/main.ts) build everything; nothing else in src/ imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$'] },
      to: { path: ['^src/app/', '^src/main\\.ts$'] },
    },
    {
      name: 'plugins-are-plugins',
      comment: 'src/plugins holds yoga/envelop plugins only, one per file, named use-x.ts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/plugins/(?!use-[a-z-]+\\.ts$)' },
    },
    {
      name: 'no-circular',
      comment:
        'Modules that import each other cannot be read (or moved) one at a time. A lazy import (tracing loads ' +
        'OpenTelemetry only when it is on) is not a load-order cycle.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds; Node loads the CJS one for our dependencies, so tests
    // must too, or two copies of graphql meet ("Cannot use GraphQLScalarType from another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ when stale, once, for the tests that run the gateway as a child process.
    globalSetup: ['test/support/global-setup.ts'],
    // The last line of a run says which suites were skipped and why (a missing redis-server or Chromium).
    reporters: ['default', './test/support/skip-reporter.ts'],
    // Half of the suite's time was loading yoga, Pothos and the schema again for every file. A worker keeps its
    // modules between files instead: the src modules hold no state of their own (every gateway, sandbox and
    // registry is built by the test that uses it), so files still share nothing. Worker threads rather than forked
    // processes: the same suite takes about a tenth less CPU (its gateways and child processes are unchanged).
    pool: 'threads',
    isolate: false,
    // Tests mostly wait on sockets, timers and child processes: one worker per core (vitest's default is one less, a
    // single worker on 2 cores) still left the cores idle a third of the time. One more than the cores keeps them busy
    // (on 2 cores: 44 s for `npm test` instead of 58 s) without starving them.
    maxWorkers: Math.max(2, availableParallelism() + 1),
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // expect.poll waits for a state, not for a time: its default 1 s is a wall-clock limit a busy machine breaks.
    expect: { poll: { timeout: 10_000 } },
  },
});

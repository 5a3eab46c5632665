/**
 * The one way tests wait: for a state, never for a time. `waitFor` retries `check` (built on vitest's `vi.waitFor`)
 * until it returns something other than `undefined` or `false`, and gives that back. The timeout is only there to
 * name what never came, well before the test's own; no busy machine should reach it. (`expect.poll` is the same
 * thing for an assertion.) A check that answers at once (a value in memory) is looked at every 5 ms; one that asks
 * over the network (it returns a promise: a process's /metrics, the sandbox's log) every 50 ms, so that waiting costs
 * the machine little CPU while the other suites run. Outside a vitest worker (the benchmarks share these helpers)
 * it waits the same way with a loop of its own, since `vi.waitFor` needs the worker.
 */
import { vi } from 'vitest';

export async function waitFor<T>(
  check: () => T | Promise<T>,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<Exclude<T, undefined | false>> {
  // The first look tells which kind of check this is (and counts as the first attempt).
  let first: T | Promise<T> | undefined = check();
  const interval = first instanceof Promise ? 50 : 5;
  const attempt = async () => {
    const answer = first ?? check();
    first = undefined;
    const value = await answer;
    if (value === undefined || value === false) throw new Error(`timed out waiting for ${what}`);
    return value as Exclude<T, undefined | false>;
  };
  if ((globalThis as { __vitest_worker__?: unknown }).__vitest_worker__ !== undefined) {
    return vi.waitFor(attempt, { timeout: timeoutMs, interval });
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

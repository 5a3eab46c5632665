/**
 * The one way tests wait: for a state, never for a time. `waitFor` retries `check` (built on vitest's `vi.waitFor`)
 * until it returns something other than `undefined` or `false`, and gives that back. The timeout is only there to
 * name what never came, well before the test's own; no busy machine should reach it. (`expect.poll` is the same
 * thing for an assertion.)
 */
import { vi } from 'vitest';

export async function waitFor<T>(
  check: () => T | Promise<T>,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<Exclude<T, undefined | false>> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (value === undefined || value === false) throw new Error(`timed out waiting for ${what}`);
      return value as Exclude<T, undefined | false>;
    },
    { timeout: timeoutMs, interval: 5 },
  );
}

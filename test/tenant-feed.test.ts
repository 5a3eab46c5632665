/**
 * The viewer's dashboard stream (src/live/tenant-feed.ts) when the bus fails as it stops: with Redis down, stopping to
 * listen rejects. Nobody awaits that, so it must be caught, or Node ends the process on the unhandled rejection.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { TenantFeed, type TenantFeedDeps } from '../src/live/tenant-feed.js';
import type { TaskRegistry } from '../src/domain/records.js';

describe('TenantFeed', () => {
  it('a viewer leaving while the bus cannot unsubscribe (Redis down) is logged, not an unhandled rejection', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    let unlistened = 0;
    const deps: TenantFeedDeps = {
      logger,
      registry: { list: async () => ({ records: [], hasNextPage: false, endCursor: null }) } as unknown as TaskRegistry,
      bus: {
        publish: async () => undefined,
        listen: async () => async () => {
          unlistened++;
          throw new Error('Reached the max retries per request limit (which is 2).');
        },
      },
      subscribe: async () => {
        throw new Error('no task in this test');
      },
    };
    let ended = 0;
    const feed = new TenantFeed('user:alice', deps, () => ended++);
    await feed.start();
    await feed.tasks.return!(); // the viewer's socket closed
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(unlistened).toBe(1);
    expect(ended).toBe(1);
    expect(lines.join('')).toContain('could not stop listening for the viewer');
  });
});

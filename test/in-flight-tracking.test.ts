/**
 * The two structures that track work in flight without a Map or Set that churns on every request (a churning one kept
 * nearly every request's objects alive until the next full GC; see their header comments): the HTTP drain's responses
 * in flight (swap-removal in an array) and the upstream client's shared reads (entries emptied in place, swept in bulk).
 */
import { EventEmitter } from 'node:events';
import type { Server, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Drain } from '../src/transport/http/drain.js';
import { ReadsInFlight } from '../src/upstream/reads-in-flight.js';

/** Enough of a ServerResponse for the drain: `close` events and headers. */
class FakeResponse extends EventEmitter {
  headers: Record<string, string> = {};
  headersSent = false;
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
}

function fakeServer() {
  const calls: string[] = [];
  const server = {
    close: (done: () => void) => {
      calls.push('close');
      done();
    },
    closeIdleConnections: () => calls.push('closeIdle'),
    closeAllConnections: () => calls.push('closeAll'),
  };
  return { server: server as unknown as Server, calls };
}

describe('Drain: responses in flight', () => {
  it('counts each response until its close, whatever order they close in, and once per response', () => {
    const drain = new Drain(fakeServer().server);
    const responses = Array.from({ length: 7 }, () => new FakeResponse());
    for (const res of responses) drain.track(res as unknown as ServerResponse);
    expect(drain.pending).toBe(7);
    for (const [i, at] of [3, 0, 6, 1].entries()) {
      responses[at]!.emit('close');
      expect(drain.pending).toBe(6 - i);
    }
    // A second close of the same response counts nothing.
    responses[3]!.emit('close');
    expect(drain.pending).toBe(3);
    for (const at of [5, 2, 4]) responses[at]!.emit('close');
    expect(drain.pending).toBe(0);
  });

  it('on close, marks the responses still in flight (and only those) connection: close, and waits for them', async () => {
    const { server, calls } = fakeServer();
    const drain = new Drain(server);
    const [done, open, sent] = [new FakeResponse(), new FakeResponse(), new FakeResponse()];
    for (const res of [done, open, sent]) drain.track(res as unknown as ServerResponse);
    done.emit('close');
    sent.headersSent = true;
    let closed = false;
    const closing = drain.close(10_000).then(() => (closed = true));
    await new Promise((r) => setImmediate(r));
    expect(open.headers.connection).toBe('close');
    expect(done.headers.connection).toBeUndefined();
    expect(sent.headers.connection).toBeUndefined();
    expect(closed).toBe(false);
    sent.emit('close');
    await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    open.emit('close');
    await closing;
    expect(calls).toContain('closeAll');
    // A request that arrives while draining is told at once.
    const late = new FakeResponse();
    drain.track(late as unknown as ServerResponse);
    expect(late.headers.connection).toBe('close');
  });
});

describe('ReadsInFlight: shared reads by key', () => {
  it('gives a read to every asker until it finishes, and not after', () => {
    const reads = new ReadsInFlight<{ n: number }>();
    const first = { n: 1 };
    reads.set('a', first);
    expect(reads.get('a')).toBe(first);
    expect(reads.size).toBe(1);
    reads.finish('a', first);
    expect(reads.get('a')).toBeUndefined();
    expect(reads.size).toBe(0);
  });

  it('a finished read does not end a newer one under the same key', () => {
    const reads = new ReadsInFlight<{ n: number }>();
    const [older, newer] = [{ n: 1 }, { n: 2 }];
    reads.set('a', older);
    reads.finish('a', older);
    reads.set('a', newer);
    reads.finish('a', older);
    expect(reads.get('a')).toBe(newer);
    expect(reads.size).toBe(1);
  });

  it('keeps its count right across sweeps of the emptied entries', () => {
    const reads = new ReadsInFlight<{ n: number }>(4);
    const live = { n: 0 };
    reads.set('live', live);
    for (let i = 0; i < 20; i++) {
      const read = { n: i };
      reads.set(`k${i % 7}`, read);
      expect(reads.size).toBe(2);
      reads.finish(`k${i % 7}`, read);
      expect(reads.size).toBe(1);
    }
    expect(reads.get('live')).toBe(live);
    // The emptied keys are gone once more than 4 wait: the map never holds more than the live entry and 5 empty ones.
    expect((reads as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(6);
  });
});

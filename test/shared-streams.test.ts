import { describe, expect, it } from 'vitest';
import { createChannel, type Channel } from '../src/live/channel.js';
import { SharedStreams, type Started } from '../src/transport/websocket/shared-streams.js';

/** A source stream the test drives, which counts how often it was started and stopped. */
function source() {
  const state = { starts: 0, stops: 0, current: undefined as Channel<string> | undefined };
  const start = async (): Promise<Started<string>> => {
    state.starts += 1;
    state.current = createChannel<string>(() => void (state.stops += 1));
    return state.current;
  };
  return { state, start };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function take(iterator: AsyncIterator<string>, count: number): Promise<string[]> {
  const values: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = await iterator.next();
    if (next.done) break;
    values.push(next.value);
  }
  return values;
}

async function rest(iterator: AsyncIterator<string>): Promise<string[]> {
  const values: string[] = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) values.push(next.value);
  return values;
}

const joinStream = async (streams: SharedStreams<string>, key: string, start: () => Promise<Started<string>>) =>
  (await streams.join(key, start)) as AsyncIterableIterator<string>;

describe('SharedStreams', () => {
  it('starts one stream for every subscriber of a key; each gets every value and the end', async () => {
    const streams = new SharedStreams<string>();
    const { state, start } = source();
    const [a, b] = await Promise.all([joinStream(streams, 'k', start), joinStream(streams, 'k', start)]);
    expect(state.starts).toBe(1);
    expect(streams.subscribers).toBe(2);
    state.current!.push('PENDING');
    state.current!.push('RUNNING');
    state.current!.end();
    expect(await rest(a!)).toEqual(['PENDING', 'RUNNING']);
    expect(await rest(b!)).toEqual(['PENDING', 'RUNNING']);
    expect(streams.running).toBe(0);
  });

  it('a late subscriber gets the latest value at once, then the later ones', async () => {
    const streams = new SharedStreams<string>();
    const { state, start } = source();
    const first = await joinStream(streams, 'k', start);
    state.current!.push('PENDING');
    state.current!.push('RUNNING');
    expect(await take(first, 2)).toEqual(['PENDING', 'RUNNING']);
    const late = await joinStream(streams, 'k', start);
    state.current!.push('SUCCEEDED');
    state.current!.end();
    expect(await rest(late)).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(await rest(first)).toEqual(['SUCCEEDED']);
    expect(state.starts).toBe(1);
  });

  it("tells how many subscribers share another one's execution, as they come and go and when the stream ends", async () => {
    let joined = 0;
    const streams = new SharedStreams<string>((delta) => void (joined += delta));
    const k = source();
    const other = source();
    const [a, b] = await Promise.all([1, 2, 3].map(() => joinStream(streams, 'k', k.start)));
    expect(joined).toBe(2);
    await joinStream(streams, 'other', other.start);
    expect(joined).toBe(2);
    await a!.return!();
    expect(joined).toBe(1);
    k.state.current!.end();
    expect(await b!.next()).toEqual({ value: undefined, done: true });
    expect(joined).toBe(0);
  });

  it('other keys get streams of their own', async () => {
    const streams = new SharedStreams<string>();
    const { state, start } = source();
    await joinStream(streams, 'a', start);
    await joinStream(streams, 'b', start);
    expect(state.starts).toBe(2);
    expect(streams.running).toBe(2);
  });

  it('stops the stream when its last subscriber leaves, and starts it again for the next one', async () => {
    const streams = new SharedStreams<string>();
    const { state, start } = source();
    const a = await joinStream(streams, 'k', start);
    const b = await joinStream(streams, 'k', start);
    await a.return!();
    expect(state.stops).toBe(0);
    state.current!.push('RUNNING');
    expect(await take(b, 1)).toEqual(['RUNNING']);
    await b.return!();
    expect(state.stops).toBe(1);
    expect(streams.running).toBe(0);

    const again = await joinStream(streams, 'k', start);
    expect(state.starts).toBe(2);
    state.current!.push('SUCCEEDED');
    expect(await take(again, 1)).toEqual(['SUCCEEDED']);
  });

  it('a subscriber that leaves before the stream has started stops it once it has', async () => {
    const streams = new SharedStreams<string>();
    let release: (() => void) | undefined;
    const { state, start } = source();
    const slowStart = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return start();
    };
    const joined = joinStream(streams, 'k', slowStart);
    await tick();
    expect(streams.subscribers).toBe(1);
    release!();
    const iterator = await joined;
    await iterator.return!();
    expect(state.stops).toBe(1);
    expect(streams.running).toBe(0);
  });

  it('a single value instead of a stream (a refusal) goes to everyone who asked, and nothing stays running', async () => {
    const streams = new SharedStreams<string>();
    let starts = 0;
    const refuse = async () => {
      starts += 1;
      return 'NOT_FOUND';
    };
    expect(await Promise.all([streams.join('k', refuse), streams.join('k', refuse)])).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(starts).toBe(1);
    expect(streams.running).toBe(0);
  });

  it('a start that throws rejects every joiner; a stream that throws ends every subscriber with its error', async () => {
    const streams = new SharedStreams<string>();
    const broken = async (): Promise<Started<string>> => {
      throw new Error('no start');
    };
    await expect(Promise.all([streams.join('k', broken), streams.join('k', broken)])).rejects.toThrow('no start');
    expect(streams.running).toBe(0);

    const failing: AsyncIterable<string> = {
      [Symbol.asyncIterator]: () => ({ next: async () => Promise.reject(new Error('mid-stream')) }),
    };
    const a = await joinStream(streams, 'k', async () => failing);
    const b = await joinStream(streams, 'k', async () => failing);
    await expect(a.next()).rejects.toThrow('mid-stream');
    await expect(b.next()).rejects.toThrow('mid-stream');
    expect(await a.next()).toEqual({ value: undefined, done: true });
    expect(streams.running).toBe(0);
  });
});

describe('createChannel', () => {
  it('gives what was queued before the end, then done; ended with an error, that error once', async () => {
    const plain = createChannel<string>(() => undefined);
    plain.push('a');
    plain.end();
    plain.push('ignored');
    expect(await rest(plain)).toEqual(['a']);

    const failed = createChannel<string>(() => undefined);
    failed.push('a');
    const waiting = take(failed, 1);
    expect(await waiting).toEqual(['a']);
    const pending = failed.next();
    failed.end(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    expect(await failed.next()).toEqual({ value: undefined, done: true });
  });

  it('return() drops what is queued, ends the stream and unregisters once', async () => {
    let returned = 0;
    const channel = createChannel<string>(() => void (returned += 1));
    channel.push('a');
    await channel.return!();
    await channel.return!();
    expect(returned).toBe(1);
    expect(await channel.next()).toEqual({ value: undefined, done: true });
  });
});

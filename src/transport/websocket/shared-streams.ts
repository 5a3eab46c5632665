/**
 * Identical live subscriptions share one execution. Every subscriber of a task holds the task owner's key, and
 * most send the same document with the same variables (the same page open in many tabs, a team watching one
 * render). Run separately, each holds its own resolver, executor and plugin state (several KB) and is executed
 * again for every event; shared, the stream is executed once per event and each subscriber costs a queue.
 *
 * A subscriber that asks for a stream under the key of a running one joins it: it gets the latest value at once,
 * then every later value, and ends when the stream ends. Only streams of states may be shared, where the latest
 * value is what a new subscriber would have been sent first anyway. The stream is stopped when its last subscriber
 * leaves; the next one to ask starts it again.
 */
import { createChannel, type Channel } from '../../live/channel.js';

/** What starting a stream gives: the stream, or a single value (a refusal, e.g. an error result) for all who asked. */
/**
 * A stream whose values are rendered from a source's events as they come (state-subscription.ts): the shared stream
 * pulls the source and renders each event itself, so a stream holds one pending read, not one per layer.
 */
export interface RenderedSource<T> {
  readonly source: AsyncIterator<unknown>;
  render(event: unknown): Promise<T>;
  /** The stream is over (its source ended or failed, or nobody listens): called once. */
  close(): void;
}

/** What starting a stream gives: a stream of values, a source to render, or a single value (a refusal) for all. */
export type Started<T> = AsyncIterable<T> | RenderedSource<T> | T;

/** What a subscriber gets: its own stream of the values, or the single value starting gave instead. */
export type Joined<T> = AsyncIterable<T> | T;

function isAsyncIterable<T>(value: Started<T>): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function isRendered<T>(value: Started<T>): value is RenderedSource<T> {
  return typeof value === 'object' && value !== null && 'render' in value && 'source' in value;
}

/** Told how many subscribers share another's execution, as that number changes (+n or −n). */
export type OnJoined = (delta: number) => void;

class SharedStream<T> {
  /**
   * Its subscribers: the only one as itself, a set from the second on. Unshared subscriptions each have a stream of
   * their own, and a set for one member would cost ~0.2 KB more of each.
   */
  private members: Channel<T> | Set<Channel<T>> | undefined;
  /** Subscribers beyond the first while the stream runs, as last told to `onJoined`. */
  private joined = 0;
  /** For late joiners. */
  private latest: { value: T } | undefined;
  private source: AsyncIterator<unknown> | undefined;
  /** How the source's events become values, when they are rendered here (else they are the values). */
  private renderer: RenderedSource<T> | undefined;
  private over = false;
  /** Until the stream has started (then `source` is set, and a joiner need not wait). */
  private started: Promise<Started<T>> | undefined;

  constructor(
    start: () => Promise<Started<T>>,
    /** The running streams, where this one is under `key` until it is over (then nobody may join it any more). */
    private readonly streams: Map<string, SharedStream<T>>,
    private readonly key: string,
    private readonly onJoined: OnJoined | undefined,
  ) {
    const started = start();
    this.started = started;
    started.then(
      (value) => this.run(value),
      () => this.finish(),
    );
  }

  get size(): number {
    const members = this.members;
    return members === undefined ? 0 : members instanceof Set ? members.size : 1;
  }

  async join(): Promise<Joined<T>> {
    const channel = createChannel<T>(this);
    this.add(channel);
    this.count();
    if (this.latest) channel.push(this.latest.value);
    if (!this.started) return channel; // running already
    let started: Started<T>;
    try {
      started = await this.started;
    } catch (err) {
      this.remove(channel);
      this.count();
      throw err;
    }
    if (isAsyncIterable(started) || isRendered(started)) return channel;
    this.remove(channel);
    this.count();
    return started as T;
  }

  private run(started: Started<T>): void {
    if (isRendered(started)) {
      this.renderer = started;
      this.source = started.source;
    } else if (isAsyncIterable(started)) {
      this.source = started[Symbol.asyncIterator]();
    } else {
      return this.finish();
    }
    this.started = undefined;
    if (this.size === 0) return this.stop();
    this.pump(this.source);
  }

  /**
   * Passes each value on until the source ends. Callbacks rather than an async loop: a suspended async function
   * keeps its whole frame, the last value included, for as long as it waits (a stream per subscriber when none share).
   */
  private pump(source: AsyncIterator<unknown>): void {
    source.next().then(
      (next) => {
        if (next.done) return this.finish();
        if (!this.renderer) return this.deliver(next.value as T, source);
        this.renderer.render(next.value).then(
          (value) => this.deliver(value, source),
          (err: unknown) => this.finish(err ?? new Error('The stream failed.')),
        );
      },
      (err: unknown) => this.finish(err ?? new Error('The stream failed.')),
    );
  }

  private deliver(value: T, source: AsyncIterator<unknown>): void {
    if (this.over) return;
    this.latest = { value };
    const members = this.members;
    if (members instanceof Set) for (const member of members) member.push(value);
    else members?.push(value);
    this.pump(source);
  }

  private add(member: Channel<T>): void {
    const members = this.members;
    if (members === undefined) this.members = member;
    else if (members instanceof Set) members.add(member);
    else this.members = new Set([members, member]);
  }

  private remove(member: Channel<T>): void {
    const members = this.members;
    if (members === member) this.members = undefined;
    else if (members instanceof Set) members.delete(member);
  }

  /** A subscriber went away (its channel's `return()`). */
  returned(member: Channel<T>): void {
    this.remove(member);
    this.count();
    if (this.size === 0) this.stop();
  }

  private count(): void {
    const joined = this.over ? 0 : Math.max(0, this.size - 1);
    if (joined !== this.joined) this.onJoined?.(joined - this.joined);
    this.joined = joined;
  }

  /** Nobody listens: the source is told to stop (its pending read then ends the pump). */
  private stop(): void {
    if (this.over) return;
    this.finish();
    void this.source?.return?.().catch(() => undefined);
  }

  private finish(failure?: unknown): void {
    if (!this.over) {
      this.over = true;
      if (this.streams.get(this.key) === this) this.streams.delete(this.key);
      this.renderer?.close();
    }
    const members = this.members;
    this.members = undefined;
    if (members instanceof Set) for (const member of members) member.end(failure);
    else members?.end(failure);
    this.count();
  }
}

export class SharedStreams<T> {
  private readonly streams = new Map<string, SharedStream<T>>();

  /**
   * `onJoined`: told how many subscribers, beyond the first of each running stream, share another's execution
   * (e.g. to count them as open subscriptions where executions are counted).
   */
  constructor(private readonly onJoined?: OnJoined) {}

  /**
   * The running stream under `key`, joined, or a new one from `start()`. Resolves with the subscriber's own
   * iterator, or with the single value `start()` gave instead of a stream; rejects when `start()` does.
   */
  join(key: string, start: () => Promise<Started<T>>): Promise<Joined<T>> {
    let stream = this.streams.get(key);
    if (!stream) {
      stream = new SharedStream(start, this.streams, key, this.onJoined);
      this.streams.set(key, stream);
    }
    return stream.join();
  }

  /** Streams running now. */
  get running(): number {
    return this.streams.size;
  }

  /** Subscribers of all running streams. */
  get subscribers(): number {
    let total = 0;
    for (const stream of this.streams.values()) total += stream.size;
    return total;
  }
}

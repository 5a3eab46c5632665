/**
 * A push-to-pull queue: a producer pushes values, a transport (yoga SSE, graphql-ws) pulls them with `for await`.
 * It is registered with its producer as soon as it exists, and `return()` (the consumer went away) unregisters it.
 * A class, not a closure bundle: a gateway holds one per live subscription, tens of thousands at a time, and
 * methods on the prototype cost nothing per instance.
 */
export interface Channel<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
  /** No more values: the consumer gets what is queued, then `done` (or, given an error, that error thrown once). */
  end(error?: unknown): void;
}

/**
 * Told once when the consumer goes away (`return()`): a function, or an object told which of its channels it was, so
 * that an owner of many channels holds no closure for each (~0.1 KB apiece, per live subscription).
 */
export type OnReturn<T> = (() => void) | { returned(channel: Channel<T>): void };

const done = <T>(): IteratorResult<T> => ({ value: undefined, done: true });

class QueueChannel<T> implements Channel<T> {
  private queue: T[] | undefined;
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;
  private onReturn: OnReturn<T> | undefined;

  constructor(onReturn: OnReturn<T>) {
    this.onReturn = onReturn;
  }

  push(value: T): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve({ value, done: false });
    } else {
      (this.queue ??= []).push(value);
    }
  }

  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    if (error !== undefined) this.failure = { error };
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) this.settle(waiting);
  }

  async next(): Promise<IteratorResult<T>> {
    const queue = this.queue;
    if (queue?.length) {
      const value = queue.shift() as T;
      // An emptied array keeps its grown backing store; tens of thousands of idle channels would hold it for nothing.
      if (queue.length === 0) this.queue = undefined;
      return { value, done: false };
    }
    if (this.ended) return new Promise((resolve, reject) => this.settle({ resolve, reject }));
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  async return(): Promise<IteratorResult<T>> {
    this.cancel();
    return done();
  }

  async throw(error: unknown): Promise<IteratorResult<T>> {
    this.cancel();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The end of the stream for a consumer that has taken every value: the error once, if there is one, then done. */
  private settle({ resolve, reject }: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void }): void {
    const failure = this.failure;
    this.failure = undefined;
    if (failure) reject(failure.error);
    else resolve(done());
  }

  private cancel(): void {
    this.queue = undefined;
    this.failure = undefined;
    this.end();
    const onReturn = this.onReturn;
    this.onReturn = undefined;
    if (typeof onReturn === 'function') onReturn();
    else onReturn?.returned(this);
  }
}

export function createChannel<T>(onReturn: OnReturn<T>): Channel<T> {
  return new QueueChannel(onReturn);
}

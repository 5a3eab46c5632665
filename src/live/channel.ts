/**
 * A push-to-pull queue: the feed pushes events, a transport (yoga SSE, graphql-ws) pulls them with `for await`.
 * It is registered with its producer as soon as it exists, and `return()` (the client went away) unregisters it.
 */
export interface Channel<T> extends AsyncIterableIterator<T> {
  push(value: T): void;
  /** No more values: the consumer gets what is queued, then `done`. */
  end(): void;
}

export function createChannel<T>(onReturn: () => void): Channel<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let ended = false;
  let returned = false;
  const done = (): IteratorResult<T> => ({ value: undefined, done: true });
  const cancel = () => {
    queue.length = 0;
    channel.end();
    if (!returned) {
      returned = true;
      onReturn();
    }
  };

  const channel: Channel<T> = {
    push(value) {
      if (ended) return;
      if (waiting) {
        waiting({ value, done: false });
        waiting = undefined;
      } else {
        queue.push(value);
      }
    },
    end() {
      ended = true;
      waiting?.(done());
      waiting = undefined;
    },
    async next() {
      if (queue.length > 0) return { value: queue.shift() as T, done: false };
      if (ended) return done();
      return new Promise<IteratorResult<T>>((resolve) => (waiting = resolve));
    },
    return: async () => {
      cancel();
      return done();
    },
    throw: async (error: unknown) => {
      cancel();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return channel;
    },
  };
  return channel;
}

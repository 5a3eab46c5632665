/**
 * Many graphql-ws subscribers of `taskUpdated`, in this process: each subscriber is one subscription, spread over
 * `sockets` WebSocket connections (one per subscriber is the browser case). Every event is stamped with
 * `performance.now()` on arrival, in this process's clock.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export const watchQuery = 'subscription($id: ID!) { taskUpdated(taskId: $id) { id status observedAt clips { id duration audioUrl } } }';

export interface WatchedTask {
  id: string;
  status: string;
  clips: { id: string; duration: number | null }[];
}

/** Called for every event, with the subscriber's index and the arrival time. */
export type EventListener = (subscriber: number, task: WatchedTask, receivedAt: number) => void;

export interface SubscriberPool {
  readonly size: number;
  readonly sockets: number;
  /** Resolves once every subscriber has had its first event (the task's current state). */
  readonly firstEvents: Promise<void>;
  /** Subscribers whose stream completed. */
  readonly completed: number;
  onEvent(listener: EventListener | undefined): void;
  /** Closes every socket (graphql-ws `dispose`, close code 1000). */
  dispose(): Promise<void>;
}

export interface PoolOptions {
  gatewayUrl: string;
  apiKey: string;
  /** The task each subscriber watches. */
  taskIds: string[];
  /** How many WebSocket connections carry them (default: one per subscriber). */
  sockets?: number;
  /**
   * Gives each subscriber variables of its own (an extra, unused one), so that no two subscriptions are identical
   * and the gateway cannot share their execution.
   */
  distinct?: boolean;
  /** Connections opened at once (default 200), so that the listen backlog never overflows. */
  connectConcurrency?: number;
  deadlineMs: number;
}

/** `promise`, or a rejection naming `what` after `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not done in ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens the sockets and subscriptions; resolves once every socket is connected (first events may still be on their way). */
export async function openSubscribers(options: PoolOptions): Promise<SubscriberPool> {
  const { taskIds, deadlineMs } = options;
  const socketCount = options.sockets ?? taskIds.length;
  const concurrency = options.connectConcurrency ?? 200;
  const url = options.gatewayUrl.replace(/^http/, 'ws') + '/graphql';
  const clients: Client[] = [];
  let listener: EventListener | undefined;
  let firstSeen = 0;
  let completed = 0;
  let failure: ((err: Error) => void) | undefined;
  let allFirst: (() => void) | undefined;
  const firstEvents = new Promise<void>((resolve, reject) => {
    allFirst = resolve;
    failure = reject;
  });
  firstEvents.catch(() => undefined); // observed by whoever awaits it
  const seen = new Uint8Array(taskIds.length);

  const subscribe = (client: Client, subscriber: number) =>
    client.subscribe<{ taskUpdated: WatchedTask }>(
      { query: watchQuery, variables: { id: taskIds[subscriber], ...(options.distinct ? { subscriber } : {}) } },
      {
        next: (result) => {
          const receivedAt = performance.now();
          const task = result.data?.taskUpdated;
          if (!task) return failure?.(new Error(`subscriber ${subscriber}: ${JSON.stringify(result.errors)}`));
          if (!seen[subscriber]) {
            seen[subscriber] = 1;
            if (++firstSeen === taskIds.length) allFirst?.();
          }
          listener?.(subscriber, task, receivedAt);
        },
        error: (err) => failure?.(new Error(`subscriber ${subscriber}: ${err instanceof Error ? err.message : JSON.stringify(err)}`)),
        complete: () => void (completed += 1),
      },
    );

  const openSocket = (socket: number) =>
    new Promise<void>((resolve, reject) => {
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${options.apiKey}` },
        retryAttempts: 0,
        lazy: true,
        on: { connected: () => resolve(), closed: (event) => reject(new Error(`socket ${socket} closed: ${JSON.stringify(event)}`)) },
      });
      clients.push(client);
      for (let subscriber = socket; subscriber < taskIds.length; subscriber += socketCount) subscribe(client, subscriber);
    });

  const opening = (async () => {
    for (let first = 0; first < socketCount; first += concurrency) {
      const batch = [];
      for (let socket = first; socket < Math.min(socketCount, first + concurrency); socket++) batch.push(openSocket(socket));
      await Promise.all(batch);
    }
  })();
  const pool: SubscriberPool = {
    size: taskIds.length,
    sockets: socketCount,
    firstEvents: firstEvents.then(() => undefined),
    get completed() {
      return completed;
    },
    onEvent: (next) => void (listener = next),
    async dispose() {
      listener = undefined;
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
  try {
    await withDeadline(opening, deadlineMs, `opening ${socketCount} sockets`);
  } catch (err) {
    await pool.dispose();
    throw err;
  }
  return pool;
}

/** Waits for every subscriber's first event, within `ms`. */
export function firstEventsWithin(pool: SubscriberPool, ms: number): Promise<void> {
  return withDeadline(pool.firstEvents, ms, `first events of ${pool.size} subscribers`);
}

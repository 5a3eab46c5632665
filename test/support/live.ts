/** Test harness for live updates: graphql-ws and SSE subscribers that record what they receive. */
import { createClient } from 'graphql-ws';
import { Agent, fetch } from 'undici';
import WebSocket from 'ws';
import type { GraphQLResponse } from './helpers.js';
export { freePort } from './ports.js';

export const taskUpdatedQuery = `subscription($id: ID!) {
  taskUpdated(taskId: $id) { id kind status observedAt clips { id status audioUrl } error }
}`;

/** What one subscriber received. */
export interface Subscriber {
  readonly results: GraphQLResponse[];
  readonly completed: boolean;
  /** The subscriber's statuses so far, in order. */
  statuses(): string[];
  /**
   * Resolves when `predicate` holds (checked as results arrive). Fails after 10 s with what was received, which only a
   * broken gateway reaches: it waits for states, not for a time.
   */
  until(predicate: (s: Subscriber) => boolean): Promise<void>;
  close(): Promise<void>;
}

function recorder(close: () => Promise<void> | void) {
  const waiters = new Set<() => void>();
  const state = {
    results: [] as GraphQLResponse[],
    completed: false,
    statuses: () => state.results.map((r) => r.data?.taskUpdated?.status ?? `error:${r.errors?.[0]?.extensions?.code}`),
    until(predicate: (s: Subscriber) => boolean) {
      if (predicate(state)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; received ${JSON.stringify(state.statuses())}, completed=${state.completed}`));
        }, 10_000);
        const check = () => {
          if (!predicate(state)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close: async () => void (await close()),
    record(result: GraphQLResponse | 'complete') {
      if (result === 'complete') state.completed = true;
      else state.results.push(result);
      for (const waiter of [...waiters]) waiter();
    },
  };
  return state;
}

/**
 * A graphql-ws socket initialised with this authorization and held open: `verdict` is 'open' once acknowledged, or the
 * close code it was refused with; `close` ends it.
 */
export function initialisedSocket(baseUrl: string, authorization: string): { verdict?: number | 'open'; close(): void } {
  const state: { verdict?: number | 'open'; close(): void } = { close: () => undefined };
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: {
      connected: () => (state.verdict ??= 'open'),
      closed: (event) => (state.verdict = state.verdict === 'open' ? state.verdict : (event as CloseEvent).code),
    },
  });
  state.close = () => void client.dispose();
  return state;
}

/** A graphql-ws subscriber; the key travels in the connection_init payload. */
export function subscribeWs(baseUrl: string, taskId: string, apiKey: string, query = taskUpdatedQuery): Subscriber {
  const client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${apiKey}` },
    retryAttempts: 0,
  });
  const state = recorder(() => client.dispose());
  client.subscribe(
    { query, variables: { id: taskId } },
    {
      next: (result) => state.record(result as GraphQLResponse),
      error: (error) => {
        const errors = Array.isArray(error) ? error : [{ message: String(error), extensions: { code: 'SOCKET_ERROR' } }];
        state.record({ errors } as GraphQLResponse);
        state.record('complete');
      },
      complete: () => state.record('complete'),
    },
  );
  return state;
}

/** A subscriber over server-sent events (yoga's GraphQL over SSE, distinct-connections mode). */
export function subscribeSse(baseUrl: string, taskId: string, apiKey: string): Subscriber {
  const abort = new AbortController();
  // A connection pool of its own: the shared one reconnects after an abort, which would hold the server open.
  const dispatcher = new Agent();
  const state = recorder(async () => {
    abort.abort();
    await dispatcher.destroy();
  });
  void (async () => {
    const res = await fetch(`${baseUrl}/graphql`, {
      dispatcher,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: taskUpdatedQuery, variables: { id: taskId } }),
      signal: abort.signal,
    });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(message)?.[1];
        const data = message
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (event === 'complete') state.record('complete');
        else if (data) state.record(JSON.parse(data) as GraphQLResponse);
      }
    }
  })().catch((err: unknown) => {
    if (!abort.signal.aborted) state.record({ errors: [{ message: String(err), extensions: { code: 'SSE_ERROR' } }] });
  });
  return state;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

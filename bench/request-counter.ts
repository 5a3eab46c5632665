/**
 * Bench-only, loaded into the sandbox child with `--import ./bench/request-counter.ts`: counts the upstream task
 * reads the process receives (from node's own `http.server.request.start` diagnostics channel, so the sandbox is
 * untouched) and answers the parent's `'task-reads'` message with the count so far.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

const taskRead = /^\/api\/v1\/(sonic|producer)\/task\//;
let reads = 0;

subscribe('http.server.request.start', (message) => {
  const { request } = message as { request: IncomingMessage };
  if (request.method === 'GET' && taskRead.test(request.url ?? '')) reads += 1;
});

process.on('message', (message) => {
  if (message === 'task-reads') process.send?.(reads);
});

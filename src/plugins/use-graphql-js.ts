/**
 * Execution by graphql-js itself rather than yoga's default (@graphql-tools/executor, which adds @defer/@stream and
 * cancellation that this schema does not use, and costs more per field: bench/RESULTS.md, benchmark 1). Every
 * transport executes through yoga's envelop, so this one plugin sets the executor for HTTP, SSE and graphql-ws.
 */
import { execute, subscribe } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const useGraphQLJs: Plugin = {
  onExecute({ setExecuteFn }) {
    setExecuteFn(execute);
  },
  onSubscribe({ setSubscribeFn }) {
    setSubscribeFn(subscribe);
  },
};

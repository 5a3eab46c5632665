/**
 * The request scope: the current request's id and the secrets it carries (its API key), so that every log line
 * written while serving it can be tagged with the id and scrubbed of the key (src/observability/logger.ts), whoever
 * writes it (our code, yoga, a library).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestScope {
  requestId: string;
  /** Secrets this request carries (its API key). */
  secrets: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

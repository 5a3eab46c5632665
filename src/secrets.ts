/**
 * Keeping API keys out of text that leaves the process: `redact` scrubs known secrets from a string, and the
 * request scope carries the current request's id and key so that every log line written while serving it can be
 * scrubbed and tagged, whoever writes it (our code, yoga, a library).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Replaces every occurrence of each secret in `text`, also URL-encoded or base64 (as an echo may carry it). */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s), Buffer.from(s).toString('base64')])) out = out.split(form).join('[redacted]');
  }
  return out;
}

/** Any bearer credential, known or not. */
const bearerPattern = /(Bearer\s+)[^\s"',;]+/gi;

export function redactBearer(text: string): string {
  return text.replace(bearerPattern, '$1[redacted]');
}

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

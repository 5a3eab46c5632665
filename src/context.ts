/** What every resolver gets: the long-lived services, who is calling (src/access) and its per-request loaders. */
import type DataLoader from 'dataloader';
import type { Caller } from './access/index.js';
import { GatewayError } from './errors.js';
import type { Services } from './services.js';
import { createTaskLoader } from './tasks/loader.js';
import type { Task } from './tasks/task.js';

export { bearerKey } from './access/caller.js';

export interface Context {
  services: Services;
  /** Who is calling, as the transport's adapter identified it. */
  caller: Caller;
  /** The upstream key for this request: the client's own bearer token, else the server's key. Never log it. */
  apiKey: string | undefined;
  /** Returns the key or throws UNAUTHENTICATED; call it before any upstream work. */
  requireApiKey(): string;
  /** Who owns the tasks this request may see: `user:<sub>` when signed in, else the fingerprint of the key. */
  tenant: string;
  /** Per-request task reads: each id fetched once. */
  readonly tasks: TaskReads;
}

export interface TaskReads {
  load(id: string): Promise<Task>;
  /** The reads made so far in this request (src/http/finished-answers.ts keeps answers made only of finished tasks). */
  readonly loaded: readonly Promise<Task>[];
}

export function createContext(services: Services, caller: Caller): Context {
  const { apiKey, tenant } = caller;
  const requireApiKey = () => {
    if (caller.credentialProblem) throw new GatewayError('UNAUTHENTICATED', caller.credentialProblem);
    if (!apiKey) {
      throw new GatewayError('UNAUTHENTICATED', 'No API key: send "Authorization: Bearer <api key>" or set AIMUSICAPI_API_KEY.');
    }
    return apiKey;
  };
  // A plain property, not a getter (yoga copies the context object, which would run a getter for every request). The
  // DataLoader itself is made on the first read: mutations and subscriptions, each holding a context, read none.
  let loader: DataLoader<string, Task> | undefined;
  const loaded: Promise<Task>[] = [];
  const tasks: TaskReads = {
    loaded,
    load: (id) => {
      const read = (loader ??= createTaskLoader(services, requireApiKey, tenant)).load(id);
      loaded.push(read);
      return read;
    },
  };
  return { services, caller, apiKey, tenant, requireApiKey, tasks };
}

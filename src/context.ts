/** What every resolver gets: the long-lived services and the calling client's key and loaders. */
import type DataLoader from 'dataloader';
import { GatewayError } from './errors.js';
import type { Services } from './services.js';
import { createTaskLoader } from './tasks/loader.js';
import { tenantOf, type Task } from './tasks/task.js';

export interface Context {
  services: Services;
  /** The upstream key for this request: the client's own bearer token, else the server's key. Never log it. */
  apiKey: string | undefined;
  /** Returns the key or throws UNAUTHENTICATED; call it before any upstream work. */
  requireApiKey(): string;
  /** Fingerprint of the key that owns the tasks this request may see. */
  tenant: string;
  /** Per-request task reads: each id fetched once. */
  readonly tasks: DataLoader<string, Task>;
}

const bearerPattern = /^Bearer\s+(\S+)\s*$/i;

/** The key a request carries in `Authorization: Bearer ...`; `null` if it carries a malformed header. */
export function bearerKey(header: string | null | undefined): string | undefined | null {
  if (!header) return undefined;
  return bearerPattern.exec(header)?.[1] ?? null;
}

export function createContext(services: Services, authorization: string | null | undefined): Context {
  const own = bearerKey(authorization);
  const apiKey = own === null ? undefined : (own ?? services.config.apiKey);
  const tenant = apiKey ? tenantOf(apiKey) : 'anonymous';
  const requireApiKey = () => {
    if (own === null) throw new GatewayError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <api key>".');
    if (!apiKey) {
      throw new GatewayError('UNAUTHENTICATED', 'No API key: send "Authorization: Bearer <api key>" or set AIMUSICAPI_API_KEY.');
    }
    return apiKey;
  };
  // A plain property, not a getter: yoga copies the context object, which would run a getter for every request.
  return { services, apiKey, tenant, requireApiKey, tasks: createTaskLoader(services, requireApiKey, tenant) };
}

/**
 * What every resolver gets: the long-lived services (built once by src/app/services.ts), who is calling (src/access)
 * and its per-request loaders.
 */
import type DataLoader from 'dataloader';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Access, Caller } from './access/index.js';
import type { Config } from './config.js';
import { GatewayError } from './domain/errors.js';
import type { TaskRegistry } from './domain/records.js';
import type { Task } from './domain/task.js';
import type { LiveTasks } from './live/live-tasks.js';
import type { Metrics } from './observability/metrics.js';
import type { Tracing } from './observability/tracing.js';
import type { BudgetStore, DurationHistory, Stores } from './store/types.js';
import type { Idempotency } from './submit/idempotency.js';
import type { ClipIndex } from './tasks/clip-locator.js';
import type { FinishedTasks } from './tasks/finished-cache.js';
import { createTaskLoader } from './tasks/loader.js';
import type { ProgressEstimates } from './tasks/progress.js';
import type { UpstreamClient } from './upstream/client.js';

export { bearerKey } from './access/caller.js';

export interface Services {
  config: Config;
  upstream: UpstreamClient;
  /** Which tenant owns which task, of which kind, with which webhook secret, in which state (src/store). */
  registry: TaskRegistry;
  /** Per-tenant credit budgets (src/store). */
  budgets: BudgetStore;
  /** How long finished tasks took, per kind (src/store). */
  durations: DurationHistory;
  /** The engine the stores above belong to (SQLite in DATA_DIR, or Redis), closed with the services. */
  stores: Stores;
  /** Finished tasks kept in memory (and Redis), served with no upstream call; unset when FINISHED_TASK_CACHE_MB is 0. */
  finished?: FinishedTasks;
  /** Which task holds a clip, for a tenant, from the tasks this instance read (`node(id:)` of a Clip). */
  clips: ClipIndex;
  logger: Logger;
  metrics: Metrics;
  idempotency: Idempotency;
  /** Who may call, from where, how often (every transport applies these rules). */
  access: Access;
  /** Live task updates: subscriptions, their polls, and states pushed by webhooks. */
  live: LiveTasks;
  /** `Task.submittedAt` and `Task.estimatedCompletionAt`, from the registry and the durations. */
  progress: ProgressEstimates;
  /** The Redis connections, when REDIS_URL is set (commands; pub/sub subscriber). */
  redis?: { commands: Redis; subscriber: Redis };
  /** OpenTelemetry spans, when OTEL_EXPORTER_OTLP_ENDPOINT is set (src/observability/tracing.ts: loadTracing). */
  tracing?: Tracing;
}

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
  /** The reads made so far in this request (src/transport/http/answer-cache.ts keeps answers made only of finished tasks). */
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

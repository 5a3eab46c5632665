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
import type { StoreHealth } from './store/health.js';
import type { Outbox } from './store/outbox.js';
import type { UnreadableAnswers } from './observability/unreadable.js';
import type { BudgetStore, DurationHistory, OwnershipStore, Stores } from './store/types.js';
import type { Idempotency } from './submit/idempotency.js';
import type { ClipIndex } from './tasks/clip-locator.js';
import type { FinishedTasks } from './tasks/finished-cache.js';
import type { FreshTasks } from './tasks/fresh-cache.js';
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
  /** What webhook secrets are derived from (src/app/webhook-key.ts); unset when no webhook can be asked for. Never log it. */
  webhookKey?: Uint8Array;
  /** Who owns which clip, persona and vox id (src/store), checked by src/submit/ownership.ts. */
  ownership: OwnershipStore;
  /** The engine the stores above belong to (SQLite in DATA_DIR, or Redis), closed with the services. */
  stores: Stores;
  /** Outcomes of paid work the store could not take yet, written as soon as it can (src/store/outbox.ts). */
  outbox: Outbox;
  /** Whether paid work can be recorded now: /health's readiness, and the paid submit's gate (src/store/health.ts). */
  health: StoreHealth;
  /** Finished tasks kept in memory (and Redis), served with no upstream call; unset when FINISHED_TASK_CACHE_MB is 0. */
  finished?: FinishedTasks;
  /** Running tasks as last observed, for TASK_READ_MAX_AGE_MS (src/tasks/fresh-cache.ts); unset when it is 0. */
  fresh?: FreshTasks;
  /** Which task holds a clip, for a tenant, from the tasks this instance read (`node(id:)` of a Clip). */
  clips: ClipIndex;
  logger: Logger;
  metrics: Metrics;
  /** Counts and logs (once per shape) upstream answers and deliveries the gateway cannot read. */
  unreadable: UnreadableAnswers;
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

/** The upstream key a caller spends, or UNAUTHENTICATED. */
function keyOf(caller: Caller): string {
  if (caller.credentialProblem) throw new GatewayError('UNAUTHENTICATED', caller.credentialProblem);
  if (!caller.apiKey) {
    throw new GatewayError('UNAUTHENTICATED', 'No API key: send "Authorization: Bearer <api key>" or set AIMUSICAPI_API_KEY.');
  }
  return caller.apiKey;
}

/**
 * `Context.requireApiKey`, one function for every context (`this` is the context, or yoga's copy of it, which keeps
 * its `caller`): a context lives as long as its subscription, tens of thousands at a time, so it holds no closures.
 */
function requireApiKey(this: Pick<Context, 'caller'>): string {
  return keyOf(this.caller);
}

const noReads: readonly Promise<Task>[] = [];

/**
 * One request's task reads. The DataLoader is made on the first read (mutations and subscriptions, each holding a
 * context, read none), and every upstream read it causes passes the caller's read guard first
 * (src/access/index.ts: readGuard).
 */
class RequestTaskReads implements TaskReads {
  private loader: DataLoader<string, Task> | undefined;
  private reads: Promise<Task>[] | undefined;

  constructor(
    private readonly services: Services,
    private readonly caller: Caller,
  ) {}

  get loaded(): readonly Promise<Task>[] {
    return this.reads ?? noReads;
  }

  load(id: string): Promise<Task> {
    const { services, caller } = this;
    this.loader ??= createTaskLoader(services, () => keyOf(caller), caller.tenant, services.access.readGuard(caller));
    const read = this.loader.load(id);
    (this.reads ??= []).push(read);
    return read;
  }
}

export function createContext(services: Services, caller: Caller): Context {
  // Plain properties, not getters: yoga copies the context object, which would run a getter for every request.
  return { services, caller, apiKey: caller.apiKey, tenant: caller.tenant, requireApiKey, tasks: new RequestTaskReads(services, caller) };
}

/**
 * A tenant's dashboard stream (`viewerTaskUpdated`): every state of each of its unfinished tasks, merged into one
 * stream. It joins each task's feed (so each task is still polled once, however many watch it) and learns of the
 * tasks the tenant submits while it listens from a per-tenant announcement on the bus (so from any instance).
 */
import type { Logger } from 'pino';
import type { TaskRegistry } from '../domain/records.js';
import type { Task } from '../domain/task.js';
import type { TaskEventBus } from './bus.js';
import { createChannel, type Channel } from './channel.js';
import type { TaskEvent } from '../domain/events.js';

/** The bus channel of a tenant's announcements (task ids hold no colon, so it cannot be a task's). */
export const tenantChannel = (tenant: string) => `tenant:${tenant}`;

/** At most this many unfinished tasks are followed from the registry when a stream starts (the newest ones). */
export const maxFollowedTasks = 500;

export interface TenantFeedDeps {
  registry: TaskRegistry;
  bus: TaskEventBus;
  logger: Logger;
  /** One task's stream of states, as `LiveTasks.subscribe` gives it. */
  subscribe(taskId: string): Promise<AsyncIterableIterator<TaskEvent>>;
}

export class TenantFeed {
  readonly tasks: Channel<Task>;
  /** The streams of the tasks followed now, by id (undefined while joining). */
  private readonly followed = new Map<string, AsyncIterableIterator<TaskEvent> | undefined>();
  private stopped = false;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly tenant: string,
    private readonly deps: TenantFeedDeps,
    onEnd: (feed: TenantFeed) => void,
  ) {
    this.tasks = createChannel<Task>(() => {
      this.stop();
      onEnd(this);
    });
  }

  /** Listens for new tasks first (so none submitted meanwhile is missed), then follows the unfinished ones recorded. */
  async start(): Promise<void> {
    const unlisten = await this.deps.bus.listen(tenantChannel(this.tenant), (event) => {
      if ('task' in event) this.follow(event.task.id);
    });
    if (this.stopped) return void (await unlisten().catch(() => undefined));
    this.unlisten = unlisten;
    let after: string | null = null;
    for (let seen = 0; seen < maxFollowedTasks; ) {
      const page = await this.deps.registry.list(this.tenant, { first: 100, after, statuses: ['PENDING', 'RUNNING'] });
      for (const record of page.records.slice(0, maxFollowedTasks - seen)) this.follow(record.id);
      seen += page.records.length;
      if (!page.hasNextPage || this.stopped) break;
      after = page.endCursor;
    }
  }

  /** Ends the stream (the gateway is shutting down). */
  end(): void {
    this.tasks.end();
    this.stop();
  }

  private follow(taskId: string): void {
    if (this.stopped || this.followed.has(taskId)) return;
    this.followed.set(taskId, undefined);
    void this.pump(taskId);
  }

  private async pump(taskId: string): Promise<void> {
    try {
      const events = await this.deps.subscribe(taskId);
      if (this.stopped) return void (await events.return?.());
      this.followed.set(taskId, events);
      for await (const event of events) {
        // An error ends that task's watch (it is logged by its feed); the others go on.
        if ('error' in event) break;
        this.tasks.push(event.task);
      }
    } catch (err) {
      this.deps.logger.warn({ err, taskId }, 'a task of the viewer could not be followed');
    } finally {
      this.followed.delete(taskId);
    }
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    // Nobody awaits these: a rejection (Redis down while the viewer leaves) is logged, never left unhandled, which
    // would end the process.
    this.unlisten?.().catch((err: unknown) => this.deps.logger.warn({ err }, 'could not stop listening for the viewer'));
    for (const events of this.followed.values()) events?.return?.().catch(() => undefined);
    this.followed.clear();
  }
}

/**
 * Live task updates for the whole instance: one feed (and so at most one poll loop) per task, however many
 * subscribers it has, and the way in for states pushed to the gateway (webhooks).
 */
import { GatewayError } from '../domain/errors.js';
import type { TaskRegistry } from '../domain/records.js';
import { seesOnlyRecordedTasks } from '../domain/tenancy.js';
import { type Task } from '../domain/task.js';
import { createChannel } from './channel.js';
import type { TaskEvent } from '../domain/events.js';
import { TaskFeed } from './feed.js';
import type { PollerDeps, ReadAdmission } from './poller.js';
import { tenantChannel, TenantFeed } from './tenant-feed.js';

export interface LiveTasksDeps extends PollerDeps {
  registry: TaskRegistry;
  /** Finished tasks kept for their owners (src/tasks/finished-cache.ts), served without a feed. */
  finished?: { get(taskId: string, tenant: string): Task | undefined } | undefined;
}

export class LiveTasks {
  private readonly feeds = new Map<string, TaskFeed>();
  private readonly tenantFeeds = new Set<TenantFeed>();
  private closing = false;

  constructor(private readonly deps: LiveTasksDeps) {}

  /**
   * The stream of a task's states for a subscriber: the current one at once, then every change, ending after a
   * final state. Throws NOT_FOUND, before anything starts, when the task belongs to another tenant; a task the
   * registry does not know is checked by the first read, made with the subscriber's own key (and charged to its caller
   * through `admission`, as a query's read is).
   */
  async subscribe(apiKey: string, tenant: string, taskId: string, admission?: ReadAdmission): Promise<AsyncIterableIterator<TaskEvent>> {
    if (this.closing) throw new GatewayError('UPSTREAM_UNAVAILABLE', 'The gateway is shutting down; subscribe again.');
    // A task this tenant has seen finish needs no feed: its one and last event, at once.
    const kept = this.deps.finished?.get(taskId, tenant);
    if (kept) {
      const channel = createChannel<TaskEvent>(() => undefined);
      channel.push({ task: kept });
      channel.end();
      return channel;
    }
    const record = await this.deps.registry.lookup(taskId);
    if (record ? record.tenant !== tenant : seesOnlyRecordedTasks(tenant))
      throw new GatewayError('NOT_FOUND', `Task ${taskId} was not found.`);
    let feed = this.feeds.get(taskId);
    if (!feed) {
      feed = new TaskFeed(taskId, this.deps, (closed) => this.feeds.get(taskId) === closed && this.feeds.delete(taskId));
      this.feeds.set(taskId, feed);
    }
    return feed.join(apiKey, tenant, admission);
  }

  /** A state learnt without reading (a webhook): every instance's subscribers get it at once. */
  async publish(task: Task): Promise<void> {
    await this.deps.bus.publish(task.id, { task });
  }

  /**
   * Every state of each of a tenant's unfinished tasks, merged: the current state of each at once, then each change,
   * and the tasks it submits while listening. It ends only when the subscriber leaves (or the gateway stops).
   */
  async subscribeTenant(apiKey: string, tenant: string): Promise<AsyncIterableIterator<Task>> {
    if (this.closing) throw new GatewayError('UPSTREAM_UNAVAILABLE', 'The gateway is shutting down; subscribe again.');
    const feed = new TenantFeed(tenant, { ...this.deps, subscribe: (taskId) => this.subscribe(apiKey, tenant, taskId) }, (ended) =>
      this.tenantFeeds.delete(ended),
    );
    this.tenantFeeds.add(feed);
    await feed.start();
    return feed.tasks;
  }

  /** Tells the tenant's live dashboards, in every instance, of a task it has just submitted. */
  async announce(tenant: string, task: Task): Promise<void> {
    await this.deps.bus.publish(tenantChannel(tenant), { task });
  }

  /** How many tasks this instance watches now. */
  get watched(): number {
    return this.feeds.size;
  }

  /** Completes every subscriber's stream and stops every poll loop; new subscribers are refused. */
  async close(): Promise<void> {
    this.closing = true;
    for (const feed of this.tenantFeeds) feed.end();
    await Promise.all([...this.feeds.values()].map((feed) => feed.close()));
  }
}

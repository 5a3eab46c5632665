/**
 * Live task updates for the whole instance: one feed (and so at most one poll loop) per task, however many
 * subscribers it has, and the way in for states pushed to the gateway (webhooks).
 */
import { GatewayError } from '../errors.js';
import type { TaskRegistry } from '../store/types.js';
import type { FinishedTasks } from '../tasks/finished.js';
import { seesOnlyRecordedTasks, type Task } from '../tasks/task.js';
import { createChannel } from './channel.js';
import type { TaskEvent } from './events.js';
import { TaskFeed } from './feed.js';
import type { PollerDeps } from './poller.js';

export interface LiveTasksDeps extends PollerDeps {
  registry: TaskRegistry;
  finished?: FinishedTasks | undefined;
}

export class LiveTasks {
  private readonly feeds = new Map<string, TaskFeed>();
  private closing = false;

  constructor(private readonly deps: LiveTasksDeps) {}

  /**
   * The stream of a task's states for a subscriber: the current one at once, then every change, ending after a
   * final state. Throws NOT_FOUND, before anything starts, when the task belongs to another tenant; a task the
   * registry does not know is checked by the first read, made with the subscriber's own key.
   */
  async subscribe(apiKey: string, tenant: string, taskId: string): Promise<AsyncIterableIterator<TaskEvent>> {
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
    if (record ? record.tenant !== tenant : seesOnlyRecordedTasks(tenant)) throw new GatewayError('NOT_FOUND', `Task ${taskId} was not found.`);
    let feed = this.feeds.get(taskId);
    if (!feed) {
      feed = new TaskFeed(taskId, this.deps, (closed) => this.feeds.get(taskId) === closed && this.feeds.delete(taskId));
      this.feeds.set(taskId, feed);
    }
    return feed.join(apiKey, tenant);
  }

  /** A state learnt without reading (a webhook): every instance's subscribers get it at once. */
  async publish(task: Task): Promise<void> {
    await this.deps.bus.publish(task.id, { task });
  }

  /** How many tasks this instance watches now. */
  get watched(): number {
    return this.feeds.size;
  }

  /** Completes every subscriber's stream and stops every poll loop; new subscribers are refused. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.feeds.values()].map((feed) => feed.close()));
  }
}

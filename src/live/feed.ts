/**
 * One task's live state in this instance: its local subscribers, the latest state they have seen, and (while
 * anyone listens and the task is not final) its poll loop. Every state reaches the subscribers through the bus,
 * whether this instance polled it, another instance did, or a webhook brought it; a subscriber gets the current
 * state first, then each change, and its stream ends after a final state or an error.
 */
import type { GatewayError } from '../domain/errors.js';
import type { Task } from '../domain/task.js';
import { isTerminal } from '../domain/status.js';
import { createChannel, type Channel } from './channel.js';
import { errorEvent, observed, supersedes, type TaskEvent } from '../domain/events.js';
import { TaskPoller, type PollerDeps, type ReadAdmission } from './poller.js';

/** Whose key a subscriber's reads are made with. */
interface Subscriber {
  apiKey: string;
  tenant: string;
}

export class TaskFeed {
  /** By their channels, which tell the feed (`returned`) when their consumer goes away. */
  private readonly subscribers = new Map<Channel<TaskEvent>, Subscriber>();
  /** The first read for each tenant: it proves the tenant may read the task, and later joiners share it. */
  private readonly admissions = new Map<string, Promise<void>>();
  private latest: Task | undefined;
  private ending: TaskEvent | undefined;
  private joining = 0;
  private closed = false;
  private poller: TaskPoller | undefined;
  private readonly listening: Promise<() => Promise<void>>;
  private stopped: Promise<void> | undefined;

  constructor(
    readonly taskId: string,
    private readonly deps: PollerDeps,
    /** Called once when the feed closes, so that nobody joins it any more. */
    private readonly onClose: (feed: TaskFeed) => void,
  ) {
    this.listening = deps.bus.listen(taskId, (event) => this.receive(event));
  }

  /**
   * Admits a subscriber (a read proves its tenant may see the task) and returns its stream of events. That read is the
   * subscriber's: it passes `admission` (its caller's upstream-read limit) first.
   */
  async join(apiKey: string, tenant: string, admission?: ReadAdmission): Promise<AsyncIterableIterator<TaskEvent>> {
    this.joining += 1;
    try {
      await this.listening;
      await this.admit(apiKey, tenant, admission);
    } catch (err) {
      this.joining -= 1;
      this.closeIfIdle();
      throw err;
    }
    this.joining -= 1;
    const channel = createChannel<TaskEvent>(this);
    if (this.latest) channel.push({ task: this.latest });
    if (this.closed) {
      // Final, failed, or shutting down: what there was to say is said.
      if (this.ending && 'error' in this.ending) channel.push(this.ending);
      channel.end();
      return channel;
    }
    this.subscribers.set(channel, { apiKey, tenant });
    this.poller ??= new TaskPoller(this.taskId, this.deps, {
      reader: () => this.subscribers.values().next().value,
      latest: () => this.latest,
      failed: (error) => this.finish(errorEvent(error)),
    });
    return channel;
  }

  /** Ends every stream (they complete) and stops polling; resolves when the poll loop is over. */
  async close(): Promise<void> {
    for (const channel of this.subscribers.keys()) channel.end();
    this.subscribers.clear();
    this.shutdown();
    await this.stopped;
  }

  private admit(apiKey: string, tenant: string, guard?: ReadAdmission): Promise<void> {
    let admission = this.admissions.get(tenant);
    if (!admission) {
      const read = this.deps.read(apiKey, tenant, this.taskId, false, guard).then((task) => this.offer(observed(task)));
      admission = read;
      this.admissions.set(tenant, read);
      read.catch(() => this.admissions.get(tenant) === read && this.admissions.delete(tenant));
    }
    return admission;
  }

  private receive(event: TaskEvent): void {
    if ('error' in event) this.finish(event);
    else this.offer(event.task);
  }

  private offer(task: Task): void {
    if (this.ending || !supersedes(this.latest, task)) return;
    this.latest = task;
    for (const channel of this.subscribers.keys()) channel.push({ task });
    if (isTerminal(task.status)) this.finish({ task });
  }

  /** The task is final, or the watch failed: every stream gets the last event (once) and completes. */
  private finish(last: TaskEvent): void {
    if (this.ending) return;
    this.ending = last;
    for (const channel of this.subscribers.keys()) {
      if ('error' in last) channel.push(last);
      channel.end();
    }
    this.subscribers.clear();
    this.shutdown();
  }

  /** A subscriber went away (its channel's `return()`). */
  returned(channel: Channel<TaskEvent>): void {
    this.subscribers.delete(channel);
    this.closeIfIdle();
  }

  private closeIfIdle(): void {
    if (this.subscribers.size === 0 && this.joining === 0) this.shutdown();
  }

  private shutdown(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    const poller = this.poller;
    this.stopped = Promise.all([poller?.stop(), this.listening.then((unlisten) => unlisten()).catch(() => undefined)]).then(
      () => undefined,
    );
  }
}

/**
 * The event bus between whoever learns a task's new state (a poll, a webhook) and every instance's subscribers of
 * that task. In memory for one instance; Redis pub/sub (one channel per task) when instances share a Redis.
 */
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { TaskEvent } from '../domain/events.js';

export type TaskEventListener = (event: TaskEvent) => void;

export interface TaskEventBus {
  publish(taskId: string, event: TaskEvent): Promise<void>;
  /** Delivers every later event of the task to `listener`; resolves once listening, with the way to stop. */
  listen(taskId: string, listener: TaskEventListener): Promise<() => Promise<void>>;
}

export class MemoryTaskEventBus implements TaskEventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(taskId: string, event: TaskEvent): Promise<void> {
    // Delivered on a later tick, as Redis would, so a publisher never runs its listeners inside its own call.
    await Promise.resolve();
    this.emitter.emit(taskId, event);
  }

  async listen(taskId: string, listener: TaskEventListener): Promise<() => Promise<void>> {
    this.emitter.on(taskId, listener);
    return async () => void this.emitter.off(taskId, listener);
  }
}

interface RedisChannel {
  listeners: Set<TaskEventListener>;
  subscribed: Promise<unknown>;
}

export class RedisTaskEventBus implements TaskEventBus {
  private readonly channels = new Map<string, RedisChannel>();

  /** `subscriber` is a connection of its own: in subscriber mode Redis serves nothing else on it. */
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly logger: Logger,
    private readonly prefix = 'aimusic:task-events:',
  ) {
    subscriber.on('message', (channel: string, message: string) => this.deliver(channel, message));
  }

  async publish(taskId: string, event: TaskEvent): Promise<void> {
    await this.publisher.publish(this.prefix + taskId, JSON.stringify(event));
  }

  async listen(taskId: string, listener: TaskEventListener): Promise<() => Promise<void>> {
    const name = this.prefix + taskId;
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { listeners: new Set(), subscribed: this.subscriber.subscribe(name) };
      this.channels.set(name, channel);
    }
    channel.listeners.add(listener);
    await channel.subscribed;
    const joined = channel;
    return async () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size > 0 || this.channels.get(name) !== joined) return;
      this.channels.delete(name);
      await this.subscriber.unsubscribe(name);
    };
  }

  private deliver(name: string, message: string): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    let event: TaskEvent;
    try {
      event = JSON.parse(message) as TaskEvent;
    } catch {
      this.logger.warn({ channel: name }, 'ignored a task event that is not JSON');
      return;
    }
    for (const listener of channel.listeners) listener(event);
  }
}

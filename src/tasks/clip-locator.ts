/**
 * Which task holds a clip, for a tenant: what `node(id:)` needs to fetch a Clip again, since the upstream has no read
 * of a clip by its id (only of a task). `ClipLocator` is the question; `RecentClips` answers it from what this
 * instance has seen: every task read through `loadTask` (a query, a poll) notes its clips for the tenant that read
 * it, which the loader had already checked may see the task, and so does every verified webhook delivery, for the
 * task's owner.
 *
 * Limits: per instance and in memory (the most recent 50,000 clips), so after a restart or on another instance, a
 * clip id is unknown until its task is read there from outside that instance's memory; `node(id:)` then answers null. A
 * durable clip-ownership store can answer the same question (it is one method) and be put in front of this one.
 */
import { LRUCache } from 'lru-cache';
import type { Task } from '../domain/task.js';

export interface ClipLocator {
  /** The id of the task that holds `clipId`, if `tenant` has been seen reading it; undefined when unknown. */
  taskOf(clipId: string, tenant: string): Promise<string | undefined> | string | undefined;
}

/**
 * What the gateway keeps of clips: told each task it reads (`loadTask`), asked by `node(id:)` and `_entities`. A
 * durable clip-ownership store can stand in front of `RecentClips` by implementing this (answering from itself first).
 */
export interface ClipIndex extends ClipLocator {
  /** Notes that `tenant` may see each clip of `task`. */
  note(task: Task, tenant: string): void;
}

export class RecentClips implements ClipIndex {
  private readonly tasks: LRUCache<string, string>;

  constructor(max = 50_000) {
    // Counted by `maxSize` (one per entry) rather than `max`, which makes lru-cache set aside room for all of them at
    // once (~10 ms and a few MB for each cache a gateway builds).
    this.tasks = new LRUCache<string, string>({ maxSize: max, sizeCalculation: () => 1 });
  }

  note(task: Task, tenant: string): void {
    // Most reads are of a task already noted (a page polling it): `get` keeps it recent without writing it again.
    for (const clip of task.clips) {
      const clipKey = key(clip.id, tenant);
      if (this.tasks.get(clipKey) !== task.id) this.tasks.set(clipKey, task.id);
    }
  }

  taskOf(clipId: string, tenant: string): string | undefined {
    return this.tasks.get(key(clipId, tenant));
  }
}

/** The tenant's length first, so that no tenant name (a user's `sub` is any string) can be made to read as another's. */
const key = (clipId: string, tenant: string) => `${tenant.length}:${tenant}${clipId}`;

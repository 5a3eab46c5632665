/**
 * Whole answers made only of kept tasks, kept. A query whose root fields are all `task` or `tasks`, answered without
 * errors from tasks that were each either finished (in the finished-task cache, src/tasks/finished-cache.ts) or
 * freshly observed (in the freshness window, src/tasks/fresh-cache.ts), gives the same answer for as long as those
 * observations stand: a Task's fields are functions of the task alone. So the answer's JSON is kept, and the same
 * caller sending the same document and variables again is answered with it by the HTTP fast path, without parsing,
 * validating or executing anything; the access rules (who is calling, the rate limit) still run for every request.
 *
 * Each answer lives no longer than the first of its tasks' entries would. One made with a running task is dropped as
 * soon as that task's kept observation is no longer the one the answer was made from (a webhook or poll brought a
 * newer state, or the window passed). All of them together take at most their byte budget.
 */
import { Kind, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { TaskReads } from '../../context.js';
import { isTerminal } from '../../domain/status.js';
import type { Task } from '../../domain/task.js';
import type { FinishedTasks } from '../../tasks/finished-cache.js';
import type { FreshTasks } from '../../tasks/fresh-cache.js';

/** The root fields an answer may have: reads of tasks (and the type name, which never changes). */
const taskRootFields = new Set(['task', 'tasks', '__typename']);

export interface AnswerRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

interface Answer {
  json: string;
  /** The running tasks it was made from, each with the time of the observation it shows. */
  observations: [id: string, observedAt: number][];
}

export class AnswerCache {
  private readonly answers: LRUCache<string, Answer>;

  constructor(
    private readonly finished: FinishedTasks | undefined,
    private readonly fresh: FreshTasks | undefined,
    maxBytes: number,
  ) {
    this.answers = new LRUCache<string, Answer>({
      maxSize: maxBytes,
      sizeCalculation: (answer, key) => answer.json.length + key.length + answer.observations.length * 64,
    });
  }

  /** Who asks what: an answer is only ever given back to the tenant it was made for. */
  key(tenant: string, request: AnswerRequest): string {
    // As JSON: no tenant (a user's `sub` is any string) or operation name can be made to read as another's.
    return JSON.stringify([tenant, request.operationName ?? null, request.variables ?? null, request.query]);
  }

  get(key: string): string | undefined {
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    for (const [id, observedAt] of answer.observations) {
      if (this.fresh?.observedAt(id) !== observedAt) {
        this.answers.delete(key);
        return undefined;
      }
    }
    return answer.json;
  }

  /**
   * Keeps `answer` (the JSON of an error-free result of `operation`) if every task it was made of is still kept as it
   * was read: finished and in the finished-task cache, or running and the observation the freshness window holds.
   */
  async keep(key: string, answer: string, operation: OperationDefinitionNode, tenant: string, reads: TaskReads): Promise<void> {
    if (operation.operation !== 'query' || reads.loaded.length === 0) return;
    const onlyTaskReads = operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && taskRootFields.has(selection.name.value),
    );
    if (!onlyTaskReads) return;
    const tasks = await Promise.all(reads.loaded).catch(() => undefined);
    if (!tasks) return;
    let ttl = Number.POSITIVE_INFINITY;
    const observations: Answer['observations'] = [];
    for (const task of tasks) {
      const left = this.remainingMs(task, tenant);
      if (left === undefined) return;
      ttl = Math.min(ttl, left);
      if (!isTerminal(task.status)) observations.push([task.id, Date.parse(task.observedAt ?? '')]);
    }
    if (ttl > 0 && Number.isFinite(ttl)) this.answers.set(key, { json: answer, observations }, { ttl });
  }

  /** How long `task`, as it was read, stays kept for `tenant`; undefined when it is not kept as it was read. */
  private remainingMs(task: Task, tenant: string): number | undefined {
    if (isTerminal(task.status)) return this.finished?.get(task.id, tenant) ? this.finished.remainingMs(task.id) : undefined;
    const kept = this.fresh?.get(task.id, tenant);
    if (!kept || kept.observedAt !== task.observedAt) return undefined;
    return this.fresh?.remainingMs(task.id);
  }
}

/**
 * Whole answers made only of finished tasks, kept. A query whose root fields are all `task` or `tasks`, answered
 * without errors from tasks that were all finished (each one in the finished-task cache, src/tasks/finished-cache.ts),
 * gives the same answer for as long as those tasks stay in that cache: a Task's fields are functions of the task
 * alone. So the answer's JSON is kept, and the same caller sending the same document and variables again is
 * answered with it by the HTTP fast path, without parsing, validating or executing anything; the access rules
 * (who is calling, the rate limit) still run for every request. Each answer lives no longer than the first of its
 * tasks would, and all of them together take at most their byte budget.
 */
import { Kind, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { TaskReads } from '../../context.js';
import type { FinishedTasks } from '../../tasks/finished-cache.js';
import { isTerminal } from '../../domain/status.js';

/** The root fields an answer may have: reads of tasks (and the type name, which never changes). */
const taskRootFields = new Set(['task', 'tasks', '__typename']);

export interface AnswerRequest {
  query: string;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

export class FinishedAnswers {
  private readonly answers: LRUCache<string, string>;

  constructor(
    private readonly finished: FinishedTasks,
    maxBytes: number,
  ) {
    this.answers = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (answer, key) => answer.length + key.length });
  }

  /** Who asks what: an answer is only ever given back to the tenant it was made for. */
  key(tenant: string, request: AnswerRequest): string {
    // As JSON: no tenant (a user's `sub` is any string) or operation name can be made to read as another's.
    return JSON.stringify([tenant, request.operationName ?? null, request.variables ?? null, request.query]);
  }

  get(key: string): string | undefined {
    return this.answers.get(key);
  }

  /**
   * Keeps `answer` (the JSON of an error-free result of `operation`) if every task it was made of was finished when
   * it was read, and is still in the finished-task cache (whose remaining age bounds the answer's).
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
    for (const task of tasks) {
      if (!isTerminal(task.status) || !this.finished.get(task.id, tenant)) return;
      ttl = Math.min(ttl, this.finished.remainingMs(task.id));
    }
    if (ttl > 0 && Number.isFinite(ttl)) this.answers.set(key, answer, { ttl });
  }
}

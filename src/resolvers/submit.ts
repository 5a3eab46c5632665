/**
 * What every paid mutation does once its input is valid: call the upstream once (once per idempotency key); for an
 * operation that starts a task, remember the task and return it, and for one that answers at once, return its result.
 */
import { reserve, surelyUnspent } from '../access/budget.js';
import type { Context } from '../context.js';
import { fingerprintOf } from '../idempotency/idempotency.js';
import { webhookRequest } from '../live/webhooks.js';
import type { TaskRecord } from '../store/types.js';
import { submittedTask, type Task } from '../tasks/task.js';
import type { SyncOperation, TaskOperation, UpstreamOperation } from '../upstream/operations.js';
import type { SubmittedTask } from '../upstream/types.js';

type Key = string | null | undefined;

export function submitOperation<Input>(ctx: Context, operation: TaskOperation<Input>, input: Input, idempotencyKey?: Key): Promise<Task>;
export function submitOperation<Input, Result>(
  ctx: Context,
  operation: SyncOperation<Input, Result>,
  input: Input,
  idempotencyKey?: Key,
): Promise<Result>;
export function submitOperation<Input, Result>(
  ctx: Context,
  operation: UpstreamOperation<Input, Result>,
  input: Input,
  idempotencyKey?: Key,
): Promise<Task | Result>;
export async function submitOperation<Input, Result>(
  ctx: Context,
  operation: UpstreamOperation<Input, Result>,
  input: Input,
  idempotencyKey?: Key,
): Promise<Task | Result> {
  const apiKey = ctx.requireApiKey();
  // The task is remembered inside the submit so that an idempotent replay keeps the first record (and its secret).
  const { services } = ctx;
  // Inside the idempotent run: a replay gets the first result and reserves nothing again.
  const submit = async () => {
    const reservationId = await reserve(services.budgets, ctx.caller, services.config, operation);
    const webhook = webhookRequest(services.config.webhookBaseUrl, operation);
    let result: Result;
    try {
      result = await services.upstream.submit(apiKey, operation, input, webhook?.fields);
    } catch (err) {
      if (reservationId && surelyUnspent(err)) {
        await services.budgets.release(reservationId).catch((e: unknown) => services.logger.error({ err: e }, 'could not return a budget reservation'));
      }
      throw err;
    }
    if (operation.kind !== null) {
      const record: TaskRecord = {
        id: (result as SubmittedTask).taskId,
        kind: operation.kind,
        tenant: ctx.tenant,
        createdAt: Date.now(),
        status: 'PENDING',
        ...(webhook ? { webhookSecret: webhook.secret } : {}),
        ...(reservationId ? { reservationId } : {}),
      };
      // The upstream has the task (and the charge): losing our note of it must not turn into an error a client retries.
      await services.registry
        .remember(record)
        .catch((err: unknown) => services.logger.error({ err, taskId: record.id }, 'could not record a submitted task'));
      await services.live
        .announce(ctx.tenant, submittedTask(record.id, record.kind))
        .catch((err: unknown) => services.logger.warn({ err, taskId: record.id }, 'could not announce a submitted task'));
    }
    return result;
  };
  const result = idempotencyKey
    ? await ctx.services.idempotency.run(ctx.tenant, idempotencyKey, fingerprintOf([operation.path, input]), submit)
    : await submit();
  if (operation.kind === null) return result;
  const { taskId } = result as SubmittedTask;
  return submittedTask(taskId, operation.kind);
}

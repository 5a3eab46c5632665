/**
 * What every paid mutation does once its input is valid: call the upstream once (once per idempotency key); for an
 * operation that starts a task, remember the task and return it, and for one that answers at once, return its result.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { reserve, surelyUnspent } from '../access/budget.js';
import type { Context, Services } from '../context.js';
import { GatewayError } from '../domain/errors.js';
import { fingerprintOf } from './idempotency.js';
import { checkOwnership, recordGiven } from './ownership.js';
import { webhookRequest } from './webhook-request.js';
import type { TaskRecord } from '../domain/records.js';
import { submittedTask, type Task, type SubmittedTask } from '../domain/task.js';
import type { SyncOperation, TaskOperation, UpstreamOperation } from '../upstream/operations.js';

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
  await checkOwnership(ctx, operation, input);
  // The task is remembered inside the submit so that an idempotent replay keeps the first record (and its secret).
  const { services } = ctx;
  // Inside the idempotent run: a replay gets the first result and reserves nothing again.
  const submit = async () => {
    // Fail closed, as a keyed mutation does (its claim fails first): with Redis unreachable, the task could not be
    // recorded after its POST, and its owner, kind and webhook secret would be lost with the charge.
    if (operation.kind !== null && !(await storeReachable(services))) {
      throw new GatewayError(
        'INTERNAL_SERVER_ERROR',
        'The gateway cannot record tasks right now (its Redis is unreachable); nothing was sent.',
      );
    }
    const reservationId = await reserve(services.budgets, ctx.caller, services.config, operation);
    const webhook = webhookRequest(services.webhookKey, services.config.webhookBaseUrl, operation);
    let result: Result;
    try {
      result = await services.upstream.submit(apiKey, operation, input, webhook?.fields);
    } catch (err) {
      if (reservationId && surelyUnspent(err)) {
        await services.budgets
          .release(reservationId)
          .catch((e: unknown) => services.logger.error({ err: e }, 'could not return a budget reservation'));
      }
      throw err;
    }
    await recordGiven(ctx, operation, result);
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
      // The upstream has the task (and the charge): losing our note of it must not turn into an error a client
      // retries. A store that failed just now gets two more tries.
      await rememberWithRetries(services, record);
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

/**
 * Whether the store can take a write now: SQLite always; Redis once connected, waiting up to `waitMs` for a
 * connection (a gateway just started, or a reconnect under way). Its status is polled rather than listened for, so
 * that many mutations waiting at once add no listeners to the connection.
 */
async function storeReachable(services: Services, waitMs = 2_000): Promise<boolean> {
  const redis = services.redis?.commands;
  for (let waited = 0; redis && redis.status !== 'ready'; waited += 100) {
    if (redis.status === 'end' || waited >= waitMs) return false;
    await sleep(100);
  }
  return true;
}

async function rememberWithRetries(services: Services, record: TaskRecord): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await services.registry.remember(record);
    } catch (err) {
      if (attempt === 3) return void services.logger.error({ err, taskId: record.id }, 'could not record a submitted task');
      await sleep(250 * attempt);
    }
  }
}

/**
 * What every paid mutation does once its input is valid (path (b) of docs/architecture.md), so that paid work is never
 * submitted twice by accident and never left without its record:
 * 0. every clip, persona and vox id it takes must be the caller's own (ownership.ts);
 * 1. its intent is written in the store (idempotency.ts: the claim of its idempotencyKey, or an intent of its own);
 *    when that cannot be done, STORE_UNAVAILABLE and nothing is sent;
 * 2. `send`: the budget reservation, the webhook, and the upstream call, once;
 * 3. its outcome (the task's record with owner, kind and webhook secret; what an answer-at-once gave the caller, an
 *    upload's clip, a persona, a vox id; the key's result) is written, or kept in the outbox until the store takes it
 *    (idempotency.ts, src/store/outbox.ts);
 * 4. a task is announced to its tenant's dashboards.
 * An operation that starts a task returns the task; one that answers at once returns its result.
 */
import { randomUUID } from 'node:crypto';
import { budgetOf, reserve } from '../access/budget.js';
import type { Context, Services } from '../context.js';
import type { TaskRecord } from '../domain/records.js';
import { submittedTask, type SubmittedTask, type Task } from '../domain/task.js';
import type { SyncOperation, TaskOperation, UpstreamOperation } from '../upstream/operations.js';
import { fingerprintOf } from './fingerprint.js';
import { beforeSending, type Sent } from './idempotency.js';
import { idsGiven } from '../upstream/owned-ids.js';
import { checkOwnership } from './ownership.js';
import { webhookRequest } from './webhook-request.js';

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
  // Every clip, persona and vox id it takes must be the caller's own (CLIP_ACCESS=owner): else NOT_FOUND, before any
  // intent, reservation or upstream call.
  await checkOwnership(ctx, operation, input);
  const { services } = ctx;
  // The reservation's id is named in the intent, before the reservation is made (inside `send`).
  const reservationId = budgetOf(ctx.caller, services.config) ? randomUUID() : undefined;
  const request = {
    tenant: ctx.tenant,
    operation: operation.path,
    fingerprint: fingerprintOf([operation.path, input]),
    key: idempotencyKey ?? null,
    ...(reservationId ? { reservationId } : {}),
  };
  // A replay (same key) gets the first outcome: nothing is reserved, sent or announced again.
  const paid = await services.idempotency.runPaid(request, () => send(ctx, apiKey, operation, input, reservationId));
  if (paid.first && paid.record) await announce(services, paid.record);
  if (operation.kind === null) return paid.result;
  return submittedTask((paid.result as SubmittedTask).taskId, operation.kind);
}

/** Runs once per intent, after it is written: reserve the price, ask for a webhook, call the upstream once. */
async function send<Input, Result>(
  ctx: Context,
  apiKey: string,
  operation: UpstreamOperation<Input, Result>,
  input: Input,
  reservationId: string | undefined,
): Promise<Sent<Result>> {
  const { services } = ctx;
  await beforeSending(() => reserve(services.budgets, ctx.caller, services.config, operation, reservationId));
  const webhook = webhookRequest(services.webhookKey, services.config.webhookBaseUrl, operation);
  const result = await services.upstream.submit(apiKey, operation, input, webhook?.fields);
  // What an answer-at-once gave the caller (an uploaded clip, a persona, a vox id) is the caller's from now on: written
  // with the outcome, so that it waits in the outbox with it when the store cannot take it now.
  const given = idsGiven(operation, result);
  const owned = given.length > 0 ? { owned: { tenant: ctx.tenant, ids: given } } : {};
  if (operation.kind === null) return { result, ...owned };
  const record: TaskRecord = {
    id: (result as SubmittedTask).taskId,
    kind: operation.kind,
    tenant: ctx.tenant,
    createdAt: Date.now(),
    status: 'PENDING',
    ...(webhook ? { webhookSecret: webhook.secret } : {}),
    ...(reservationId ? { reservationId } : {}),
  };
  return { result, record, ...owned };
}

async function announce(services: Services, record: TaskRecord): Promise<void> {
  await services.live
    .announce(record.tenant, submittedTask(record.id, record.kind))
    .catch((err: unknown) => services.logger.warn({ err, taskId: record.id }, 'could not announce a submitted task'));
}

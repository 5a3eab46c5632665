/**
 * The webhook receiver: the transport adapter for states the upstream pushes. Each submit that asks for a callback
 * (src/submit/webhook-request.ts) keeps the nonce its secret is derived from in its task's registry record (so any
 * instance, with the same webhook key, can verify a delivery). A delivery whose signature checks out is published to the task's subscribers at once; a final state
 * also ends every poll of the task. Anything unverifiable gets 401 and changes nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError } from '../domain/errors.js';
import { readBodyUpTo } from './http/body.js';
import { sendError, sendJson } from './http/reply.js';
import { fingerprintOf } from '../submit/idempotency.js';
import type { Services } from '../context.js';
import type { Task } from '../domain/task.js';
import { verifyWebhook, webhookHeaderNames } from '../upstream/signatures.js';
import { keepState } from '../tasks/loader.js';
import { readDelivery, webhookTaskId } from '../upstream/deliveries.js';
import { UnreadableAnswer } from '../upstream/unreadable.js';
import { familyOf } from '../domain/kinds.js';
import { noteObserved } from '../tasks/observe.js';
import { webhookSecretOf } from '../submit/webhook-request.js';
import { observed } from '../domain/events.js';

const maxBodyBytes = 4 * 1024 * 1024;

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Handles POST /webhooks/aimusic/<nonce> (and /webhooks/aimusic, for deliveries asked for before the nonce was in the
 * URL). The task is the one the body's `task_id` names, else the one whose webhook the URL's nonce is (`webhookRef`:
 * the documented examples show no `task_id`); when both are there they must agree. Only what the signature covers is
 * believed: the task state and its event type come from the signed body (the `X-Webhook-Event` header is not signed,
 * so it is ignored). A delivery id seen before for
 * the task (`X-Webhook-Id`, mirrored in `Idempotency-Key`; else the signature itself) is acknowledged and ignored:
 * the ids are kept in the idempotency store, shared by the instances, for 24 hours.
 */
export async function handleWebhook(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  webhookRef: string | null = null,
): Promise<void> {
  try {
    await receive(services, req, res, webhookRef);
  } catch (err) {
    // The store is down (Redis unreachable): the upstream is asked to deliver again later, as for any 5xx.
    if (!(err instanceof GatewayError && err.code === 'STORE_UNAVAILABLE') || res.headersSent) throw err;
    sendError(res, 503, 'STORE_UNAVAILABLE', err.message, { 'retry-after': String(err.details.retryAfterSeconds ?? 2) });
  }
}

async function receive(services: Services, req: IncomingMessage, res: ServerResponse, webhookRef: string | null): Promise<void> {
  const { logger, registry, live } = services;
  if (req.method !== 'POST') return sendError(res, 405, 'BAD_REQUEST', 'Webhooks are delivered with POST.', { allow: 'POST' });
  const raw = await readBodyUpTo(req, maxBodyBytes);
  // The rest of the body was not read: the connection cannot carry another request.
  if (!raw) return sendError(res, 413, 'BAD_REQUEST', `The delivery is larger than ${maxBodyBytes} bytes.`, { connection: 'close' });
  const body = parseJson(raw);
  const named = webhookTaskId(body);
  if (!named && !webhookRef) {
    logger.warn({ reason: 'no task named' }, 'webhook rejected');
    return sendError(res, 400, 'BAD_REQUEST', 'The delivery names no task: its body has no task_id and its URL no nonce.');
  }
  const record = named ? await registry.lookup(named) : await registry.lookupByWebhook(webhookRef as string);
  // A URL's nonce that is not the named task's: the delivery is not about the task the upstream was asked to call back for.
  const agrees = !webhookRef || record?.webhookSecret === webhookRef;
  const secret = agrees && record?.webhookSecret && webhookSecretOf(record.webhookSecret, services.webhookKey);
  const verdict = secret
    ? verifyWebhook(req.headers, raw, secret, Date.now())
    : {
        ok: false as const,
        reason: !record ? 'unknown task' : agrees ? 'no webhook was asked for this task' : 'the URL names another task',
      };
  if (!verdict.ok || !record) {
    logger.warn({ taskId: record?.id ?? named, reason: verdict.ok ? 'unknown task' : verdict.reason }, 'webhook rejected');
    return sendError(res, 401, 'UNAUTHENTICATED', "The delivery's signature could not be verified.");
  }
  const taskId = record.id;
  // Each family's reader (src/upstream/deliveries.ts): the record's kind says whose task this is.
  const family = familyOf(record.kind);
  let task: Task;
  try {
    task = observed({ ...readDelivery(family, body, record.id), kind: record.kind });
  } catch (err) {
    if (!(err instanceof UnreadableAnswer)) throw err;
    services.unreadable.report(`webhook:${family}`, err, body, [record.webhookSecret]);
    return sendError(
      res,
      400,
      'BAD_REQUEST',
      `The delivery holds no task state the gateway can read: ${err.message} (field ${err.field}).`,
    );
  }
  const headers = req.headers;
  const deliveryId =
    firstHeader(headers[webhookHeaderNames.id]) ??
    firstHeader(headers[webhookHeaderNames.idempotencyKey]) ??
    firstHeader(headers[webhookHeaderNames.signature]) ??
    firstHeader(headers[webhookHeaderNames.legacySignature]) ??
    '';
  let accepted = false;
  await services.idempotency.run(`webhook:${taskId}`, fingerprintOf(deliveryId), 'delivery', async () => {
    accepted = true;
    await noteObserved(services, record, task);
    // Its clips are its owner's to look up by id (`node(id:)`), as those of a task read are.
    services.clips.note(task, record.tenant);
    // Its owner's next reads need no upstream call: a finished task's never, a running one's within the window.
    keepState(services, task, record.tenant);
    await live.publish(task);
    return true;
  });
  const event = typeof (body as { event?: unknown }).event === 'string' ? (body as { event: string }).event : null;
  if (!accepted) {
    logger.info({ taskId, event }, 'webhook delivery already accepted: ignored');
    return sendJson(res, 200, { ok: true, duplicate: true });
  }
  logger.info({ taskId, event, status: task.status, scheme: verdict.scheme }, 'webhook accepted');
  sendJson(res, 200, { ok: true });
}

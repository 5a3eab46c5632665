/**
 * The gateway's side of upstream webhooks. With PUBLIC_URL set, each submit of an operation that accepts them
 * asks for a callback to `${PUBLIC_URL}/webhooks/aimusic`, signed with a fresh secret kept in the task's registry
 * record (so any instance can verify it). A delivery whose signature checks out is published to the task's
 * subscribers at once; a final state also ends every poll of the task. Anything unverifiable gets 401 and
 * changes nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBodyUpTo } from '../http/body.js';
import type { Services } from '../services.js';
import type { UpstreamOperation } from '../upstream/operations.js';
import { newWebhookSecret, verifyWebhook, webhookHeaderNames } from '../upstream/webhook.js';
import { toWebhookFields, toWebhookSnapshot, webhookTaskId } from '../upstream/wire.js';
import { noteObserved } from '../tasks/observe.js';
import { observed } from './events.js';

export const webhookPath = '/webhooks/aimusic';

const maxBodyBytes = 4 * 1024 * 1024;

export interface WebhookRequest {
  /** Extra submit body fields (`client.submit(..., extra)`). */
  fields: Record<string, string>;
  /** To keep with the task's record. */
  secret: string;
}

/** The webhook a submit asks for, or undefined (no PUBLIC_URL, or the operation takes no webhook). */
export function webhookRequest(
  publicUrl: string | undefined,
  operation: Pick<UpstreamOperation<unknown>, 'acceptsWebhook'>,
): WebhookRequest | undefined {
  if (!publicUrl || !operation.acceptsWebhook) return undefined;
  const secret = newWebhookSecret();
  return { fields: toWebhookFields(publicUrl + webhookPath, secret), secret };
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Handles POST /webhooks/aimusic. */
export async function handleWebhook(services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { logger, registry, live } = services;
  if (req.method !== 'POST') return reply(res, 405, { error: 'POST only' });
  const raw = await readBodyUpTo(req, maxBodyBytes);
  if (!raw) return reply(res, 413, { error: 'body too large' });
  const body = parseJson(raw);
  const taskId = webhookTaskId(body);
  const record = taskId ? await registry.lookup(taskId) : undefined;
  const verdict = record?.webhookSecret
    ? verifyWebhook(req.headers, raw, record.webhookSecret, Date.now())
    : { ok: false as const, reason: taskId ? 'no webhook was asked for this task' : 'no task_id' };
  if (!verdict.ok || !record) {
    logger.warn({ taskId, reason: verdict.ok ? 'unknown task' : verdict.reason }, 'webhook rejected');
    return reply(res, 401, { error: 'signature verification failed' });
  }
  const eventHeader = req.headers[webhookHeaderNames.event];
  const event = (Array.isArray(eventHeader) ? eventHeader[0] : eventHeader) ?? null;
  let task;
  try {
    task = observed({ ...toWebhookSnapshot(body, event), kind: record.kind });
  } catch (err) {
    logger.warn({ taskId, err }, 'verified webhook has a body the gateway cannot read');
    return reply(res, 400, { error: 'unreadable task state' });
  }
  await noteObserved(services, record, task.status);
  // Its owner's next reads of a finished task need no upstream call.
  services.finished?.put(task, record.tenant);
  await live.publish(task);
  logger.info({ taskId, event, status: task.status, scheme: verdict.scheme }, 'webhook accepted');
  reply(res, 200, { ok: true });
}

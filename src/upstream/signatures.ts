/**
 * The upstream's webhook signatures (docs/upstream.md §10): the gateway verifies deliveries with it, and tests sign
 * deliveries of their own with it. The sandbox signs with its own copy (sandbox/contract.ts), so that a mistake here
 * cannot sign and verify alike.
 *
 * Current scheme: `X-Webhook-Signature: sha256=<hex>` = HMAC-SHA256(secret, `${X-Webhook-Timestamp}.${rawBody}`).
 * Legacy scheme (older hosts): `X-Signature: <hex>` = HMAC-SHA256(secret, rawBody), with no timestamp. The legacy
 * one is accepted only when a delivery carries no current-scheme header: the secret is random and per task, so a
 * legacy signature can only ever replay a body the upstream really sent for that same task.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const webhookHeaderNames = {
  id: 'x-webhook-id',
  event: 'x-webhook-event',
  timestamp: 'x-webhook-timestamp',
  signature: 'x-webhook-signature',
  legacySignature: 'x-signature',
  idempotencyKey: 'idempotency-key',
} as const;

/** How far a delivery's timestamp may be from our clock. */
export const webhookToleranceSeconds = 300;

function hmacHex(secret: string, message: Buffer | string): string {
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** The current scheme's signature header value for a body signed at `timestamp` (unix seconds). */
export function webhookSignature(secret: string, timestamp: number, rawBody: Buffer | string): string {
  return `sha256=${hmacHex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(rawBody)]))}`;
}

/** The legacy scheme's `X-Signature` value. */
export function legacyWebhookSignature(secret: string, rawBody: Buffer | string): string {
  return hmacHex(secret, rawBody);
}

/** The headers the upstream sends with a delivery (current scheme). */
export function signedWebhookHeaders(
  secret: string,
  rawBody: Buffer | string,
  delivery: { id: string; event: string; timestamp: number },
): Record<string, string> {
  return {
    'content-type': 'application/json',
    [webhookHeaderNames.id]: delivery.id,
    [webhookHeaderNames.idempotencyKey]: delivery.id,
    [webhookHeaderNames.event]: delivery.event,
    [webhookHeaderNames.timestamp]: String(delivery.timestamp),
    [webhookHeaderNames.signature]: webhookSignature(secret, delivery.timestamp, rawBody),
  };
}

function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

export type WebhookVerdict = { ok: true; scheme: 'current' | 'legacy' } | { ok: false; reason: string };

/** Checks a delivery's signature against the task's secret, in constant time; `nowMs` is our clock. */
export function verifyWebhook(headers: Headers, rawBody: Buffer, secret: string, nowMs: number): WebhookVerdict {
  const signature = header(headers, webhookHeaderNames.signature);
  const timestamp = header(headers, webhookHeaderNames.timestamp);
  if (signature || timestamp) {
    if (!signature || !timestamp) return { ok: false, reason: 'signature or timestamp header missing' };
    const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!Number.isFinite(seconds) || Math.abs(nowMs / 1000 - seconds) > webhookToleranceSeconds) {
      return { ok: false, reason: 'timestamp missing, malformed or outside the allowed window' };
    }
    return safeEqual(webhookSignature(secret, seconds, rawBody), signature.toLowerCase())
      ? { ok: true, scheme: 'current' }
      : { ok: false, reason: 'signature mismatch' };
  }
  const legacy = header(headers, webhookHeaderNames.legacySignature)
    ?.replace(/^sha256=/i, '')
    .toLowerCase();
  if (!legacy) return { ok: false, reason: 'no signature header' };
  return safeEqual(legacyWebhookSignature(secret, rawBody), legacy)
    ? { ok: true, scheme: 'legacy' }
    : { ok: false, reason: 'signature mismatch' };
}

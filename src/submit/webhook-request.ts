/**
 * The webhook a paid submit asks the upstream for: with PUBLIC_URL set (or the in-process sandbox), each submit of
 * an operation that accepts webhooks asks for a callback to `<webhook base>/webhooks/aimusic/<nonce>`, signed with a
 * secret of its own. The nonce in the URL names the task's record even when a delivery's body names no task (the
 * documented examples show none: docs/upstream.md §15.1); it is no secret, since the signing secret is derived from it
 * with a key only the gateway holds. The receiver is src/transport/webhooks.ts.
 *
 * The secret is not stored. It is derived, HMAC-SHA256 of a fresh per-task nonce with the server's webhook key
 * (WEBHOOK_SIGNING_KEY, or the key file in DATA_DIR: src/app/webhook-key.ts), and the task's record keeps only the
 * nonce (`derived:<nonce>`). So the database holds no secret usable on its own: a copy of gateway.db (a backup, a
 * dump of Redis) cannot sign a delivery. A record written before keeps its secret itself, and is still verified.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { UpstreamOperation } from '../upstream/operations.js';
import { toWebhookFields } from '../upstream/wire.js';

export const webhookPath = '/webhooks/aimusic';

/** What a record's webhook field holds for a derived secret: this prefix and the nonce. */
const derivedPrefix = 'derived:';

export interface WebhookRequest {
  /** Extra submit body fields (`client.submit(..., extra)`), with the derived secret. */
  fields: Record<string, string>;
  /** What the task's record keeps (TaskRecord.webhookSecret): `derived:<nonce>`, never the secret itself. */
  secret: string;
}

/** The secret of a nonce: 256 bits, as base64url (43 characters, as the secrets before were). */
function derive(key: Uint8Array, nonce: string): string {
  return createHmac('sha256', key).update(`aimusic-graphql webhook secret\n${nonce}`).digest('base64url');
}

/**
 * The webhook a submit asks for, or undefined (no webhook base, the operation takes no webhook, or no key: the
 * services refuse to start with a webhook base and no key, src/app/webhook-key.ts).
 */
export function webhookRequest(
  key: Uint8Array | undefined,
  publicUrl: string | undefined,
  operation: Pick<UpstreamOperation<unknown>, 'acceptsWebhook'>,
): WebhookRequest | undefined {
  if (!publicUrl || !operation.acceptsWebhook || !key) return undefined;
  const nonce = randomBytes(16).toString('base64url');
  return {
    fields: toWebhookFields(`${publicUrl}${webhookPath}/${nonce}`, derive(key, nonce)),
    secret: `${derivedPrefix}${nonce}`,
  };
}

const nonceShape = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Whether `path` is the receiver's: `/webhooks/aimusic`, or that with a nonce (`/webhooks/aimusic/<nonce>`). Gives
 * what the record of the nonce's task keeps (`derived:<nonce>`, TaskRecord.webhookSecret), null for the bare path,
 * undefined for any other path.
 */
export function webhookRoute(path: string | undefined): string | null | undefined {
  if (path === webhookPath) return null;
  if (!path?.startsWith(`${webhookPath}/`)) return undefined;
  const nonce = path.slice(webhookPath.length + 1);
  return nonceShape.test(nonce) ? `${derivedPrefix}${nonce}` : undefined;
}

/** The secret a task's record stands for; undefined when it is derived and there is no key to derive it with. */
export function webhookSecretOf(stored: string, key: Uint8Array | undefined): string | undefined {
  if (!stored.startsWith(derivedPrefix)) return stored;
  return key ? derive(key, stored.slice(derivedPrefix.length)) : undefined;
}

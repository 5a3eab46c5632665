/**
 * The webhook a paid submit asks the upstream for: with PUBLIC_URL set (or the in-process sandbox), each submit of
 * an operation that accepts webhooks asks for a callback to `<webhook base>/webhooks/aimusic`, signed with a fresh
 * per-task secret that is kept in the task's registry record. The receiver is src/transport/webhooks.ts.
 */
import type { UpstreamOperation } from '../upstream/operations.js';
import { newWebhookSecret } from '../upstream/signatures.js';
import { toWebhookFields } from '../upstream/wire.js';

export const webhookPath = '/webhooks/aimusic';

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

/**
 * The upstream's contract as the sandbox knows it, copied from the documentation (docs/upstream.md: the sections are
 * named per entry) and not from the gateway's own tables: the body fields each endpoint takes, what it charges,
 * whether it takes webhook fields, the model names, and the strings its answers and webhooks carry. The gateway's
 * mistakes (a misspelt field, a wrong model name, a wrong price in its table) therefore show up as the upstream's
 * 400 or as a different charge, instead of being mirrored.
 *
 * Where the documentation gives no figure, the entry says what the sandbox assumes, as the docs do.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { SandboxError, type Body } from './checks.js';

const webhookFields = ['webhook_url', 'webhook_secret'];

/** The generation fields shared by the song-making endpoints (§3.1 body field table, §3.2, §3.3, §3.6, §3.7). */
const songFields = [
  'custom_mode',
  'mv',
  'prompt',
  'gpt_description_prompt',
  'title',
  'tags',
  'negative_tags',
  'make_instrumental',
  'auto_lyrics',
  'vocal_gender',
  'audio_weight',
  'style_weight',
  'weirdness_constraint',
  'duration',
];

interface Endpoint {
  /** Every body field the docs show for it; any other field is the upstream's 400. */
  fields: readonly string[];
  /** Credits per call (§13, aimusicapi.ai column, and §14.1); a function where the docs make it depend on the body. */
  price: number | ((body: Body) => number);
  /** Whether the docs show `webhook_url`/`webhook_secret` on it (§10, §14.2). */
  webhook: boolean;
}

const endpoint = (fields: readonly string[], price: Endpoint['price'], webhook = false): Endpoint => ({
  fields: webhook ? [...fields, ...webhookFields] : fields,
  price,
  webhook,
});

/** §13: custom-lyrics creates on sonic-v3-5 and sonic-v4 cost 10; the other creates, 14. */
const createPrice = (body: Body) => (body.custom_mode === true && (body.mv === 'sonic-v3-5' || body.mv === 'sonic-v4') ? 10 : 14);

/** /api/v1/sonic/create takes one field inventory (§3.1) for every task_type; each task type has its price. */
export const createTaskTypePrices: Record<string, Endpoint['price']> = {
  create_music: createPrice,
  extend_music: 10,
  extend_upload_music: 10,
  cover_music: 14,
  cover_upload_music: 14,
  concat_music: 2,
  persona_music: 10,
  remaster: 10,
  add_vocals: 10,
  add_instrumental: 10,
};

/** §3.1 and §15.4: `use_suno_cdn` is a /sonic/create property; no source shows it on the other song endpoints. */
const createFields = [
  'task_type',
  ...songFields,
  'use_suno_cdn',
  'continue_clip_id',
  'continue_at',
  'persona_id',
  'variation_category',
  'overpainting_start_s',
  'overpainting_end_s',
];

export const endpoints: Record<string, Endpoint> = {
  '/api/v1/sonic/create': endpoint(
    createFields,
    (body) => {
      const price = createTaskTypePrices[typeof body.task_type === 'string' ? body.task_type : 'create_music'] ?? 0;
      return typeof price === 'function' ? price(body) : price;
    },
    true,
  ),
  // §3.2 and §3.3: no published price; the docs' estimate is an upload (2) plus the extension (10) or cover (14).
  '/api/v1/sonic/upload-extend': endpoint(['url', 'continue_at', 'auto_concat', ...songFields], 12, true),
  '/api/v1/sonic/upload-cover': endpoint(['url', ...songFields], 16, true),
  '/api/v1/sonic/sample': endpoint(['url', 'sample_clip_id', 'chop_sample_start_s', 'chop_sample_end_s', ...songFields], 14),
  '/api/v1/sonic/mashup': endpoint(['mashup_clip_ids', ...songFields], 14, true),
  '/api/v1/sonic/replace-section': endpoint(
    ['clip_id', 'infill_start_s', 'infill_end_s', 'prompt', 'infill_lyrics', 'mv', 'tags', 'negative_tags', 'vocal_gender', 'auto_concat'],
    10,
    true,
  ),
  '/api/v1/sonic/stems/basic': endpoint(['clip_id'], 20),
  '/api/v1/sonic/stems/full': endpoint(['clip_id'], 50),
  '/api/v1/sonic/persona': endpoint(['name', 'clip_id', 'describe', 'styles', 'vox_audio_id', 'vocal_start_s', 'vocal_end_s'], 1),
  '/api/v1/sonic/bpm': endpoint(['clip_id'], 1),
  '/api/v1/sonic/vox': endpoint(['clip_id', 'vocal_start_s', 'vocal_end_s'], 1),
  '/api/v1/sonic/wav': endpoint(['clip_id'], 1),
  '/api/v1/sonic/midi': endpoint(['clip_id'], 1),
  // §3.12: the first timeline of a clip costs 1, later ones are free (the route knows which).
  '/api/v1/sonic/aligned-lyrics': endpoint(['clip_id'], 1),
  '/api/v1/sonic/upsample-tags': endpoint(['tags'], 1),
  '/api/v1/sonic/upload': endpoint(['url', 'callback_url'], 2),
  // §9.1: lyrics are paid in lyrics credits, not in the credits get-credits reports.
  '/api/v1/sonic/lyrics': endpoint(['description'], 0),
  // §9.3: "All Producer endpoints are asynchronous: ... poll ... or register a webhook_url".
  '/api/v1/producer/create': endpoint(['task_type', 'sound', 'lyrics', 'mv', 'title', 'seed', 'make_instrumental'], 10, true),
  '/api/v1/producer/lyrics-create': endpoint(['prompt'], 1, true),
  '/api/v1/producer/video-clip': endpoint(['clip_id'], 5, true),
  '/api/v1/producer/upload': endpoint(['url'], 2, true),
  '/api/v1/producer/download': endpoint(['clip_id', 'format'], 2, true),
  // §3.5: create voice, 4 credits; its body {audio_url, webhook_url?, webhook_secret?} is INFERRED (§15.6).
  '/api/v1/sonic/create-voice': endpoint(['audio_url'], 4, true),
  // §9.5: Riffusion (deprecated). 12 per call on musicapi.ai (no aimusicapi.ai figure); 2 per upload on sunoapi.com.
  // No webhook fields: the webhook guide names only suno, nuro and producer.
  '/api/v1/riffusion/create': endpoint(
    ['custom_mode', 'lyrics', 'title', 'make_instrumental', 'prompt', 'sound', 'mv', 'task_type', 'continue_at', 'continue_clip_id'],
    12,
  ),
  '/api/v1/riffusion/upload': endpoint(['url'], 2),
};

/** What a call to `path` with `body` costs. */
export function priceOf(path: string, body: Body): number {
  const price = endpoints[path]?.price ?? 0;
  return typeof price === 'function' ? price(body) : price;
}

/** Refuses a body field the docs do not show for the endpoint, as the upstream's parameter check would. */
export function checkFields(path: string, body: Body): void {
  const known = endpoints[path]?.fields;
  if (!known) return;
  const unknown = Object.keys(body).find((field) => !known.includes(field));
  if (unknown !== undefined) throw new SandboxError(400, `The '${unknown}' field is invalid.`);
}

/** §8: the `mv` values create-like endpoints take; `sonic-v4-5-all` only on sample and mashup. */
export const sonicModels = [
  'sonic-v3-5',
  'sonic-v4',
  'sonic-v4-5',
  'sonic-v4-5-plus',
  'sonic-v5',
  'sonic-v5-5',
  'sonic-v6',
  'sonic-v6-wild',
  'sonic-v6-mini',
  'chirp-v3-5',
  'chirp-v4',
  'chirp-v4-5',
];
export const sampleOnlyModels = ['sonic-v4-5-all'];
/** §8: models whose prompt limit is 3,000 and tags limit 200 (the others: 5,000 and 1,000). */
export const olderModels = ['sonic-v3-5', 'sonic-v4', 'chirp-v3-5', 'chirp-v4'];

/** §9.3: Producer's `mv` values; FUZZ-2.0 is the default. */
export const producerModels = [
  'FUZZ-3-Demo',
  'FUZZ-2.0',
  'FUZZ-2.0 Pro',
  'FUZZ-2.0 Raw',
  'FUZZ-1.1 Pro',
  'FUZZ-1.1',
  'FUZZ-1.0 Pro',
  'FUZZ-1.0',
  'FUZZ-0.8',
];

/** §9.5: Riffusion's `mv` values. */
export const riffusionModels = ['FUZZ-1.1 Pro', 'FUZZ-1.0 Pro', 'FUZZ-1.1', 'FUZZ-1.0'];

/** §9.5: the task_type values of /api/v1/riffusion/create (the extend page's enum). */
export const riffusionTaskTypes = [
  'create_music',
  'extend_music',
  'cover_music',
  'extend_upload_music',
  'cover_upload_music',
  'replace_music',
  'swap_music_sound',
  'swap_music_vocals',
  'replace_upload_music',
  'swap_upload_music_sound',
  'swap_upload_music_vocals',
];

/** The families of task endpoints the sandbox serves (docs/upstream.md §1); Riffusion is deprecated upstream. */
export type TaskFamily = 'sonic' | 'producer' | 'riffusion';

export type SandboxStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** §4: a Sonic clip's `state`. */
export const sonicStates: Record<SandboxStatus, string> = {
  PENDING: 'pending',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
};
/** §9.3: a Producer task's `status`. */
export const producerStatuses: Record<SandboxStatus, string> = {
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCESS',
  FAILED: 'FAILED',
};

/** §10: the events of a final state, and the platform name of a Sonic task. */
export const webhookEvents = { completed: 'song.completed', failed: 'song.failed' } as const;
export const sonicPlatform = 'suno';

/**
 * §10, current scheme: `X-Webhook-Signature: sha256=<hex>` = HMAC-SHA256(secret, `${timestamp}.${raw body}`), with
 * the event's id, name and timestamp beside it, and the id again as `Idempotency-Key`.
 */
export function webhookHeaders(secret: string, rawBody: string, event: string, timestampSeconds: number): Record<string, string> {
  const id = randomUUID();
  const signature = createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex');
  return {
    'content-type': 'application/json',
    'x-webhook-id': id,
    'x-webhook-event': event,
    'x-webhook-timestamp': String(timestampSeconds),
    'x-webhook-signature': `sha256=${signature}`,
    'idempotency-key': id,
  };
}

/**
 * The upstream's wire format (snake_case JSON) and its mapping to the domain types.
 * This is the one place in the gateway that knows the upstream's field names (the sandbox keeps its own copy of the
 * documented contract, src/sandbox/contract.ts, so that the two can disagree).
 * Facts and their sources: docs/upstream.md.
 */
import { GatewayError } from '../domain/errors.js';
import { plainClip, type Clip } from '../domain/clip.js';
import type { TaskSnapshot } from '../domain/task.js';
import type { TaskStatus } from '../domain/status.js';

export interface WireClip {
  clip_id: string;
  state: string;
  title?: string | null;
  tags?: string | null;
  lyrics?: string | null;
  gpt_description_prompt?: string | null;
  image_url?: string | null;
  audio_url?: string | null;
  wav_url?: string | null;
  video_url?: string | null;
  duration?: number | null;
  mv?: string | null;
  created_at?: string | null;
  error_message?: string | null;
}

export interface WireTaskResponse {
  code: number;
  message: string;
  data: WireClip[];
}

export interface WireSubmitResponse {
  message: string;
  task_id: string;
}

/** The shape of an upstream error answer. */
export interface WireErrorResponse {
  code?: number;
  message?: string;
  error?: string;
}

const stateToStatus: Record<string, TaskStatus> = {
  pending: 'PENDING',
  queued: 'PENDING',
  submitted: 'PENDING',
  running: 'RUNNING',
  processing: 'RUNNING',
  streaming: 'RUNNING',
  succeeded: 'SUCCEEDED',
  complete: 'SUCCEEDED',
  failed: 'FAILED',
  error: 'FAILED',
};

function malformed(what: string): GatewayError {
  return new GatewayError('UPSTREAM_ERROR', `The upstream sent a malformed response: ${what}.`);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/**
 * A clip as the gateway serves it, read from the upstream's object when a field is asked for. The clips of an answer
 * are checked at once (id and state: a malformed answer fails its read), but the rest is mapped only on demand, so
 * `{ clips { id audioUrl } }` of a 12-stem task maps 24 values rather than building 12 objects of 14 fields.
 * `toJSON` gives the whole plain Clip (what crosses Redis and what caches keep).
 */
class LazyClip implements Clip {
  readonly #wire: Record<string, unknown>;
  /** Producer items name the style `sound` and have no description. */
  readonly #producer: boolean;

  constructor(
    wire: Record<string, unknown>,
    readonly id: string,
    readonly status: TaskStatus,
    readonly error: string | null,
    producer: boolean,
  ) {
    this.#wire = wire;
    this.#producer = producer;
  }

  get title() {
    return str(this.#wire.title);
  }
  get tags() {
    return str(this.#producer ? this.#wire.sound : this.#wire.tags);
  }
  get lyrics() {
    return str(this.#wire.lyrics);
  }
  get description() {
    return this.#producer ? null : str(this.#wire.gpt_description_prompt);
  }
  get audioUrl() {
    return str(this.#wire.audio_url);
  }
  get wavUrl() {
    return str(this.#wire.wav_url);
  }
  get imageUrl() {
    return str(this.#wire.image_url);
  }
  get videoUrl() {
    return str(this.#wire.video_url);
  }
  get duration() {
    return num(this.#wire.duration);
  }
  get model() {
    return str(this.#wire.mv);
  }
  get createdAt() {
    return str(this.#wire.created_at);
  }
  /** Suno-style stem clips name their stem in `metadata.stem_type_group_name` (docs/upstream.md §5). */
  get stemLabel() {
    const metadata = this.#wire.metadata;
    return typeof metadata === 'object' && metadata !== null ? str((metadata as Record<string, unknown>).stem_type_group_name) : null;
  }

  toJSON(): Clip {
    return plainClip(this);
  }
}

export function toClip(wire: unknown): Clip {
  if (typeof wire !== 'object' || wire === null) throw malformed('a clip is not an object');
  const w = wire as Record<string, unknown>;
  const id = str(w.clip_id);
  if (!id) throw malformed('a clip has no clip_id');
  const state = str(w.state);
  const status = state ? stateToStatus[state.toLowerCase()] : undefined;
  if (!status) throw malformed(`clip ${id} is in an unknown state "${String(w.state)}"`);
  const error = status === 'FAILED' ? (str(w.error_message) ?? 'The upstream reported the clip as failed.') : null;
  return new LazyClip(w, id, status, error, false);
}

/** A task's status is the least advanced of its clips'; any failed clip fails the task. */
export function taskStatusOf(clips: readonly Clip[]): TaskStatus {
  if (clips.length === 0) return 'PENDING';
  if (clips.some((c) => c.status === 'FAILED')) return 'FAILED';
  if (clips.every((c) => c.status === 'SUCCEEDED')) return 'SUCCEEDED';
  return clips.some((c) => c.status !== 'PENDING') ? 'RUNNING' : 'PENDING';
}

export function toTaskSnapshot(taskId: string, body: unknown): TaskSnapshot {
  if (typeof body !== 'object' || body === null) throw malformed('the task answer is not a JSON object');
  const fields = body as Record<string, unknown>;
  // Early polls answer {"type":"not_ready"} with no data (docs/upstream.md §4).
  if (fields.type === 'not_ready' && fields.data === undefined) return { id: taskId, status: 'PENDING', clips: [], error: null };
  if (!Array.isArray(fields.data)) throw malformed('the task answer has no data list');
  const clips = fields.data.map(toClip);
  const status = taskStatusOf(clips);
  const failed = clips.find((c) => c.status === 'FAILED');
  return { id: taskId, status, clips, error: failed?.error ?? null };
}

/** A Producer task's status is the task's own, uppercase (docs/upstream.md §9.3). */
const producerStatuses: Record<string, TaskStatus> = {
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  SUCCESS: 'SUCCEEDED',
  FAILED: 'FAILED',
};

/** The items of a Producer task (`data[]`): one song, a lyrics draft, a video, an upload or a download. */
export interface WireProducerItem {
  clip_id?: string | null;
  title?: string | null;
  sound?: string | null;
  lyrics?: string | null;
  audio_url?: string | null;
  wav_url?: string | null;
  image_url?: string | null;
  video_url?: string | null;
  duration?: number | null;
}

export interface WireProducerTaskResponse {
  code: number;
  status: string;
  message: string;
  data: WireProducerItem[];
}

/**
 * A Producer task. Its items carry no state of their own, so each takes the task's; an item without a clip_id
 * (a lyrics draft) is named after the task and its position.
 */
export function toProducerTaskSnapshot(taskId: string, body: unknown): TaskSnapshot {
  if (typeof body !== 'object' || body === null) throw malformed('the task answer is not a JSON object');
  const fields = body as Record<string, unknown>;
  const status = typeof fields.status === 'string' ? producerStatuses[fields.status.toUpperCase()] : undefined;
  if (!status) throw malformed(`the task is in an unknown status "${String(fields.status)}"`);
  const items = Array.isArray(fields.data) ? fields.data : [];
  const error = status === 'FAILED' ? (str(fields.message) ?? 'The upstream reported the task as failed.') : null;
  const clips = items.map((item: unknown, index): Clip => {
    if (typeof item !== 'object' || item === null) throw malformed('a task item is not an object');
    const w = item as Record<string, unknown>;
    return new LazyClip(w, str(w.clip_id) ?? `${taskId}-${index + 1}`, status, error, true);
  });
  return { id: taskId, status, clips, error };
}

export function toSubmittedTask(body: unknown): { taskId: string } {
  const taskId = typeof body === 'object' && body !== null ? str((body as Record<string, unknown>).task_id) : null;
  if (!taskId) throw malformed('the submit answer has no task_id');
  return { taskId };
}

/** The body fields a submit adds to ask for a callback when its task ends (docs/upstream.md §10). */
export function toWebhookFields(url: string, secret: string): Record<string, string> {
  return { webhook_url: url, webhook_secret: secret };
}

/** A webhook delivery's body: the task answer plus the task's id, its platform and the event (§10). */
export interface WireWebhookPayload extends WireTaskResponse {
  task_id: string;
  platform: string;
  event: string;
}

/** The task id a webhook body names, read before its signature is checked (to find the secret); null if none. */
export function webhookTaskId(body: unknown): string | null {
  return typeof body === 'object' && body !== null ? str((body as Record<string, unknown>).task_id) : null;
}

export const webhookFailedEvent = 'song.failed';

/**
 * The task state a (verified) webhook body reports. A failure is an `event` of `song.failed` or a `code` other than
 * 200, with partial or no clips; anything else is read as a task answer. Only the body is read: it is what the
 * signature covers (the X-Webhook-Event header is not).
 */
export function toWebhookSnapshot(body: unknown): TaskSnapshot {
  const taskId = webhookTaskId(body);
  if (!taskId) throw malformed('the webhook body has no task_id');
  const fields = body as Record<string, unknown>;
  const code = fields.code;
  const failed = str(fields.event) === webhookFailedEvent || (typeof code === 'number' && code !== 200);
  if (!failed) return toTaskSnapshot(taskId, body);
  const clips = Array.isArray(fields.data) ? fields.data.map(toClip) : [];
  const message = str(fields.message);
  const error =
    clips.find((c) => c.status === 'FAILED')?.error ??
    (message && message !== 'success' ? message : 'The upstream reported the task as failed.');
  return { id: taskId, status: 'FAILED', clips, error };
}

/**
 * The upstream's wire format (snake_case JSON) and its mapping to the domain types.
 * This is the one place in the gateway that knows the upstream's field names (the sandbox keeps its own copy of the
 * documented contract, src/sandbox/contract.ts, so that the two can disagree).
 * Facts and their sources: docs/upstream.md.
 */
import { unreadable } from './unreadable.js';
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

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
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
  if (typeof wire !== 'object' || wire === null) throw unreadable('data[]', 'a clip is not an object');
  const w = wire as Record<string, unknown>;
  const id = str(w.clip_id);
  if (!id) throw unreadable('data[].clip_id', 'a clip has no clip_id');
  const state = str(w.state);
  const status = state ? stateToStatus[state.toLowerCase()] : undefined;
  if (!status) throw unreadable('data[].state', `clip ${id} is in an unknown state "${String(w.state)}"`);
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

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A Sonic (or Riffusion) task answer: `data` lists clips, each with its own state. A create-voice task answers `data`
 * as an object instead, holding the persona it made (docs/upstream.md §3.5).
 */
export function toTaskSnapshot(taskId: string, body: unknown): TaskSnapshot {
  if (!isObject(body)) throw unreadable('(body)', 'the task answer is not a JSON object');
  // Early polls answer {"type":"not_ready"} with no data (docs/upstream.md §4).
  if (body.type === 'not_ready' && body.data === undefined) return { id: taskId, status: 'PENDING', clips: [], error: null };
  if (isObject(body.data)) return toVoiceSnapshot(taskId, body.data, str(body.message));
  if (!Array.isArray(body.data)) throw unreadable('data', 'the task answer has no data list');
  const clips = body.data.map(toClip);
  const status = taskStatusOf(clips);
  const failed = clips.find((c) => c.status === 'FAILED');
  return { id: taskId, status, clips, error: failed?.error ?? null };
}

/**
 * A create-voice task: `{code, data: {persona_id, name}}` once it is done (INFERRED, docs/upstream.md §3.5); before,
 * a `state` (or `status`) in `data`, read as a clip's state is.
 */
function toVoiceSnapshot(taskId: string, data: Record<string, unknown>, message: string | null): TaskSnapshot {
  const personaId = str(data.persona_id);
  if (personaId) return { id: taskId, status: 'SUCCEEDED', clips: [], error: null, persona: { id: personaId, name: str(data.name) } };
  const state = str(data.state) ?? str(data.status);
  const status = state ? stateToStatus[state.toLowerCase()] : undefined;
  if (!status) throw unreadable('data.persona_id', 'the task answer holds neither a clip list nor a persona_id nor a known state');
  if (status === 'SUCCEEDED') throw unreadable('data.persona_id', 'the finished voice task has no persona_id');
  const error =
    status === 'FAILED'
      ? (str(data.error_message) ?? (message !== 'success' ? message : null) ?? 'The upstream reported the task as failed.')
      : null;
  return { id: taskId, status, clips: [], error };
}

/** A Producer task's status is the task's own, uppercase (docs/upstream.md §9.3). */
export const producerStatuses: Record<string, TaskStatus> = {
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

/** A Producer task read (GET /api/v1/producer/task/{id}): its `status` says where the whole task is. */
export function toProducerTaskSnapshot(taskId: string, body: unknown): TaskSnapshot {
  if (!isObject(body)) throw unreadable('(body)', 'the task answer is not a JSON object');
  const status = typeof body.status === 'string' ? producerStatuses[body.status.toUpperCase()] : undefined;
  if (!status) throw unreadable('status', `the task is in an unknown status "${String(body.status)}"`);
  return producerSnapshot(taskId, status, body);
}

/**
 * A Producer task in a known status. Its items carry no state of their own, so each takes the task's; an item
 * without a clip_id (a lyrics draft) is named after the task and its position, the same in polls and webhooks.
 */
export function producerSnapshot(taskId: string, status: TaskStatus, fields: Record<string, unknown>): TaskSnapshot {
  const items = Array.isArray(fields.data) ? fields.data : [];
  const message = str(fields.message);
  const error = status === 'FAILED' ? ((message !== 'success' ? message : null) ?? 'The upstream reported the task as failed.') : null;
  const clips = items.map((item: unknown, index): Clip => {
    if (!isObject(item)) throw unreadable('data[]', 'a task item is not an object');
    return new LazyClip(item, str(item.clip_id) ?? `${taskId}-${index + 1}`, status, error, true);
  });
  return { id: taskId, status, clips, error };
}

export function toSubmittedTask(body: unknown): { taskId: string } {
  const taskId = isObject(body) ? str(body.task_id) : null;
  if (!taskId) throw unreadable('task_id', 'the submit answer has no task_id');
  return { taskId };
}

/** The body fields a submit adds to ask for a callback when its task ends (docs/upstream.md §10). */
export function toWebhookFields(url: string, secret: string): Record<string, string> {
  return { webhook_url: url, webhook_secret: secret };
}

/**
 * What a sandbox task looks like to the outside, per family, as the upstream's documented examples show it: the
 * answer of GET /api/v1/{family}/task/{id}, and the body of the webhook delivery a final state sends (that answer plus
 * `task_id`, `platform` and `event`, docs/upstream.md §10, §15.1). Sonic clips carry a `state` each (§4); Producer
 * items carry none, the task's `status` says where it is (§9.3); Riffusion clips have a numeric `duration` (§9.5);
 * a create-voice task answers its persona in a `data` object (§3.5, INFERRED).
 */
import { producerStatuses, sonicPlatform, sonicStates, webhookEvents, type TaskFamily } from './contract.js';
import type { ClipSeed, SandboxStore, SandboxTask } from './store.js';

/** The platform names of the webhook guide (§10): Sonic is "suno". */
const platforms: Record<TaskFamily, string> = { sonic: sonicPlatform, producer: 'producer', riffusion: 'riffusion' };

/**
 * A create-voice task: `{"type":"not_ready"}` until it ends (the pre-data answer of §4), then its persona, or a
 * failed state. The answers before the end and on failure are the sandbox's assumption: none is documented.
 */
function voiceAnswer(store: SandboxStore, task: SandboxTask & { voice: NonNullable<SandboxTask['voice']> }) {
  const status = store.status(task);
  if (status === 'SUCCEEDED') return { code: 200, message: 'success', data: { persona_id: task.voice.personaId, name: task.voice.name } };
  if (status === 'FAILED') return { code: 200, message: task.failWith, data: { state: sonicStates.FAILED, error_message: task.failWith } };
  return { type: 'not_ready', message: 'The voice is not ready yet.' };
}

/** GET /api/v1/sonic/task/{id} (§4). */
export function sonicAnswer(store: SandboxStore, task: SandboxTask): Record<string, unknown> {
  if (task.voice) return voiceAnswer(store, task as SandboxTask & { voice: NonNullable<SandboxTask['voice']> });
  return { code: 200, message: 'success', data: store.wireClips(task) };
}

function producerItem(store: SandboxStore, c: ClipSeed): Record<string, unknown> {
  const base = { clip_id: c.id, title: c.title };
  switch (c.producerItem) {
    case 'lyrics':
      // A lyrics draft has no clip id (the project owner's note; no example is documented, §15.1).
      return { title: c.title, lyrics: c.lyrics };
    case 'video':
      return { ...base, video_url: store.fileUrl(c.id, 'mp4'), image_url: store.fileUrl(c.id, 'svg') };
    case 'mp3':
      return { ...base, audio_url: store.fileUrl(c.id, 'wav') };
    case 'wav':
      return { ...base, wav_url: store.fileUrl(c.id, 'wav') };
    default:
      // The documented create_music item (§9.3): clip_id, title, sound, lyrics, audio_url, wav_url, image_url; the
      // copy stops there. `duration` is read by a third-party receiver ([B44], §15.1: INFERRED).
      return {
        ...base,
        sound: c.tags || null,
        lyrics: c.lyrics || null,
        audio_url: store.fileUrl(c.id, 'wav'),
        wav_url: store.fileUrl(c.id, 'wav'),
        image_url: store.fileUrl(c.id, 'svg'),
        duration: c.duration,
      };
  }
}

/** GET /api/v1/producer/task/{id} (§9.3): items only once it has succeeded. */
export function producerAnswer(store: SandboxStore, task: SandboxTask): Record<string, unknown> {
  const status = store.status(task);
  const data = status === 'SUCCEEDED' ? task.clips.map((c) => producerItem(store, c)) : [];
  const message = status === 'FAILED' ? `${task.failWith} Credits were refunded.` : 'success';
  return { code: 200, status: producerStatuses[status], message, data };
}

/** GET /api/v1/riffusion/task/{id} (§9.5): the documented item fields, `duration` a number. */
export function riffusionAnswer(store: SandboxStore, task: SandboxTask): Record<string, unknown> {
  const status = store.status(task);
  const done = status === 'SUCCEEDED';
  const data = task.clips.map((c) => ({
    clip_id: c.id,
    title: c.title,
    lyrics: c.lyrics,
    image_url: done ? store.fileUrl(c.id, 'svg') : null,
    audio_url: status === 'PENDING' || status === 'FAILED' ? null : store.fileUrl(c.id, 'wav'),
    video_url: null,
    created_at: new Date(task.createdAt).toISOString(),
    mv: c.model,
    duration: done ? Math.round(c.duration * 100) / 100 : null,
    state: sonicStates[status],
  }));
  return { code: 200, data, message: 'success' };
}

export function taskAnswer(store: SandboxStore, task: SandboxTask): Record<string, unknown> {
  if (task.family === 'producer') return producerAnswer(store, task);
  if (task.family === 'riffusion') return riffusionAnswer(store, task);
  return sonicAnswer(store, task);
}

/** The body of the webhook delivery of a task's final state: its family's task answer, plus its id, platform and event. */
export function deliveryBody(store: SandboxStore, task: SandboxTask): { event: string; body: Record<string, unknown> } {
  const event = store.status(task) === 'FAILED' ? webhookEvents.failed : webhookEvents.completed;
  return { event, body: { ...taskAnswer(store, task), task_id: task.id, platform: platforms[task.family], event } };
}

/** A clip: one piece of audio the upstream produced or holds (a take, a stem, an upload), in the gateway's terms. */
import type { TaskStatus } from './status.js';

export interface Clip {
  id: string;
  status: TaskStatus;
  title: string | null;
  tags: string | null;
  lyrics: string | null;
  description: string | null;
  audioUrl: string | null;
  /** A lossless rendering, where the upstream gives one with the task (Producer tasks). */
  wavUrl: string | null;
  imageUrl: string | null;
  videoUrl: string | null;
  /** Seconds. */
  duration: number | null;
  /** The upstream model name, e.g. `sonic-v4-5`. */
  model: string | null;
  createdAt: string | null;
  /** Why this clip failed, when it did. */
  error: string | null;
  /** For a stem clip, the stem the upstream names in its metadata (e.g. `Backing_Vocals`), when it does. */
  stemLabel?: string | null;
}

/** Every field of a clip, as a plain object. */
export function plainClip(clip: Clip): Clip {
  const { id, status, title, tags, lyrics, description, audioUrl, wavUrl, imageUrl, videoUrl, duration, model, createdAt, error } = clip;
  const plain: Clip = {
    id,
    status,
    title,
    tags,
    lyrics,
    description,
    audioUrl,
    wavUrl,
    imageUrl,
    videoUrl,
    duration,
    model,
    createdAt,
    error,
  };
  // Only when there is one: most clips are not stems, and their JSON (caches, Redis, events) stays as it was.
  if (clip.stemLabel) plain.stemLabel = clip.stemLabel;
  return plain;
}

/**
 * When a running task will likely finish, from how long this gateway's own finished tasks of the same kind took.
 * Pure: the durations come from the store (DurationHistory), the clock from the caller.
 *
 * The typical duration is the median of the recent durations: one task that waited an hour (a stuck upstream queue,
 * a gateway that was down when it finished) moves a median by one place, where it would drag a mean far off.
 */
import type { SubmittedTaskKind } from './kinds.js';

/** How many of the most recent durations of a kind the estimate looks at. */
export const recentDurations = 20;

/** Below this many finished tasks of a kind, the default still counts as one more duration. */
const minimumHistory = 3;

const minute = 60_000;

/**
 * What a kind takes before this gateway has seen any finish (docs/live-updates.md, "Progress estimates"). The upstream's own
 * guidance is "about 2 minutes" for a generation (docs/upstream.md §12); the rest are guesses of the same order.
 */
export const defaultDurationsMs: Readonly<Record<SubmittedTaskKind, number>> = {
  CREATE_MUSIC: 2 * minute,
  EXTEND_MUSIC: 2 * minute,
  EXTEND_UPLOADED_MUSIC: 2 * minute,
  COVER_MUSIC: 2 * minute,
  COVER_UPLOADED_MUSIC: 2 * minute,
  CONCAT_MUSIC: 0.5 * minute,
  PERSONA_MUSIC: 2 * minute,
  REMASTER: 2 * minute,
  ADD_VOCALS: 2 * minute,
  ADD_INSTRUMENTAL: 2 * minute,
  UPLOAD_AND_EXTEND: 2.5 * minute,
  UPLOAD_AND_COVER: 2.5 * minute,
  SAMPLE: 2 * minute,
  MASHUP: 2 * minute,
  REPLACE_SECTION: 2 * minute,
  STEMS_FULL: 1.5 * minute,
  STEMS_BASIC: 1 * minute,
  CREATE_VOICE: 1 * minute,
  PRODUCER_MUSIC: 2 * minute,
  PRODUCER_LYRICS: 0.25 * minute,
  PRODUCER_VIDEO: 2 * minute,
  PRODUCER_UPLOAD: 0.5 * minute,
  PRODUCER_DOWNLOAD: 0.5 * minute,
  RIFFUSION_MUSIC: 2 * minute,
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How long a task of `kind` typically takes, from `history` (the recent durations in ms, newest first). */
export function typicalDurationMs(kind: SubmittedTaskKind, history: readonly number[], defaults = defaultDurationsMs): number {
  const usable = history.filter((d) => Number.isFinite(d) && d >= 0).slice(0, recentDurations);
  return median(usable.length >= minimumHistory ? usable : [...usable, defaults[kind]]);
}

/**
 * When a task submitted at `submittedAt` (epoch ms) should be done, seen at `now`. A task already past its typical
 * duration is late: it is then expected a tenth of that duration (at least a second) after `now`, so the estimate
 * never lies in the past while the task runs.
 */
export function estimatedCompletion(submittedAt: number, typicalMs: number, now: number): number {
  const expected = submittedAt + typicalMs;
  return expected > now ? expected : now + Math.max(1000, typicalMs / 10);
}

/** Every kind taking the same time: what a gateway on its in-process sandbox expects (SANDBOX_TASK_MS). */
export function sameForEveryKind(ms: number): Record<SubmittedTaskKind, number> {
  return Object.fromEntries(Object.keys(defaultDurationsMs).map((kind) => [kind, ms])) as Record<SubmittedTaskKind, number>;
}

/** Domain types: what the gateway knows of upstream objects, in its own (camelCase) terms. */

export const taskStatuses = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export function isTerminal(status: TaskStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}

export const stemKinds = [
  'VOCALS',
  'BACKING_VOCALS',
  'DRUMS',
  'BASS',
  'GUITAR',
  'KEYBOARD',
  'PERCUSSION',
  'STRINGS',
  'SYNTH',
  'FX',
  'BRASS',
  'WOODWINDS',
  'INSTRUMENTAL',
  'OTHER',
] as const;
export type StemKind = (typeof stemKinds)[number];

export const musicModels = [
  'SONIC_V3_5',
  'SONIC_V4',
  'SONIC_V4_5',
  'SONIC_V4_5_PLUS',
  'SONIC_V5',
  'SONIC_V5_5',
  'SONIC_V6',
  'SONIC_V6_WILD',
  'SONIC_V6_MINI',
] as const;
export type MusicModel = (typeof musicModels)[number];

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
}

/** One upstream read of a task: its clips and the status they add up to. */
export interface TaskSnapshot {
  id: string;
  status: TaskStatus;
  clips: Clip[];
  error: string | null;
}

/** The answer to any submitting POST. */
export interface SubmittedTask {
  taskId: string;
}

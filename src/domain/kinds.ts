/** The kinds of task the gateway starts, and the upstream family (task endpoint, answer shape) of each. */
/**
 * The upstream API families whose tasks the gateway reads; each has its own task endpoint (GET
 * /api/v1/{family}/task/{id}), answer shape and webhook delivery shape. Riffusion is deprecated upstream.
 */
export const taskFamilies = ['sonic', 'producer', 'riffusion'] as const;
export type TaskFamily = (typeof taskFamilies)[number];

/** Each kind of task a gateway operation starts, and the family whose task endpoint reads it. */
export const taskKindFamilies = {
  CREATE_MUSIC: 'sonic',
  EXTEND_MUSIC: 'sonic',
  EXTEND_UPLOADED_MUSIC: 'sonic',
  COVER_MUSIC: 'sonic',
  COVER_UPLOADED_MUSIC: 'sonic',
  CONCAT_MUSIC: 'sonic',
  PERSONA_MUSIC: 'sonic',
  REMASTER: 'sonic',
  ADD_VOCALS: 'sonic',
  ADD_INSTRUMENTAL: 'sonic',
  UPLOAD_AND_EXTEND: 'sonic',
  UPLOAD_AND_COVER: 'sonic',
  SAMPLE: 'sonic',
  MASHUP: 'sonic',
  REPLACE_SECTION: 'sonic',
  STEMS_FULL: 'sonic',
  STEMS_BASIC: 'sonic',
  CREATE_VOICE: 'sonic',
  PRODUCER_MUSIC: 'producer',
  PRODUCER_LYRICS: 'producer',
  PRODUCER_VIDEO: 'producer',
  PRODUCER_UPLOAD: 'producer',
  PRODUCER_DOWNLOAD: 'producer',
  RIFFUSION_MUSIC: 'riffusion',
} as const satisfies Record<string, TaskFamily>;

export type SubmittedTaskKind = keyof typeof taskKindFamilies;
export const taskKinds = [...(Object.keys(taskKindFamilies) as SubmittedTaskKind[]), 'UNKNOWN'] as const;
export type TaskKind = SubmittedTaskKind | 'UNKNOWN';

export function familyOf(kind: SubmittedTaskKind): TaskFamily {
  return taskKindFamilies[kind];
}

/** The generation models a client may ask for, in the gateway's terms (their upstream names: src/upstream/requests.ts). */
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

export const producerModels = [
  'FUZZ_3_DEMO',
  'FUZZ_2_0',
  'FUZZ_2_0_PRO',
  'FUZZ_2_0_RAW',
  'FUZZ_1_1_PRO',
  'FUZZ_1_1',
  'FUZZ_1_0_PRO',
  'FUZZ_1_0',
  'FUZZ_0_8',
] as const;
export type ProducerModel = (typeof producerModels)[number];

/** Riffusion's models (docs/upstream.md §9.5; the family is deprecated upstream). */
export const riffusionModels = ['FUZZ_1_1_PRO', 'FUZZ_1_0_PRO', 'FUZZ_1_1', 'FUZZ_1_0'] as const;
export type RiffusionModel = (typeof riffusionModels)[number];

/** What a Riffusion create does (its `task_type`, docs/upstream.md §9.5). */
export const riffusionTaskTypes = [
  'CREATE',
  'EXTEND',
  'COVER',
  'EXTEND_UPLOADED',
  'COVER_UPLOADED',
  'REPLACE',
  'SWAP_SOUND',
  'SWAP_VOCALS',
  'REPLACE_UPLOADED',
  'SWAP_UPLOADED_SOUND',
  'SWAP_UPLOADED_VOCALS',
] as const;
export type RiffusionTaskType = (typeof riffusionTaskTypes)[number];

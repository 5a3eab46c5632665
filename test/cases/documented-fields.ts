/**
 * The body fields each upstream endpoint documents, copied by hand from docs/upstream.md (the section is named per
 * entry), for the endpoints the gateway calls. test/documented-bodies.test.ts holds every body the gateway sends to
 * these lists, and to the documented examples of test/cases/upstream-examples.ts `documentedBodies`. Not read from
 * src/: a field the gateway adds that no source shows fails there.
 *
 * `evidence` is that of the field list: VERIFIED (an official page lists the fields), INFERRED (third-party code
 * quoting the docs), UNVERIFIED (no source shows the fields; the list is the gateway's documented guess, §14.2).
 */

const webhook = ['webhook_url', 'webhook_secret'];

/**
 * §3.1 body field table: the song fields of /sonic/create, which the other song endpoints take as "create fields"
 * (§3.2, §3.6, §3.7), without `use_suno_cdn`, which only /sonic/create shows (§15.4).
 */
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

export interface FieldList {
  fields: readonly string[];
  section: string;
  evidence: 'VERIFIED' | 'INFERRED' | 'UNVERIFIED';
}

export const documentedFields: Record<string, FieldList> = {
  '/api/v1/sonic/create': {
    fields: [
      'task_type',
      ...songFields,
      'continue_clip_id',
      'continue_at',
      'persona_id',
      'variation_category',
      'overpainting_start_s',
      'overpainting_end_s',
      'use_suno_cdn',
      ...webhook,
    ],
    section: '§3.1',
    evidence: 'VERIFIED',
  },
  '/api/v1/sonic/upload-extend': {
    fields: ['url', 'continue_at', 'auto_concat', ...songFields, ...webhook],
    section: '§3.2',
    evidence: 'INFERRED',
  },
  '/api/v1/sonic/upload-cover': {
    fields: [
      'url',
      'custom_mode',
      'mv',
      'prompt',
      'gpt_description_prompt',
      'title',
      'tags',
      'negative_tags',
      'make_instrumental',
      'style_weight',
      'weirdness_constraint',
      'audio_weight',
      'vocal_gender',
      'duration',
      ...webhook,
    ],
    section: '§3.3',
    evidence: 'INFERRED',
  },
  '/api/v1/sonic/persona': {
    fields: ['name', 'clip_id', 'describe', 'styles', 'vox_audio_id', 'vocal_start_s', 'vocal_end_s'],
    section: '§3.4',
    evidence: 'VERIFIED',
  },
  '/api/v1/sonic/create-voice': { fields: ['audio_url', ...webhook], section: '§3.5', evidence: 'INFERRED' },
  '/api/v1/sonic/sample': {
    fields: ['url', 'sample_clip_id', 'chop_sample_start_s', 'chop_sample_end_s', ...songFields],
    section: '§3.6',
    evidence: 'INFERRED',
  },
  '/api/v1/sonic/mashup': { fields: ['mashup_clip_ids', ...songFields, ...webhook], section: '§3.7', evidence: 'INFERRED' },
  '/api/v1/sonic/bpm': { fields: ['clip_id'], section: '§3.8', evidence: 'INFERRED' },
  '/api/v1/sonic/vox': { fields: ['clip_id', 'vocal_start_s', 'vocal_end_s'], section: '§3.9', evidence: 'VERIFIED' },
  '/api/v1/sonic/wav': { fields: ['clip_id'], section: '§3.10', evidence: 'VERIFIED' },
  '/api/v1/sonic/midi': { fields: ['clip_id'], section: '§3.11', evidence: 'INFERRED' },
  '/api/v1/sonic/aligned-lyrics': { fields: ['clip_id'], section: '§3.12', evidence: 'VERIFIED' },
  '/api/v1/sonic/upsample-tags': { fields: ['tags'], section: '§3.13', evidence: 'INFERRED' },
  '/api/v1/sonic/replace-section': {
    fields: [
      'clip_id',
      'infill_start_s',
      'infill_end_s',
      'prompt',
      'infill_lyrics',
      'mv',
      'tags',
      'negative_tags',
      'vocal_gender',
      'auto_concat',
      ...webhook,
    ],
    section: '§3.14',
    evidence: 'INFERRED',
  },
  '/api/v1/sonic/stems/basic': { fields: ['clip_id'], section: '§3.15', evidence: 'VERIFIED' },
  '/api/v1/sonic/stems/full': { fields: ['clip_id'], section: '§3.15', evidence: 'VERIFIED' },
  '/api/v1/sonic/upload': { fields: ['url', 'callback_url'], section: '§3.16', evidence: 'VERIFIED' },
  '/api/v1/sonic/lyrics': { fields: ['description'], section: '§9.1', evidence: 'VERIFIED' },
  '/api/v1/producer/create': {
    fields: ['task_type', 'sound', 'lyrics', 'mv', 'title', 'seed', 'make_instrumental', ...webhook],
    section: '§9.3',
    evidence: 'VERIFIED',
  },
  '/api/v1/producer/lyrics-create': { fields: ['prompt', ...webhook], section: '§9.3, §14.2', evidence: 'UNVERIFIED' },
  '/api/v1/producer/video-clip': { fields: ['clip_id', ...webhook], section: '§9.3, §14.2', evidence: 'UNVERIFIED' },
  '/api/v1/producer/upload': { fields: ['url', ...webhook], section: '§9.3, §14.2', evidence: 'UNVERIFIED' },
  '/api/v1/producer/download': { fields: ['clip_id', 'format', ...webhook], section: '§9.3, §14.2', evidence: 'INFERRED' },
  '/api/v1/riffusion/create': {
    fields: [
      'custom_mode',
      'lyrics',
      'title',
      'make_instrumental',
      'prompt',
      'sound',
      'mv',
      'task_type',
      'continue_at',
      'continue_clip_id',
    ],
    section: '§9.5',
    evidence: 'VERIFIED',
  },
  '/api/v1/riffusion/upload': { fields: ['url'], section: '§9.5', evidence: 'VERIFIED' },
};

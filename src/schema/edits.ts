/**
 * Inputs of the operations that make music from existing audio (a clip, an upload, a persona, a sample, two songs to
 * mash up), each with its zod schema. Song fields and their rules come from music.ts.
 */
import { z } from 'zod';
import { builder } from '../builder.js';
import type * as requests from '../upstream/requests.js';
import { describedEnum } from './enums.js';
import {
  audioWeightField,
  MusicModelEnum,
  songFields,
  songSchema,
  styleFields,
  styleRules,
  styleShape,
  weightFields,
  weightShape,
} from './music.js';
import { audioUrlSchema, idSchema, requiredTextSchema, secondsSchema, weightSchema } from './validation.js';

const sourceClip = 'The source clip (a clip id from a finished task, or from `uploadMusic` for the *Uploaded* operations).';
const urlDescription = 'A public URL of the audio file (MP3 or WAV, at most 8 minutes) that the upstream fetches.';

export const ExtendMusicInput = builder.inputType('ExtendMusicInput', {
  description: 'An extension of a clip from a point in it, with the song fields for the new part.',
  fields: (t) => ({
    clipId: t.id({ required: true, description: sourceClip }),
    continueAt: t.float({
      required: true,
      description:
        'Where in the source to continue from, in seconds (for uploaded clips the upstream suggests 0.1). It must lie within the clip; the upstream checks that.',
    }),
    ...songFields(t),
  }),
});
export const extendMusicSchema = songSchema({ clipId: idSchema, continueAt: secondsSchema }) satisfies z.ZodType<requests.ExtendRequest>;

export const CoverMusicInput = builder.inputType('CoverMusicInput', {
  description: 'A new version of a clip in another style, with the song fields for the cover.',
  fields: (t) => ({ clipId: t.id({ required: true, description: sourceClip }), audioWeight: audioWeightField(t), ...songFields(t) }),
});
export const coverMusicSchema = songSchema({
  clipId: idSchema,
  audioWeight: weightSchema.nullish(),
}) satisfies z.ZodType<requests.CoverRequest>;

export const PersonaMusicInput = builder.inputType('PersonaMusicInput', {
  description: 'A new song sung by a persona (see `createPersona`).',
  fields: (t) => ({ personaId: t.id({ required: true, description: 'The persona to sing.' }), ...songFields(t) }),
});
export const personaMusicSchema = songSchema({ personaId: idSchema }) satisfies z.ZodType<requests.PersonaMusicRequest>;

export const UploadAndExtendInput = builder.inputType('UploadAndExtendInput', {
  description: 'Audio from a URL, uploaded and extended in one call.',
  fields: (t) => ({
    url: t.string({ required: true, description: urlDescription }),
    continueAt: t.float({ required: true, description: 'Where in the upload to continue from, in seconds.' }),
    autoConcat: t.boolean({ description: 'Also join the extension to the upload, so the task holds the full song.' }),
    ...songFields(t),
  }),
});
export const uploadAndExtendSchema = songSchema({
  url: audioUrlSchema,
  continueAt: secondsSchema,
  autoConcat: z.boolean().nullish(),
}) satisfies z.ZodType<requests.UploadExtendRequest>;

export const UploadAndCoverInput = builder.inputType('UploadAndCoverInput', {
  description: 'Audio from a URL, uploaded and covered in one call.',
  fields: (t) => ({ url: t.string({ required: true, description: urlDescription }), audioWeight: audioWeightField(t), ...songFields(t) }),
});
export const uploadAndCoverSchema = songSchema({
  url: audioUrlSchema,
  audioWeight: weightSchema.nullish(),
}) satisfies z.ZodType<requests.UploadCoverRequest>;

export const SampleMusicInput = builder.inputType('SampleMusicInput', {
  description: 'A whole song grown from a short sample of a clip or of audio at a URL (give exactly one of the two).',
  fields: (t) => ({
    sampleClipId: t.id({ description: 'The clip to sample.' }),
    url: t.string({ description: `Instead of a clip: ${urlDescription}` }),
    sampleStart: t.float({ required: true, description: 'Where the sample starts in the source, in seconds.' }),
    sampleEnd: t.float({ required: true, description: 'Where the sample ends, in seconds; after `sampleStart`.' }),
    ...songFields(t),
  }),
});
export const sampleMusicSchema = songSchema({
  sampleClipId: idSchema.nullish(),
  url: audioUrlSchema.nullish(),
  sampleStart: secondsSchema,
  sampleEnd: secondsSchema,
})
  .refine((r) => !r.sampleClipId !== !r.url, { path: ['sampleClipId'], message: 'give exactly one of sampleClipId and url' })
  .refine((r) => r.sampleEnd > r.sampleStart, {
    path: ['sampleEnd'],
    message: 'must be after sampleStart',
  }) satisfies z.ZodType<requests.SampleRequest>;

export const MashupMusicInput = builder.inputType('MashupMusicInput', {
  description: 'One new song mixed from exactly two existing clips.',
  fields: (t) => ({ clipIds: t.idList({ required: true, description: 'The two clips to mash up.' }), ...songFields(t) }),
});
export const mashupMusicSchema = songSchema({
  clipIds: z
    .array(idSchema)
    .length(2, 'must hold exactly 2 clip ids')
    .refine((ids) => ids[0] !== ids[1], 'must be two different clips'),
}) satisfies z.ZodType<requests.MashupRequest>;

const remasterVariations = ['SUBTLE', 'NORMAL', 'HIGH'] as const satisfies readonly requests.RemasterVariation[];
export const RemasterVariationEnum = describedEnum(
  'RemasterVariation',
  'How far a remaster may move from the original.',
  remasterVariations,
  {
    SUBTLE: 'Close to the original.',
    NORMAL: 'The upstream default.',
    HIGH: 'Freer, more changed.',
  },
);

export const RemasterInput = builder.inputType('RemasterInput', {
  description: 'A remaster of a generated clip (best within 24 hours of its creation).',
  fields: (t) => ({
    clipId: t.id({ required: true, description: 'The generated clip to remaster.' }),
    model: t.field({ type: MusicModelEnum, required: true, defaultValue: 'SONIC_V5', description: 'The model to remaster with.' }),
    variation: t.field({ type: RemasterVariationEnum, description: 'How much the remaster may change (documented for SONIC_V5).' }),
  }),
});
export const remasterSchema = z.object({
  clipId: idSchema,
  model: styleShape.model,
  variation: z.enum(remasterVariations).nullish(),
}) satisfies z.ZodType<requests.RemasterRequest>;

const uploadedClip = 'A clip from `uploadMusic`, uploaded within the last 24 hours.';

export const AddVocalsInput = builder.inputType('AddVocalsInput', {
  description: 'Vocals sung over an uploaded instrumental.',
  fields: (t) => ({
    clipId: t.id({ required: true, description: uploadedClip }),
    lyrics: t.string({ required: true, description: 'The lyrics to sing (same length limits as `createMusic`).' }),
    audioWeight: audioWeightField(t),
    ...styleFields(t),
    ...weightFields(t),
  }),
});
export const addVocalsSchema = z
  .object({ clipId: idSchema, lyrics: requiredTextSchema(5000), audioWeight: weightSchema.nullish(), ...styleShape, ...weightShape })
  .superRefine(styleRules) satisfies z.ZodType<requests.AddPartRequest>;

export const AddInstrumentalInput = builder.inputType('AddInstrumentalInput', {
  description: 'An accompaniment played under an uploaded a-cappella vocal.',
  fields: (t) => ({
    clipId: t.id({ required: true, description: uploadedClip }),
    audioWeight: audioWeightField(t),
    ...styleFields(t),
    ...weightFields(t),
  }),
});
export const addInstrumentalSchema = z
  .object({ clipId: idSchema, audioWeight: weightSchema.nullish(), ...styleShape, ...weightShape })
  .superRefine(styleRules) satisfies z.ZodType<requests.AddPartRequest>;

export const ReplaceSectionInput = builder.inputType('ReplaceSectionInput', {
  description: 'New lyrics sung over a time range of a clip.',
  fields: (t) => ({
    clipId: t.id({ required: true, description: 'The clip to change.' }),
    start: t.float({ required: true, description: 'Where the section starts, in seconds.' }),
    end: t.float({ required: true, description: 'Where the section ends, in seconds; after `start`.' }),
    lyrics: t.string({ required: true, description: "The song's lyrics around the section, for context." }),
    sectionLyrics: t.string({ required: true, description: 'The new lyrics for the section.' }),
    autoConcat: t.boolean({ description: 'Also join the new section into the song, so the task holds the full song.' }),
    ...styleFields(t),
  }),
});
export const replaceSectionSchema = z
  .object({
    clipId: idSchema,
    start: secondsSchema,
    end: secondsSchema,
    lyrics: requiredTextSchema(5000),
    sectionLyrics: requiredTextSchema(5000),
    autoConcat: z.boolean().nullish(),
    ...styleShape,
  })
  .superRefine(styleRules)
  .refine((r) => r.end > r.start, { path: ['end'], message: 'must be after start' }) satisfies z.ZodType<requests.ReplaceSectionRequest>;

/** Voices: vocal samples (VOX), personas and voices captured from audio, with the inputs that make them. */
import { z } from 'zod';
import { builder } from '../builder.js';
import type { PersonaRequest, VoiceRequest, VoxRequest } from '../upstream/requests.js';
import type { Persona, VocalSample } from '../upstream/results.js';
import { audioUrlSchema, idSchema, requiredTextSchema, secondsSchema, textSchema } from './validation.js';

/** The longest vocal range the upstream reads (docs/upstream.md §3.9). */
export const maxVocalSpan = 30;

export const VocalSampleRef = builder.objectRef<VocalSample>('VocalSample').implement({
  description: "A clip's vocal characteristics (VOX), ready to shape a persona.",
  fields: (t) => ({
    voxAudioId: t.exposeID('voxAudioId', { description: 'Pass it to `createPersona` as `voxAudioId`.' }),
    clipId: t.exposeID('clipId', { description: 'The clip the vocals were taken from.' }),
    vocalStart: t.exposeFloat('vocalStart', { nullable: true, description: 'Where the vocal range starts, in seconds.' }),
    vocalEnd: t.exposeFloat('vocalEnd', { nullable: true, description: 'Where the vocal range ends, in seconds.' }),
  }),
});

export const PersonaRef = builder.objectRef<Persona>('Persona').implement({
  description: 'A reusable singing voice; `createMusicWithPersona` sings new songs with it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The upstream persona id.' }),
    name: t.exposeString('name', { description: 'The name it was given.' }),
    clipId: t.exposeID('clipId', { description: 'The clip whose voice it holds.' }),
  }),
});

const vocalRangeFields = {
  vocalStart: secondsSchema.nullish(),
  vocalEnd: secondsSchema.nullish(),
};

/** A vocal range is both ends or neither, in order, at most `maxVocalSpan` seconds long. */
function checkVocalRange(r: { vocalStart?: number | null; vocalEnd?: number | null }, ctx: z.RefinementCtx): void {
  const start = r.vocalStart ?? null;
  const end = r.vocalEnd ?? null;
  const problem = (message: string) => ctx.addIssue({ code: 'custom', path: ['vocalEnd'], message });
  if ((start === null) !== (end === null)) return problem('give both vocalStart and vocalEnd, or neither');
  if (start === null || end === null) return;
  if (end <= start) return problem('must be after vocalStart');
  if (end - start > maxVocalSpan) problem(`the range must be at most ${maxVocalSpan} seconds`);
}

const vocalRangeDescriptions = {
  vocalStart: 'Where the vocals to use start, in seconds (with `vocalEnd`).',
  vocalEnd: `Where they end, in seconds; at most ${maxVocalSpan} seconds after \`vocalStart\`.`,
};

export const VoxInput = builder.inputType('VoxInput', {
  description: 'The clip, and optionally the vocal range, to read vocal characteristics from.',
  fields: (t) => ({
    clipId: t.id({ required: true, description: 'A clip made or uploaded through the upstream.' }),
    vocalStart: t.float({ description: vocalRangeDescriptions.vocalStart }),
    vocalEnd: t.float({ description: vocalRangeDescriptions.vocalEnd }),
  }),
});
export const voxSchema = z.object({ clipId: idSchema, ...vocalRangeFields }).superRefine(checkVocalRange) satisfies z.ZodType<VoxRequest>;

export const CreatePersonaInput = builder.inputType('CreatePersonaInput', {
  description: 'A persona made from the voice in a clip.',
  fields: (t) => ({
    clipId: t.id({ required: true, description: 'The clip whose voice to capture (generated or uploaded).' }),
    name: t.string({ required: true, description: 'A name for the persona (at most 80 characters).' }),
    description: t.string({ description: 'What the voice is like, e.g. "warm, soulful" (at most 200 characters).' }),
    styles: t.string({ description: 'Styles the voice suits, comma-separated.' }),
    voxAudioId: t.id({ description: 'A vocal sample from `getVox` to shape the voice.' }),
    vocalStart: t.float({ description: vocalRangeDescriptions.vocalStart }),
    vocalEnd: t.float({ description: vocalRangeDescriptions.vocalEnd }),
  }),
});
export const createPersonaSchema = z
  .object({
    clipId: idSchema,
    name: requiredTextSchema(80),
    description: textSchema(200).nullish(),
    styles: textSchema(1000).nullish(),
    voxAudioId: idSchema.nullish(),
    ...vocalRangeFields,
  })
  .superRefine(checkVocalRange) satisfies z.ZodType<PersonaRequest>;

export const CreateVoiceInput = builder.inputType('CreateVoiceInput', {
  description: 'A voice to capture as a persona: a public recording of one clear speaker or singer.',
  fields: (t) => ({
    audioUrl: t.string({
      required: true,
      description: 'A public URL of an MP3 or WAV file longer than 10 seconds, with a single clear voice.',
    }),
  }),
});
export const createVoiceSchema = z.object({ audioUrl: audioUrlSchema }) satisfies z.ZodType<VoiceRequest>;

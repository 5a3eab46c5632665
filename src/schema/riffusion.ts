/**
 * Inputs of the Riffusion family (deprecated upstream, docs/upstream.md §9.5): its models, its task types and one
 * typed input for every create task type, with the rules each task type's fields follow.
 */
import { z } from 'zod';
import { builder } from '../builder.js';
import { riffusionModels, riffusionTaskTypes } from '../domain/models.js';
import type { RiffusionMusicRequest } from '../upstream/riffusion.js';
import { describedEnum } from './enums.js';
import { idSchema, textSchema } from './validation.js';

export const RiffusionModelEnum = describedEnum('RiffusionModel', 'A Riffusion model (the `mv` enum of its docs).', riffusionModels, {
  FUZZ_1_1_PRO: 'FUZZ-1.1 Pro.',
  FUZZ_1_0_PRO: 'FUZZ-1.0 Pro.',
  FUZZ_1_1: 'FUZZ-1.1.',
  FUZZ_1_0: 'FUZZ-1.0.',
});

export const RiffusionTaskTypeEnum = describedEnum(
  'RiffusionTaskType',
  'What a Riffusion create does (its `task_type`). Only CREATE and EXTEND have documented examples; the others are listed by the docs with the same fields.',
  riffusionTaskTypes,
  {
    CREATE: 'A new song (two takes) from lyrics or a description.',
    EXTEND: 'Continue a generated clip from `continueAt`.',
    COVER: 'Re-record a generated clip in another style.',
    EXTEND_UPLOADED: 'Continue an uploaded clip (from `riffusionUploadMusic`) from `continueAt`.',
    COVER_UPLOADED: 'Re-record an uploaded clip.',
    REPLACE: 'Sing a part of a generated clip anew.',
    SWAP_SOUND: 'Keep the vocals of a generated clip, change its sound.',
    SWAP_VOCALS: 'Keep the sound of a generated clip, change its vocals.',
    REPLACE_UPLOADED: 'Sing a part of an uploaded clip anew.',
    SWAP_UPLOADED_SOUND: 'Keep the vocals of an uploaded clip, change its sound.',
    SWAP_UPLOADED_VOCALS: 'Keep the sound of an uploaded clip, change its vocals.',
  },
);

export const RiffusionMusicInput = builder.inputType('RiffusionMusicInput', {
  description:
    'A Riffusion task: a new song, or work on an existing clip (`taskType`). Custom mode takes lyrics (and title, sound); ' +
    'description mode a sentence.',
  fields: (t) => ({
    taskType: t.field({ type: RiffusionTaskTypeEnum, required: true, defaultValue: 'CREATE', description: 'What to do.' }),
    model: t.field({ type: RiffusionModelEnum, required: true, defaultValue: 'FUZZ_1_1_PRO', description: 'The model.' }),
    customMode: t.boolean({
      required: true,
      defaultValue: false,
      description: 'true: you give `lyrics` (and usually `title` and `sound`). false: you give `description`.',
    }),
    lyrics: t.string({ description: 'Custom mode: the lyrics (at most 5,000 characters).' }),
    title: t.string({ description: 'The title (at most 80 characters).' }),
    sound: t.string({ description: 'The style, in free text, e.g. "pop" (at most 1,000 characters).' }),
    description: t.string({ description: 'Description mode: what the song is about (at most 400 characters).' }),
    instrumental: t.boolean({ description: 'Make it without vocals. Sent only when given.' }),
    clipId: t.id({ description: 'The clip to work on: required for every task type but CREATE, refused for CREATE.' }),
    continueAt: t.int({ description: 'EXTEND and EXTEND_UPLOADED: where to continue, in whole seconds (required there).' }),
  }),
});

const extending = new Set(['EXTEND', 'EXTEND_UPLOADED']);

export const riffusionMusicSchema = z
  .object({
    taskType: z.enum(riffusionTaskTypes),
    model: z.enum(riffusionModels),
    customMode: z.boolean(),
    lyrics: textSchema(5000).nullish(),
    title: textSchema(80).nullish(),
    sound: textSchema(1000).nullish(),
    description: textSchema(400).nullish(),
    instrumental: z.boolean().nullish(),
    clipId: idSchema.nullish(),
    continueAt: z.number().int().min(0, 'must be 0 seconds or more').max(3600, 'must be at most 3600 seconds').nullish(),
  })
  .superRefine((r, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.customMode) {
      if (!r.lyrics?.trim() && !r.instrumental) problem('lyrics', 'is required in custom mode unless instrumental is true');
      if (r.description) problem('description', 'is only used in description mode (customMode: false)');
    } else {
      if (!r.description?.trim()) problem('description', 'is required in description mode (customMode: false)');
      if (r.lyrics) problem('lyrics', 'is only used in custom mode (customMode: true)');
    }
    if (r.taskType === 'CREATE' && r.clipId) problem('clipId', 'is not used by CREATE');
    if (r.taskType !== 'CREATE' && !r.clipId) problem('clipId', `is required for ${r.taskType}`);
    if (extending.has(r.taskType) && (r.continueAt === null || r.continueAt === undefined))
      problem('continueAt', `is required for ${r.taskType}`);
    if (!extending.has(r.taskType) && r.continueAt !== null && r.continueAt !== undefined)
      problem('continueAt', 'is only used by EXTEND and EXTEND_UPLOADED');
  }) satisfies z.ZodType<RiffusionMusicRequest>;

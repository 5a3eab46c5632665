/** Inputs of the Producer family: its models, a new song, and the download formats. */
import { z } from 'zod';
import { builder } from '../builder.js';
import { producerModels } from '../domain/models.js';
import { type AudioFormat, type ProducerDownloadRequest, type ProducerMusicRequest } from '../upstream/requests.js';
import { describedEnum } from './enums.js';
import { idSchema, requiredTextSchema, textSchema } from './validation.js';

export const ProducerModelEnum = describedEnum(
  'ProducerModel',
  'A Producer model. Since 2026-04 the upstream renders every one of them with its current model (docs/upstream.md §14).',
  producerModels,
  {
    FUZZ_3_DEMO: 'FUZZ-3-Demo.',
    FUZZ_2_0: 'FUZZ-2.0, the upstream default.',
    FUZZ_2_0_PRO: 'FUZZ-2.0 Pro.',
    FUZZ_2_0_RAW: 'FUZZ-2.0 Raw.',
    FUZZ_1_1_PRO: 'FUZZ-1.1 Pro.',
    FUZZ_1_1: 'FUZZ-1.1.',
    FUZZ_1_0_PRO: 'FUZZ-1.0 Pro.',
    FUZZ_1_0: 'FUZZ-1.0.',
    FUZZ_0_8: 'FUZZ-0.8.',
  },
);

const audioFormats = ['MP3', 'WAV'] as const satisfies readonly AudioFormat[];
export const AudioFormatEnum = describedEnum('AudioFormat', 'An audio file format.', audioFormats, {
  MP3: 'Compressed MP3.',
  WAV: 'Lossless WAV.',
});

export const ProducerMusicInput = builder.inputType('ProducerMusicInput', {
  description: 'A new Producer song (one take) from a sound description, lyrics, or both.',
  fields: (t) => ({
    sound: t.string({ description: 'The style, mood and instruments, in free text. Give it, `lyrics`, or both.' }),
    lyrics: t.string({ description: 'The lyrics, with markers such as `[Verse]` and `[Chorus]`.' }),
    model: t.field({ type: ProducerModelEnum, description: 'The model; the upstream default is FUZZ_2_0.' }),
    title: t.string({ description: 'The title (at most 80 characters).' }),
    seed: t.string({ description: 'A numeric seed, for a reproducible result.' }),
    instrumental: t.boolean({ description: 'Suppress vocals, even when lyrics are given.' }),
  }),
});

export const producerMusicSchema = z
  .object({
    sound: textSchema(3000).nullish(),
    lyrics: textSchema(5000).nullish(),
    model: z.enum(producerModels).nullish(),
    title: textSchema(80).nullish(),
    seed: z
      .string()
      .regex(/^\d{1,20}$/, 'must be a number of at most 20 digits')
      .nullish(),
    instrumental: z.boolean().nullish(),
  })
  .refine((r) => Boolean(r.sound?.trim() || r.lyrics?.trim()), {
    path: ['sound'],
    message: 'give sound, lyrics, or both',
  }) satisfies z.ZodType<ProducerMusicRequest>;

export const producerDownloadSchema = z.object({
  clipId: idSchema,
  format: z.enum(audioFormats),
}) satisfies z.ZodType<ProducerDownloadRequest>;

/** What Producer lyrics are to be about. */
export const producerLyricsPromptSchema = requiredTextSchema(3000);

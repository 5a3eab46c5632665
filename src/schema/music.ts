import { z } from 'zod';
import { builder } from '../builder.js';
import type { MusicRequest } from '../upstream/operations.js';
import { musicModels, type MusicModel } from '../upstream/types.js';
import { weightSchema } from './validation.js';

const modelDescriptions: Record<MusicModel, string> = {
  SONIC_V3_5: 'sonic-v3-5: lyrics up to 3,000 characters.',
  SONIC_V4: 'sonic-v4: lyrics up to 3,000 characters.',
  SONIC_V4_5: 'sonic-v4-5: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V4_5_PLUS: 'sonic-v4-5-plus: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V5: 'sonic-v5: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V5_5: 'sonic-v5-5: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V6: 'sonic-v6, the newest generation: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V6_WILD: 'sonic-v6-wild: a more adventurous sonic-v6.',
  SONIC_V6_MINI: 'sonic-v6-mini: a faster, lighter sonic-v6.',
};

export const MusicModelEnum = builder.enumType('MusicModel', {
  description: 'The upstream generation model.',
  values: Object.fromEntries(musicModels.map((m) => [m, { value: m, description: modelDescriptions[m] }])) as {
    [M in MusicModel]: { value: M; description: string };
  },
});

export const VocalGenderEnum = builder.enumType('VocalGender', {
  description: 'The singing voice to prefer (models SONIC_V4_5 and later).',
  values: {
    FEMALE: { value: 'FEMALE' as const, description: 'A female voice.' },
    MALE: { value: 'MALE' as const, description: 'A male voice.' },
  },
});

const olderModels = new Set<MusicModel>(['SONIC_V3_5', 'SONIC_V4']);

/** Per-model limits from the upstream's instructions page (docs/upstream.md §8). */
export const limits = {
  title: 80,
  description: 400,
  tags: (model: MusicModel) => (olderModels.has(model) ? 200 : 1000),
  lyrics: (model: MusicModel) => (olderModels.has(model) ? 3000 : 5000),
};

export const CreateMusicInput = builder.inputType('CreateMusicInput', {
  description:
    'A new song (two takes). Custom mode (`customMode: true`) takes your lyrics, title and style tags; description ' +
    'mode takes a sentence (`description`) and writes the rest.',
  fields: (t) => ({
    customMode: t.boolean({
      required: true,
      defaultValue: false,
      description: 'true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`.',
    }),
    model: t.field({ type: MusicModelEnum, required: true, defaultValue: 'SONIC_V4_5', description: 'The model to generate with.' }),
    description: t.string({ description: `Description mode: what the song is about and how it sounds (at most ${limits.description} characters).` }),
    lyrics: t.string({ description: 'Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models).' }),
    title: t.string({ description: `The title (at most ${limits.title} characters).` }),
    tags: t.string({
      description: 'Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models).',
    }),
    negativeTags: t.string({ description: 'Styles to avoid, with the same length limit as `tags`.' }),
    instrumental: t.boolean({ required: true, defaultValue: false, description: 'Make it without vocals; lyrics are then not needed.' }),
    autoLyrics: t.boolean({ description: 'Custom mode: let the upstream write the lyrics from the title and tags.' }),
    vocalGender: t.field({ type: VocalGenderEnum, description: 'Preferred voice (SONIC_V4_5 and later).' }),
    styleWeight: t.float({ description: 'How strictly to follow the style tags, 0 to 1.' }),
    weirdness: t.float({ description: 'How adventurous to be, 0 to 1.' }),
  }),
});

const optionalText = (max: number) => z.string().max(max, `must be at most ${max} characters`).nullish();

export const createMusicSchema = z
  .object({
    customMode: z.boolean(),
    model: z.enum(musicModels),
    description: optionalText(limits.description),
    lyrics: z.string().nullish(),
    title: optionalText(limits.title),
    tags: z.string().nullish(),
    negativeTags: z.string().nullish(),
    instrumental: z.boolean().nullish(),
    autoLyrics: z.boolean().nullish(),
    vocalGender: z.enum(['FEMALE', 'MALE']).nullish(),
    styleWeight: weightSchema.nullish(),
    weirdness: weightSchema.nullish(),
  })
  .superRefine((r, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const tooLong = (field: 'lyrics' | 'tags' | 'negativeTags', max: number) => {
      if ((r[field]?.length ?? 0) > max) problem(field, `must be at most ${max} characters for ${r.model}`);
    };
    tooLong('lyrics', limits.lyrics(r.model));
    tooLong('tags', limits.tags(r.model));
    tooLong('negativeTags', limits.tags(r.model));
    if (r.vocalGender && olderModels.has(r.model)) problem('vocalGender', `is not supported by ${r.model}`);
    if (r.customMode) {
      if (!r.lyrics?.trim() && !r.instrumental && !r.autoLyrics) {
        problem('lyrics', 'is required in custom mode unless instrumental or autoLyrics is true');
      }
      if (r.description) problem('description', 'is only used in description mode (customMode: false)');
    } else {
      if (!r.description?.trim()) problem('description', 'is required in description mode (customMode: false)');
      for (const field of ['lyrics', 'autoLyrics'] as const) {
        if (r[field]) problem(field, 'is only used in custom mode (customMode: true)');
      }
    }
  }) satisfies z.ZodType<MusicRequest>;

/**
 * The song fields every song-making operation shares (model, mode, lyrics or description, style, weights), as
 * GraphQL input fields and as one zod shape with the per-model and per-mode rules, plus `CreateMusicInput`.
 */
import type { InputFieldBuilder } from '@pothos/core';
import { z } from 'zod';
import { builder, type BuilderTypes } from '../builder.js';
import type { MusicRequest } from '../upstream/requests.js';
import { musicModels, type MusicModel } from '../domain/models.js';
import { describedEnum } from './enums.js';
import { weightSchema } from './validation.js';

export const MusicModelEnum = describedEnum('MusicModel', 'The upstream generation model.', musicModels, {
  SONIC_V3_5: 'sonic-v3-5: lyrics up to 3,000 characters.',
  SONIC_V4: 'sonic-v4: lyrics up to 3,000 characters.',
  SONIC_V4_5: 'sonic-v4-5: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V4_5_PLUS: 'sonic-v4-5-plus: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V5: 'sonic-v5: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V5_5: 'sonic-v5-5: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V6: 'sonic-v6, the newest generation: lyrics up to 5,000 characters; vocal gender.',
  SONIC_V6_WILD: 'sonic-v6-wild: a more adventurous sonic-v6.',
  SONIC_V6_MINI: 'sonic-v6-mini: a faster, lighter sonic-v6.',
});

export const VocalGenderEnum = describedEnum(
  'VocalGender',
  'The singing voice to prefer (models SONIC_V4_5 and later).',
  ['FEMALE', 'MALE'],
  {
    FEMALE: 'A female voice.',
    MALE: 'A male voice.',
  },
);

const olderModels = new Set<MusicModel>(['SONIC_V3_5', 'SONIC_V4']);

/** Per-model limits from the upstream's instructions page (docs/upstream.md §8). */
export const limits = {
  title: 80,
  description: 400,
  tags: (model: MusicModel) => (olderModels.has(model) ? 200 : 1000),
  lyrics: (model: MusicModel) => (olderModels.has(model) ? 3000 : 5000),
};

type InputFields = InputFieldBuilder<BuilderTypes, 'InputObject'>;

/** The model and style fields, shared by song-making inputs and by edits that take a style. */
export const styleFields = (t: InputFields) => ({
  model: t.field({ type: MusicModelEnum, required: true, defaultValue: 'SONIC_V4_5', description: 'The model to generate with.' }),
  tags: t.string({
    description:
      'Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models).',
  }),
  negativeTags: t.string({ description: 'Styles to avoid, with the same length limit as `tags`.' }),
  vocalGender: t.field({ type: VocalGenderEnum, description: 'Preferred voice (SONIC_V4_5 and later).' }),
});

/** How strictly to follow the style: fields of the song-making inputs. */
export const weightFields = (t: InputFields) => ({
  styleWeight: t.float({ description: 'How strictly to follow the style tags, 0 to 1.' }),
  weirdness: t.float({ description: 'How adventurous to be, 0 to 1.' }),
});

/** Every field of a new song: mode, words and style. */
export const songFields = (t: InputFields) => ({
  customMode: t.boolean({
    required: true,
    defaultValue: false,
    description: 'true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`.',
  }),
  description: t.string({
    description: `Description mode: what the song is about and how it sounds (at most ${limits.description} characters).`,
  }),
  lyrics: t.string({ description: 'Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models).' }),
  title: t.string({ description: `The title (at most ${limits.title} characters).` }),
  instrumental: t.boolean({ required: true, defaultValue: false, description: 'Make it without vocals; lyrics are then not needed.' }),
  autoLyrics: t.boolean({ description: 'Custom mode: let the upstream write the lyrics from the title and tags.' }),
  ...styleFields(t),
  ...weightFields(t),
});

/** How closely a cover follows its source: a field of the cover inputs. */
export const audioWeightField = (t: InputFields) =>
  t.float({ description: 'How closely to follow the source audio, 0 (loosely) to 1 (closely).' });

const optionalText = (max: number) => z.string().max(max, `must be at most ${max} characters`).nullish();

/** zod counterpart of `styleFields`. */
export const styleShape = {
  model: z.enum(musicModels),
  tags: z.string().nullish(),
  negativeTags: z.string().nullish(),
  vocalGender: z.enum(['FEMALE', 'MALE']).nullish(),
};

/** zod counterpart of `weightFields`. */
export const weightShape = {
  styleWeight: weightSchema.nullish(),
  weirdness: weightSchema.nullish(),
};

/** zod counterpart of `songFields`. */
export const songShape = {
  customMode: z.boolean(),
  description: optionalText(limits.description),
  lyrics: z.string().nullish(),
  title: optionalText(limits.title),
  instrumental: z.boolean().nullish(),
  autoLyrics: z.boolean().nullish(),
  ...styleShape,
  ...weightShape,
};

type Problem = (path: string, message: string) => void;
const reporter =
  (ctx: z.RefinementCtx): Problem =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path: [path], message });

type Style = z.infer<z.ZodObject<typeof styleShape>> & { lyrics?: string | null };

/** The per-model rules: lengths of lyrics and tags, and which models take a vocal gender. */
export function checkStyle(r: Style, problem: Problem): void {
  const tooLong = (field: 'lyrics' | 'tags' | 'negativeTags', max: number) => {
    if ((r[field]?.length ?? 0) > max) problem(field, `must be at most ${max} characters for ${r.model}`);
  };
  tooLong('lyrics', limits.lyrics(r.model));
  tooLong('tags', limits.tags(r.model));
  tooLong('negativeTags', limits.tags(r.model));
  if (r.vocalGender && olderModels.has(r.model)) problem('vocalGender', `is not supported by ${r.model}`);
}

type Song = z.infer<z.ZodObject<typeof songShape>>;

/** The style rules, and the fields each mode needs and refuses. */
function refineSong(r: Song, ctx: z.RefinementCtx): void {
  const problem = reporter(ctx);
  checkStyle(r, problem);
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
}

/** A zod schema for a song-making input: the song shape plus `extra` fields, with the song rules. */
export function songSchema<Extra extends z.ZodRawShape>(extra: Extra) {
  // zod cannot see through the generic spread that the song fields are there; they are.
  return z.object({ ...songShape, ...extra }).superRefine((r, ctx) => refineSong(r as Song, ctx));
}

/** The style rules for inputs that have style fields but no mode. */
export function styleRules(r: Style, ctx: z.RefinementCtx): void {
  checkStyle(r, reporter(ctx));
}

export const CreateMusicInput = builder.inputType('CreateMusicInput', {
  description:
    'A new song (two takes). Custom mode (`customMode: true`) takes your lyrics, title and style tags; description ' +
    'mode takes a sentence (`description`) and writes the rest.',
  fields: (t) => songFields(t),
});

export const createMusicSchema = songSchema({}) satisfies z.ZodType<MusicRequest>;

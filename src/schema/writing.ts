/** Words for songs: generated lyrics and refined style tags. */
import { builder } from '../builder.js';
import type { GeneratedLyrics, LyricsDraft, UpsampledTags } from '../upstream/results.js';
import { requiredTextSchema } from './validation.js';

export const UpsampledTagsRef = builder.objectRef<UpsampledTags>('UpsampledTags').implement({
  description: 'Style tags refined by the upstream.',
  fields: (t) => ({
    original: t.exposeString('original', { description: 'The tags as sent.' }),
    tags: t.exposeString('tags', { description: 'The refined tags, ready for `tags` of a song input.' }),
  }),
});

const LyricsDraftRef = builder.objectRef<LyricsDraft>('LyricsDraft').implement({
  description: 'One set of generated lyrics.',
  fields: (t) => ({
    title: t.exposeString('title', { nullable: true, description: 'A title for the song.' }),
    lyrics: t.exposeString('lyrics', { description: 'The lyrics, with section markers such as `[Chorus]`.' }),
  }),
});

export const GeneratedLyricsRef = builder.objectRef<GeneratedLyrics>('GeneratedLyrics').implement({
  description: 'Lyrics written from a description.',
  fields: (t) => ({
    drafts: t.field({ type: [LyricsDraftRef], description: 'The candidates (the upstream writes two).', resolve: (g) => g.drafts }),
  }),
});

/** Style tags to refine: as long as the longest tags a model takes. */
export const tagsSchema = requiredTextSchema(1000);
/** What the lyrics are to be about. */
export const lyricsDescriptionSchema = requiredTextSchema(400);

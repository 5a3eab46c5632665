/** A clip as a GraphQL type: a Node, fetched again through the task that holds it (src/resolvers/node.ts). */
import { builder } from '../builder.js';
import type { Clip } from '../domain/clip.js';
import { NodeRef } from './node.js';
import { TaskStatusEnum } from './task-status.js';

export const ClipRef = builder.objectRef<Clip>('Clip').implement({
  description: 'One piece of audio the upstream produced or holds: a song, a take, or a stem.',
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The upstream clip id; pass it to operations such as `splitStemsFull`.' }),
    status: t.field({
      type: TaskStatusEnum,
      description: 'Where this clip is in its generation.',
      resolve: (clip) => clip.status,
    }),
    title: t.exposeString('title', { nullable: true, description: 'The song title (for a stem, the title names the stem).' }),
    tags: t.exposeString('tags', { nullable: true, description: 'Comma-separated style tags, e.g. `synthwave, upbeat`.' }),
    lyrics: t.exposeString('lyrics', { nullable: true, description: 'The lyrics, with section markers such as `[Chorus]`.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'The free-text description the song was generated from, in description mode.',
    }),
    audioUrl: t.exposeString('audioUrl', {
      nullable: true,
      description: 'Where to fetch the audio. Present once the clip is streaming or done.',
    }),
    wavUrl: t.exposeString('wavUrl', {
      nullable: true,
      description: 'A lossless WAV rendering, when the task gives one (Producer songs and WAV downloads; for Sonic clips use `getWav`).',
    }),
    imageUrl: t.exposeString('imageUrl', { nullable: true, description: 'Cover art, once the clip is done.' }),
    videoUrl: t.exposeString('videoUrl', { nullable: true, description: 'A video rendering, when the upstream made one.' }),
    duration: t.exposeFloat('duration', { nullable: true, description: 'Length in seconds, once known.' }),
    model: t.exposeString('model', { nullable: true, description: 'The upstream model that made it, e.g. `sonic-v4-5`.' }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the upstream created the clip.',
      resolve: (clip) => clip.createdAt,
    }),
    error: t.exposeString('error', { nullable: true, description: 'Why the clip failed, when its status is FAILED.' }),
  }),
});

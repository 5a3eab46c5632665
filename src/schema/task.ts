/** A task as a GraphQL type: a Node, with its kind, status, clips and typed stems, and progress estimates. */
import { builder } from '../builder.js';
import { describedEnum } from './enums.js';
import { NodeRef } from './node.js';
import type { Task, TaskPersona } from '../domain/task.js';
import { taskKinds, type TaskKind } from '../domain/kinds.js';
import { stemOf } from '../upstream/stems.js';
import { ClipRef } from './clip.js';
import { StemRef, type Stem } from './stem.js';
import { TaskStatusEnum } from './task-status.js';

const kindDescriptions: Record<TaskKind, string> = {
  CREATE_MUSIC: 'A new song from lyrics and style, or from a description (two takes).',
  EXTEND_MUSIC: 'An extension of a generated clip (the new part only).',
  EXTEND_UPLOADED_MUSIC: 'An extension of an uploaded clip.',
  COVER_MUSIC: 'A cover of a generated clip in another style.',
  COVER_UPLOADED_MUSIC: 'A cover of an uploaded clip.',
  CONCAT_MUSIC: 'An extension joined to its source: the full song.',
  PERSONA_MUSIC: 'A new song sung by a persona.',
  REMASTER: 'A remaster of a generated clip.',
  ADD_VOCALS: 'Vocals added to an uploaded instrumental.',
  ADD_INSTRUMENTAL: 'An accompaniment added to an uploaded vocal.',
  UPLOAD_AND_EXTEND: 'Audio from a URL, uploaded and extended.',
  UPLOAD_AND_COVER: 'Audio from a URL, uploaded and covered.',
  SAMPLE: 'A song grown from a sample.',
  MASHUP: 'A song mixed from two clips.',
  REPLACE_SECTION: 'A clip with a time range sung anew.',
  STEMS_FULL: 'A split of a song into stems (twelve documented).',
  STEMS_BASIC: 'A split of a song into vocals and instrumental.',
  CREATE_VOICE: 'A voice captured from audio as a persona (`persona` once it has succeeded).',
  PRODUCER_MUSIC: 'A Producer song (one take; its clip has `wavUrl`).',
  PRODUCER_LYRICS: 'Producer lyrics (a clip with `title` and `lyrics`).',
  PRODUCER_VIDEO: 'A Producer music video (a clip with `videoUrl`).',
  PRODUCER_UPLOAD: 'Audio uploaded to Producer (the new clip).',
  PRODUCER_DOWNLOAD: 'A Producer clip re-encoded as MP3 or WAV (`audioUrl` or `wavUrl`).',
  RIFFUSION_MUSIC: 'A Riffusion song (two takes; Riffusion is deprecated upstream).',
  UNKNOWN: 'Submitted outside this gateway (or before it lost its memory of it); the upstream does not say.',
};

export const TaskKindEnum = describedEnum('TaskKind', 'Which operation created a task.', taskKinds, kindDescriptions);

const stemTaskKinds = new Set<TaskKind>(['STEMS_FULL', 'STEMS_BASIC']);

/**
 * A stems task's clips as typed stems, however many there are. A task of unknown kind counts as a stems task when
 * every clip names a known stem (in its title's suffix or its metadata).
 */
export function stemsOf(task: Task): Stem[] {
  if (task.kind !== 'UNKNOWN' && !stemTaskKinds.has(task.kind)) return [];
  const stems = task.clips.map((clip) => ({ ...stemOf(clip.title, clip.stemLabel ?? null), clip }));
  if (task.kind === 'UNKNOWN' && (stems.length < 2 || stems.some((s) => s.kind === 'OTHER'))) return [];
  return stems;
}

export const TaskPersonaRef = builder.objectRef<TaskPersona>('TaskPersona').implement({
  description: 'The persona a `createVoice` task made from a voice: sing with it through `createMusicWithPersona`.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "The persona's id (the upstream's `persona_id`), for `createMusicWithPersona`." }),
    name: t.exposeString('name', { nullable: true, description: 'The name the upstream gave the persona, when it gives one.' }),
  }),
});

export const TaskRef = builder.objectRef<Task>('Task').implement({
  description:
    'A unit of upstream work. Mutations return it at once as PENDING; read it again with `task`, or subscribe to it, ' +
    'until its status is SUCCEEDED or FAILED.',
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The upstream task id.' }),
    kind: t.field({ type: TaskKindEnum, description: 'The operation that created the task.', resolve: (task) => task.kind }),
    status: t.field({ type: TaskStatusEnum, description: 'Where the task is now.', resolve: (task) => task.status }),
    clips: t.field({
      type: [ClipRef],
      description:
        'The clips the task produced (two for a new song, one per stem for a split, one item for a Producer task). Empty until the upstream lists them.',
      resolve: (task) => task.clips,
    }),
    stems: t.field({
      type: [StemRef],
      description: 'For stems tasks, each clip as a typed stem; empty for other tasks.',
      resolve: stemsOf,
    }),
    error: t.exposeString('error', { nullable: true, description: 'Why the task failed, when its status is FAILED.' }),
    persona: t.field({
      type: TaskPersonaRef,
      nullable: true,
      description: 'For a CREATE_VOICE task that has SUCCEEDED: the persona made from the voice. Null for every other task.',
      resolve: (task) => task.persona ?? null,
    }),
    submittedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When this gateway submitted the task. Null for a task it did not submit (or no longer remembers).',
      resolve: async (task, _args, ctx) => (await ctx.services.progress.of(task))?.submittedAt ?? null,
    }),
    estimatedCompletionAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the task will likely be done: `submittedAt` plus the median duration of the recent finished tasks of ' +
        'the same kind on this gateway (a default per kind before there are three; see docs/live-updates.md, "Progress estimates"). ' +
        'A task past that is expected shortly after `observedAt`. Each `taskUpdated` event carries a fresh estimate. ' +
        'Null once the task is final, and when `submittedAt` is.',
      resolve: async (task, _args, ctx) => (await ctx.services.progress.of(task))?.estimatedCompletionAt ?? null,
    }),
    observedAt: t.field({
      type: 'DateTime',
      description:
        'When the gateway read this state from the upstream or received it by webhook: how fresh it is. A finished task ' +
        "is read once and then served from the gateway's cache, with the time of that read; a running one may be " +
        'answered from an observation up to TASK_READ_MAX_AGE_MS old (2 s by default; see docs/operating.md, "The ' +
        'freshness window"), and a newer state replaces it as soon as the gateway has one.',
      resolve: (task) => task.observedAt ?? new Date().toISOString(),
    }),
  }),
});

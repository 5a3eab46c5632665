import { builder } from '../builder.js';
import type { Task } from '../tasks/task.js';
import { taskKinds, type TaskKind } from '../upstream/operations.js';
import { stemOfTitle } from '../upstream/wire.js';
import { ClipRef } from './clip.js';
import { StemRef, type Stem } from './stem.js';
import { TaskStatusEnum } from './task-status.js';

const kindDescriptions: Record<TaskKind, string> = {
  CREATE_MUSIC: 'A new song from lyrics and style, or from a description (two takes).',
  STEMS_FULL: 'A split of a song into twelve stems.',
  STEMS_BASIC: 'A split of a song into vocals and instrumental.',
  UNKNOWN: 'Submitted outside this gateway (or before it lost its memory of it); the upstream does not say.',
};

export const TaskKindEnum = builder.enumType('TaskKind', {
  description: 'Which operation created a task.',
  values: Object.fromEntries(taskKinds.map((k) => [k, { value: k, description: kindDescriptions[k] }])) as {
    [K in TaskKind]: { value: K; description: string };
  },
});

const stemTaskKinds = new Set<TaskKind>(['STEMS_FULL', 'STEMS_BASIC']);

/**
 * A stems task's clips as typed stems. A task of unknown kind counts as a stems task when every clip's title
 * names a known stem.
 */
export function stemsOf(task: Task): Stem[] {
  if (task.kind !== 'UNKNOWN' && !stemTaskKinds.has(task.kind)) return [];
  const stems = task.clips.map((clip) => ({ ...stemOfTitle(clip.title), clip }));
  if (task.kind === 'UNKNOWN' && (stems.length < 2 || stems.some((s) => s.kind === 'OTHER'))) return [];
  return stems;
}

export const TaskRef = builder.objectRef<Task>('Task').implement({
  description:
    'A unit of upstream work. Mutations return it at once as PENDING; read it again with `task`, or subscribe to it, ' +
    'until its status is SUCCEEDED or FAILED.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The upstream task id.' }),
    kind: t.field({ type: TaskKindEnum, description: 'The operation that created the task.', resolve: (task) => task.kind }),
    status: t.field({ type: TaskStatusEnum, description: 'Where the task is now.', resolve: (task) => task.status }),
    clips: t.field({
      type: [ClipRef],
      description: 'The clips the task produced (two for a new song, one per stem for a split). Empty until the upstream lists them.',
      resolve: (task) => task.clips,
    }),
    stems: t.field({
      type: [StemRef],
      description: 'For stems tasks, each clip as a typed stem; empty for other tasks.',
      resolve: stemsOf,
    }),
    error: t.exposeString('error', { nullable: true, description: 'Why the task failed, when its status is FAILED.' }),
    observedAt: t.field({
      type: 'DateTime',
      description:
        'When the gateway read this state from the upstream or received it by webhook. Live updates can show how fresh ' +
        'they are with it; for a query it is the time of the read.',
      resolve: (task) => task.observedAt ?? new Date().toISOString(),
    }),
  }),
});

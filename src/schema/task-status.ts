import { builder } from '../builder.js';
import { taskStatuses } from '../upstream/types.js';

const descriptions = {
  PENDING: 'Accepted by the upstream, not started yet.',
  RUNNING: 'Being generated; audio may already stream.',
  SUCCEEDED: 'Done; every clip has its audio.',
  FAILED: 'The upstream gave up; see `error`. Final.',
} as const;

export const TaskStatusEnum = builder.enumType('TaskStatus', {
  description: 'The life of a task: PENDING → RUNNING → SUCCEEDED or FAILED.',
  values: Object.fromEntries(taskStatuses.map((s) => [s, { value: s, description: descriptions[s] }])) as {
    [S in (typeof taskStatuses)[number]]: { value: S; description: string };
  },
});

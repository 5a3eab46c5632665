import { taskStatuses } from '../domain/status.js';
import { describedEnum } from './enums.js';

export const TaskStatusEnum = describedEnum('TaskStatus', 'The life of a task: PENDING → RUNNING → SUCCEEDED or FAILED.', taskStatuses, {
  PENDING: 'Accepted by the upstream, not started yet.',
  RUNNING: 'Being generated; audio may already stream.',
  SUCCEEDED: 'Done; every clip has its audio.',
  FAILED: 'The upstream gave up; see `error`. Final.',
});

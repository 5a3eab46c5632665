/** The life of a task (and of each clip): the four states every upstream family's answers map to. */
export const taskStatuses = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export function isTerminal(status: TaskStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED';
}

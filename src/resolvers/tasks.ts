/** `task(id:)` and `tasks(ids:)`: tasks read through the per-request loader, each id checked and read once. */
import { builder } from '../builder.js';
import { TaskRef } from '../schema/task.js';
import { idSchema, parseInput } from '../schema/validation.js';
import { z } from 'zod';

/** At most this many ids in one `tasks` query; more is a client bug, not a batch. */
export const maxTaskIds = 100;

builder.queryFields((t) => ({
  task: t.field({
    type: TaskRef,
    nullable: true,
    description: 'One task, read from the upstream. Errors with NOT_FOUND when this API key has no such task.',
    args: { id: t.arg.id({ required: true, description: 'The task id a mutation returned.' }) },
    resolve: (_root, args, ctx) => ctx.tasks.load(parseInput(idSchema, args.id, 'id')),
  }),
  tasks: t.field({
    type: [TaskRef],
    // Nullable: a refused argument (too many ids) nulls this field alone, not the other root fields of the query.
    nullable: { list: true, items: true },
    description:
      `Several tasks at once (at most ${maxTaskIds} ids). Each distinct id is read once; a task that fails to load ` +
      'is null, with its error in `errors` at its index.',
    args: { ids: t.arg.idList({ required: true, description: 'Task ids; repeats are allowed and cost nothing.' }) },
    resolve: (_root, args, ctx) => {
      const ids = parseInput(z.array(idSchema).max(maxTaskIds, `must hold at most ${maxTaskIds} ids`), args.ids, 'ids');
      return ids.map((id) => ctx.tasks.load(id));
    },
  }),
}));

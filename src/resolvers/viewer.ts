/**
 * `viewer`: what a caller (a signed-in user of a web app) sees of its own: its tasks newest first as a Relay
 * connection, from what the gateway recorded at submit time (each node read as `task` reads it), and its budget;
 * and `viewerTaskUpdated`, every change of any of its unfinished tasks.
 */
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { budgetOf } from '../access/budget.js';
import { badInput } from '../domain/errors.js';
import { encodeCursor } from '../store/rules.js';
import type { TaskStatus } from '../domain/status.js';
import { TaskRef } from '../schema/task.js';
import { TaskStatusEnum } from '../schema/task-status.js';
import { BudgetRef, ViewerRef, type Viewer } from '../schema/viewer.js';

const defaultPageSize = 20;
const maxPageSize = 100;

/** The viewer: a caller with a key (its own or the server's) or a signed-in user; UNAUTHENTICATED without. */
function viewerOf(ctx: Context): Viewer {
  ctx.requireApiKey();
  return { id: ctx.tenant };
}

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    // Nullable, as every root query field that can fail: a caller without a key gets null here, the rest keeps its data.
    nullable: true,
    description: 'The caller: its tasks and its budget. With sign-in, the signed-in user. Null (with UNAUTHENTICATED) without a key.',
    resolve: (_root, _args, ctx) => viewerOf(ctx),
  }),
);

builder.objectFields(ViewerRef, (t) => ({
  tasks: t.connection(
    {
      type: TaskRef,
      // Nullable: a refused argument (e.g. `first: 101`) nulls this field alone; `viewer` and its siblings keep their data.
      nullable: true,
      edgesNullable: { list: false, items: true },
      description:
        'The tasks this caller submitted through the gateway, newest first, optionally only those whose last known ' +
        'status is one of `status`. Each node is read as `task` reads it (a finished one from memory).',
      args: {
        status: t.arg({
          type: [TaskStatusEnum],
          required: false,
          description: 'Only tasks in one of these statuses (unset or empty: every status).',
        }),
      },
      resolve: async (viewer, args, ctx) => {
        if (args.last != null || args.before != null)
          throw badInput('last/before: lists are read forward; use first and after.', args.last != null ? 'last' : 'before');
        const first = args.first ?? defaultPageSize;
        if (first < 1 || first > maxPageSize) throw badInput(`first: must be between 1 and ${maxPageSize}.`, 'first');
        const statuses = args.status ? (args.status as TaskStatus[]) : undefined;
        const page = await ctx.services.registry.list(viewer.id, { first, after: args.after ?? null, ...(statuses ? { statuses } : {}) });
        // A task that cannot be read now is a null edge with its error; the rest of the page stands.
        const edges = page.records.map((record) =>
          ctx.tasks.load(record.id).then((node) => ({ cursor: encodeCursor(record.createdAt, record.id), node })),
        );
        return {
          edges,
          pageInfo: {
            hasNextPage: page.hasNextPage,
            hasPreviousPage: false,
            startCursor: page.records[0] ? encodeCursor(page.records[0].createdAt, page.records[0].id) : null,
            endCursor: page.endCursor,
          },
        };
      },
    },
    { name: 'TaskConnection', description: 'A page of tasks, newest first.' },
    { name: 'TaskEdge', description: 'A task in a page, with its cursor.' },
  ),
  budget: t.field({
    type: BudgetRef,
    nullable: true,
    description: "The signed-in user's credit budget now; null when none applies (sign-in off, or USER_CREDIT_BUDGET unset).",
    resolve: (viewer, _args, ctx) => {
      const policy = budgetOf(ctx.caller, ctx.services.config);
      return policy ? ctx.services.budgets.usage(viewer.id, policy, Date.now()) : null;
    },
  }),
}));

builder.subscriptionField('viewerTaskUpdated', (t) =>
  t.field({
    type: TaskRef,
    description:
      "Every change of any of the caller's unfinished tasks (a dashboard of renders): the current state of each at " +
      'once, then each change, including tasks it submits while subscribed (from any gateway instance). Each task is ' +
      'still read from the upstream once per poll interval, however many watch it. It does not complete by itself.',
    subscribe: (_root, _args, ctx) => {
      const viewer = viewerOf(ctx);
      return ctx.services.live.subscribeTenant(ctx.requireApiKey(), viewer.id);
    },
    resolve: (task) => task,
  }),
);

import { builder, stateStreamExtension } from '../builder.js';
import { eventError, type TaskEvent } from '../domain/events.js';
import { TaskRef } from '../schema/task.js';
import { idSchema, parseInput } from '../schema/validation.js';

builder.subscriptionType({
  description: 'Live updates, over graphql-ws (WebSocket) or server-sent events, both at /graphql.',
});

builder.subscriptionField('taskUpdated', (t) =>
  t.field({
    type: TaskRef,
    description:
      'A task as it changes: its current state at once, then every change of status or clips, completing after ' +
      'SUCCEEDED or FAILED. However many clients watch a task, the gateway reads it from the upstream once per ' +
      'poll interval (or not at all once a webhook brings the result). Errors with NOT_FOUND when this API key ' +
      'has no such task; if the upstream keeps failing, the last event is that error.',
    args: { taskId: t.arg.id({ required: true, description: 'The task id a mutation returned.' }) },
    // Its first event is the current state: identical subscriptions over graphql-ws may share one execution.
    extensions: { [stateStreamExtension]: true },
    // Its first read is the subscriber's, charged to its caller's upstream reads as a query's is; the polls after it
    // are one per task and interval, whoever watches, and are not.
    subscribe: (_root, args, ctx) =>
      ctx.services.live.subscribe(
        ctx.requireApiKey(),
        ctx.tenant,
        parseInput(idSchema, args.taskId, 'taskId'),
        ctx.services.access.readGuard(ctx.caller),
      ),
    resolve: (event: TaskEvent) => {
      if ('error' in event) throw eventError(event);
      return event.task;
    },
  }),
);

/**
 * The Apollo Federation entities (served with FEDERATION=true, src/schema/subgraph.ts): `Task` and `Clip` keyed by
 * `id`, so another subgraph can return a Task by its id and let the router fetch its status here. A reference is
 * resolved exactly as `node(id:)` resolves it, with the tenancy of `task(id:)`: the caller is whoever the router
 * forwards (its Authorization header), and what that caller may not see is null.
 */
import { builder } from '../builder.js';
import { ClipRef } from '../schema/clip.js';
import { TaskRef } from '../schema/task.js';
import { idSchema, parseInput } from '../schema/validation.js';
import { clipOrNull, taskOrNull } from './node.js';

builder.asEntity(TaskRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => taskOrNull(ctx, parseInput(idSchema, ref.id, 'id')),
});

builder.asEntity(ClipRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => clipOrNull(ctx, parseInput(idSchema, ref.id, 'id')),
});

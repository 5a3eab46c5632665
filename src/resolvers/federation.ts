/**
 * The Apollo Federation entities (served with FEDERATION=true, src/schema/subgraph.ts): `Task` and `Clip` keyed by
 * `id`, so another subgraph can return a Task by its id and let the router fetch its status here. A reference is
 * resolved exactly as `node(id:)` resolves it, with the tenancy of `task(id:)`: the caller is whoever the router
 * forwards (its Authorization header), and what that caller may not see is null.
 */
import type { Context } from '../context.js';
import { idSchema, parseInput } from '../schema/validation.js';
import { clipOrNull, taskOrNull } from './node.js';

/** The types other subgraphs may reference by `id`, each with how a reference becomes the object. */
export const entityResolvers = {
  // Async, so that a bad reference fails its own entity (at `_entities.<i>`), not the whole list.
  Task: async (ref: { id: string }, ctx: Context) => taskOrNull(ctx, parseInput(idSchema, ref.id, 'id')),
  Clip: async (ref: { id: string }, ctx: Context) => clipOrNull(ctx, parseInput(idSchema, ref.id, 'id')),
} as const;

/**
 * `node(id:)` and `nodes(ids:)` (Relay object identification) with exactly the tenancy of `task(id:)`: a Task is read
 * through the same per-request loader (another tenant's recorded task is null with no upstream call); a Clip through
 * the task that holds it (src/tasks/clip-locator.ts), then that same loader; the Viewer only by its own caller. What
 * the caller may not see, or what does not exist, is null without an error, as Relay expects.
 */
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { GatewayError } from '../domain/errors.js';
import { seesOnlyRecordedTasks } from '../domain/tenancy.js';
import type { Clip } from '../domain/clip.js';
import type { Task } from '../domain/task.js';
import { NodeRef, type NodeValue } from '../schema/node.js';
import { idSchema, parseInput } from '../schema/validation.js';
import { maxTaskIds } from './tasks.js';

/** The task, or null when this caller has no such task (NOT_FOUND); other failures stay errors. */
export async function taskOrNull(ctx: Context, id: string): Promise<Task | null> {
  try {
    return await ctx.tasks.load(id);
  } catch (err) {
    if (err instanceof GatewayError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

/** A viewer's id of a signed-in user (`user:<sub>`) is no upstream id; another caller's is simply not found. */
const isUserId = (id: string) => seesOnlyRecordedTasks(id);

async function nodeOf(ctx: Context, given: string, argName: string): Promise<NodeValue | null> {
  if (given === ctx.tenant) {
    ctx.requireApiKey();
    return { id: given };
  }
  if (isUserId(given)) return null;
  const id = parseInput(idSchema, given, argName);
  const clipTask = await ctx.services.clips.taskOf(id, ctx.tenant);
  if (clipTask === undefined) return taskOrNull(ctx, id);
  return clipIn(ctx, clipTask, id);
}

async function clipIn(ctx: Context, taskId: string, clipId: string): Promise<Clip | null> {
  const task = await taskOrNull(ctx, taskId);
  return task?.clips.find((clip) => clip.id === clipId) ?? null;
}

/** The clip, through the task this caller was seen reading it in; null when unknown or not this caller's. */
export async function clipOrNull(ctx: Context, clipId: string): Promise<Clip | null> {
  const taskId = await ctx.services.clips.taskOf(clipId, ctx.tenant);
  return taskId === undefined ? null : clipIn(ctx, taskId, clipId);
}

builder.queryFields((t) => ({
  node: t.field({
    type: NodeRef,
    nullable: true,
    description:
      'Any Task, Clip or Viewer by its id (Relay object identification), as `task(id:)` would read it: null when this ' +
      'caller has no such object. A clip is found through its task once this gateway has read that task.',
    args: { id: t.arg.id({ required: true, description: 'An id from a Task, Clip or Viewer.' }) },
    resolve: (_root, args, ctx) => nodeOf(ctx, args.id, 'id'),
  }),
  nodes: t.field({
    type: [NodeRef],
    nullable: { list: true, items: true },
    description: `Several nodes at once (at most ${maxTaskIds} ids), each as \`node\` reads it, in the order of \`ids\`.`,
    args: { ids: t.arg.idList({ required: true, description: 'Ids from Tasks, Clips or the Viewer.' }) },
    resolve: (_root, args, ctx) => {
      const ids = parseInput(z.array(z.string()).max(maxTaskIds, `must hold at most ${maxTaskIds} ids`), args.ids, 'ids');
      return ids.map((id, index) => nodeOf(ctx, id, `ids.${index}`));
    },
  }),
}));

/**
 * How a row of the mutation table (mutations.ts) is written: its arguments and their validation (one input object, one
 * text, one clip id), and whether it starts a task or answers at once, which decides the GraphQL type of its answer.
 */
import type { ArgBuilder, InputFieldMap, ObjectRef } from '@pothos/core';
import type { z } from 'zod';
import type { BuilderTypes } from '../builder.js';
import { TaskRef } from '../schema/task.js';
import { idSchema, parseInput } from '../schema/validation.js';
import type { SyncOperation, TaskOperation, UpstreamOperation } from '../upstream/operations.js';

type Args = Record<string, unknown>;

/** A mutation's arguments and how, once validated, they become the upstream request. */
export interface ArgsSpec<Request> {
  args: (arg: ArgBuilder<BuilderTypes>) => InputFieldMap;
  /** Validates the arguments (throwing BAD_USER_INPUT) and returns the upstream request. */
  toRequest: (args: Args) => Request;
}

export interface OperationMutation<Request = unknown, Result = unknown> extends ArgsSpec<Request> {
  description: string;
  operation: UpstreamOperation<Request, Result>;
  /** The GraphQL type of the answer. */
  type: ObjectRef<BuilderTypes, unknown>;
  /** Why the mutation is deprecated (it stays callable), when it is. */
  deprecated?: string;
}

/** One `input` argument of an input type, validated by `schema`. */
export function byInput<Request>(
  type: Parameters<ArgBuilder<BuilderTypes>>[0]['type'],
  schema: z.ZodType<Request>,
  description: string,
): ArgsSpec<Request> {
  return {
    args: (arg) => ({ input: arg({ type, required: true, description }) }),
    toRequest: (args) => parseInput(schema, args.input, 'input'),
  };
}

/** One required string argument `name`, validated by `schema`, that becomes the request's `field`. */
export function byText<Field extends string>(name: string, schema: z.ZodType<string>, description: string, field: Field) {
  return {
    args: (arg) => ({ [name]: arg.string({ required: true, description }) }),
    toRequest: (args) => ({ [field]: parseInput(schema, args[name], name) }) as Record<Field, string>,
  } satisfies ArgsSpec<Record<Field, string>>;
}

export const byClip = (description = 'The clip to work on (a clip id from a finished task).') =>
  ({
    args: (arg) => ({ clipId: arg.id({ required: true, description }) }),
    toRequest: (args) => ({ clipId: parseInput(idSchema, args.clipId, 'clipId') }),
  }) satisfies ArgsSpec<{ clipId: string }>;

export function startsTask<Request>(description: string, operation: TaskOperation<Request>, spec: ArgsSpec<Request>): OperationMutation {
  return { description, operation, type: TaskRef, ...spec } as OperationMutation;
}

export function answers<Request, Result>(
  description: string,
  operation: SyncOperation<Request, Result>,
  type: ObjectRef<BuilderTypes, Result>,
  spec: ArgsSpec<Request>,
): OperationMutation {
  return { description, operation, type, ...spec } as OperationMutation;
}

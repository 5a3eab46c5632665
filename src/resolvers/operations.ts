/**
 * The paid mutations, derived from one table: each row names the GraphQL field, the upstream operation it runs,
 * its arguments and how validated arguments become the operation's request.
 */
import type { ArgBuilder, InputFieldMap, InputShapeFromFields } from '@pothos/core';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { CreateMusicInput, createMusicSchema } from '../schema/music.js';
import { TaskRef } from '../schema/task.js';
import { idSchema, parseInput } from '../schema/validation.js';
import { idempotencyKeyDescription, idempotencyKeySchema } from '../idempotency/key.js';
import { operations, type ClipRequest, type UpstreamOperation } from '../upstream/operations.js';
import { submitOperation } from './submit.js';

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

interface OperationMutation<Args extends InputFieldMap, Request> {
  description: string;
  operation: UpstreamOperation<Request>;
  args: (arg: ArgBuilder<Types>) => Args;
  /** Validates the arguments (throwing BAD_USER_INPUT) and returns the upstream request. */
  toRequest: (args: InputShapeFromFields<Args>) => Request;
}

function defineOperation<Args extends InputFieldMap, Request>(spec: OperationMutation<Args, Request>) {
  return spec;
}

const clipArgs = (arg: ArgBuilder<Types>) => ({
  clipId: arg.id({ required: true, description: 'The clip to work on (a clip id from a finished task).' }),
});
const clipRequest = (args: { clipId: string }): ClipRequest => ({ clipId: parseInput(idSchema, args.clipId, 'clipId') });

export const operationMutations = {
  createMusic: defineOperation({
    description: 'Generate a new song (two takes) from lyrics and style (custom mode) or from a description.',
    operation: operations.createMusic,
    args: (arg) => ({ input: arg({ type: CreateMusicInput, required: true, description: 'The song to make.' }) }),
    toRequest: (args) => parseInput(createMusicSchema, args.input, 'input'),
  }),
  splitStemsFull: defineOperation({
    description: 'Split a song into twelve stems (vocals, backing vocals, drums, bass, guitar, keyboard, ...).',
    operation: operations.stemsFull,
    args: clipArgs,
    toRequest: clipRequest,
  }),
  splitStemsBasic: defineOperation({
    description: 'Split a song into two stems: vocals and instrumental.',
    operation: operations.stemsBasic,
    args: clipArgs,
    toRequest: clipRequest,
  }),
};

function costNote(operation: UpstreamOperation<never>): string {
  return operation.creditCost === null ? '' : ` Costs ${operation.creditCost} upstream credits.`;
}

// Each row is type-checked where it is defined; here they are handled alike.
type AnyOperationMutation = OperationMutation<InputFieldMap, unknown>;
for (const [field, spec] of Object.entries(operationMutations) as unknown as [string, AnyOperationMutation][]) {
  builder.mutationField(field, (t) =>
    t.field({
      type: TaskRef,
      description: `${spec.description}${costNote(spec.operation)} Returns the PENDING task at once.`,
      args: { ...spec.args(t.arg), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
      resolve: (_root, args, ctx: Context) => {
        const request = spec.toRequest(args);
        const key = parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
        return submitOperation(ctx, spec.operation, request, key);
      },
    }),
  );
}

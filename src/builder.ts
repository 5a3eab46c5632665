/** The one typed Pothos schema builder: context, scalars and the empty root types every domain extends. */
import SchemaBuilder from '@pothos/core';
import type { Context } from './context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
});

builder.queryType({ description: 'Reads: tasks, clips and account facts.' });
builder.mutationType({ description: 'Upstream operations. Each paid one submits a task and returns it at once.' });

/** The builder's type parameters, for helpers that build fields outside a type's own definition. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

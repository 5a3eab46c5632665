/**
 * The one typed Pothos schema builder: context, scalars, plugins and the empty root types every domain extends. The
 * relay plugin gives the cursor connections (viewer.tasks); the Node interface with `node`/`nodes` is our own
 * (src/schema/node.ts), because ids stay the upstream's own, not the plugin's encoded global ids. Federation is not
 * a plugin here: src/schema/subgraph.ts derives the subgraph from the built schema only with FEDERATION=true, so a
 * gateway without it never loads @apollo/subgraph.
 */
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
  };
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    // The plugin's node fields would take its base64 global ids; src/schema/node.ts defines them over the raw ids.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    cursorType: 'String',
    clientMutationId: 'omit',
    nodeFieldOptions: { description: 'The item at the end of the edge.' },
    cursorFieldOptions: { description: 'Where this edge is in the list: pass it as `after` to continue after it.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoTypeOptions: { description: 'Where a page is in its list.' },
    pageInfoFieldOptions: { description: 'Where this page is in the list.' },
    hasNextPageFieldOptions: { description: 'Whether there are items after this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether there are items before this page (always false: lists are read forward).' },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'The cursor of the last item of this page: pass it as `after` for the next page.' },
    firstArgOptions: { description: 'How many items, at most 100 (default 20).' },
    afterArgOptions: { description: 'The `endCursor` of the previous page; omit it for the first page.' },
    lastArgOptions: { description: 'Not supported: lists are read forward, with `first` and `after`.' },
    beforeArgOptions: { description: 'Not supported: lists are read forward, with `first` and `after`.' },
  },
});

/**
 * The extension that marks a root subscription field as a stream of states: its first event is the current state
 * and each event is the whole state, so a late subscriber may start from the latest one.
 */
export const stateStreamExtension = 'stateStream';

builder.queryType({ description: 'Reads: tasks, clips and account facts.' });
builder.mutationType({ description: 'Upstream operations. Each paid one submits a task and returns it at once.' });

/** The builder's type parameters, for helpers that build fields outside a type's own definition. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

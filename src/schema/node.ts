/**
 * The Relay object identification interface: `Node { id: ID! }`, implemented by the objects a client can fetch again
 * by id alone (Task, Clip, Viewer), so Relay can refetch a fragment and normalised caches can key them. Ids are the
 * upstream's own (UUIDs, globally unique in practice), not encoded global ids: every id a client holds today works
 * with `node(id:)`, and `task(id:)` takes the same ids as before. `node`/`nodes` live in src/resolvers/node.ts.
 */
import { builder } from '../builder.js';
import type { Task } from '../domain/task.js';

/** What node values have in common; the concrete type is told apart by `resolveType`. */
export interface NodeValue {
  id: string;
}

/** A Task has a list of clips; a Clip has a status but no clips; a Viewer has only its id. */
function typeOf(value: NodeValue): 'Task' | 'Clip' | 'Viewer' {
  if (Array.isArray((value as Task).clips)) return 'Task';
  return 'status' in value ? 'Clip' : 'Viewer';
}

export const NodeRef = builder.interfaceRef<NodeValue>('Node').implement({
  description:
    'An object that can be fetched again by its id alone, with `node(id:)` (Relay object identification). Ids are ' +
    "the upstream's own and unique across types, so a client may key its cache by `id` (Relay does).",
  resolveType: typeOf,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id, unique across every type that implements Node.' }),
  }),
});

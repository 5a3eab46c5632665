/**
 * Which GraphQL answers a shared HTTP cache (a CDN, a proxy) may keep, from the schema: a root query field whose
 * answer is the same for every caller declares it with an `httpCache: { maxAge }` extension (seconds), as
 * `operationCosts` and `errorCodes` do. An operation is public, for the shortest of its fields' ages, only when every
 * root field it selects declares one; anything else depends on the caller and is never kept
 * (src/plugins/use-http-caching.ts writes the headers).
 */
import { Kind, getOperationAST, type DocumentNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';

export const httpCacheExtension = 'httpCache';

export interface HttpCacheHint {
  /** How long a shared cache may serve the answer, in seconds. */
  maxAge: number;
}

/** The schema's own fields: the same for everyone, and as stable as the deploy. */
const metaFieldMaxAge: Record<string, number> = { __typename: Number.POSITIVE_INFINITY, __schema: 300, __type: 300 };

const known = new WeakMap<DocumentNode, Map<string, number | undefined>>();

/** The public max-age of the operation, or undefined when any root field depends on the caller (or it is no query). */
export function publicMaxAge(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): number | undefined {
  let byName = known.get(document);
  if (!byName) known.set(document, (byName = new Map()));
  const key = operationName ?? '';
  if (byName.has(key)) return byName.get(key);
  const operation = getOperationAST(document, operationName);
  const age = operation?.operation === 'query' ? rootMaxAge(schema, document, operation.selectionSet) : undefined;
  // Only `__typename`: as stable as the schema.
  const result = age === Number.POSITIVE_INFINITY ? 3600 : age;
  byName.set(key, result);
  return result;
}

function rootMaxAge(schema: GraphQLSchema, document: DocumentNode, selections: SelectionSetNode): number | undefined {
  const fields = schema.getQueryType()?.getFields() ?? {};
  let age = Number.POSITIVE_INFINITY;
  for (const selection of selections.selections) {
    let inner: number | undefined;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const hint = fields[name]?.extensions?.[httpCacheExtension] as HttpCacheHint | undefined;
      inner = metaFieldMaxAge[name] ?? hint?.maxAge;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = rootMaxAge(schema, document, selection.selectionSet);
    } else {
      const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
      inner = fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootMaxAge(schema, document, fragment.selectionSet) : undefined;
    }
    if (inner === undefined) return undefined;
    age = Math.min(age, inner);
  }
  return age;
}

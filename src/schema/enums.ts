import { builder } from '../builder.js';

/** A GraphQL enum whose values are the given list, each documented by `descriptions`. */
export function describedEnum<const V extends string>(
  name: string,
  description: string,
  values: readonly V[],
  descriptions: Record<V, string>,
) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((v) => [v, { value: v, description: descriptions[v] }])) as {
      [K in V]: { value: K; description: string };
    },
  });
}

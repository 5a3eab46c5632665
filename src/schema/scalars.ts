/** The DateTime scalar: ISO-8601 in UTC, as RFC 3339 specifies it (`@specifiedBy`). */
import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

function toIso(value: unknown): string {
  const date = new Date(typeof value === 'string' || typeof value === 'number' ? value : Number.NaN);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}.`);
  return date.toISOString();
}

builder.scalarType('DateTime', {
  description: 'A point in time as an ISO-8601 string in UTC, e.g. `2026-11-25T03:51:50.000Z`.',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/date-time',
  serialize: toIso,
  parseValue: toIso,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.');
    return toIso(ast.value);
  },
});

/**
 * An upstream answer the gateway cannot read: the error each mapping throws (an UPSTREAM_ERROR to the client) names
 * the first field it could not read, so that the doctor (src/doctor.ts) and the logs can say what changed upstream,
 * and `shapeOf` sums an answer up by its keys and types, so that a new shape is logged once and not once per call.
 */
import { GatewayError } from '../domain/errors.js';

export class UnreadableAnswer extends GatewayError {
  constructor(
    /** The field that could not be read, as a path in the answer: `task_id`, `data[].state`, `(body)`. */
    readonly field: string,
    what: string,
  ) {
    super('UPSTREAM_ERROR', `The upstream sent a malformed response: ${what}.`);
  }
}

export function unreadable(field: string, what: string): UnreadableAnswer {
  return new UnreadableAnswer(field, what);
}

/**
 * The shape of a JSON value: its keys (sorted) and the type of each value, arrays by their first item, to a few
 * levels. Two answers with the same shape fail the same way.
 */
export function shapeOf(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${depth > 3 ? '…' : shapeOf(value[0], depth + 1)}]`;
  if (typeof value !== 'object') return typeof value;
  if (depth > 3) return '{…}';
  const entries = Object.keys(value as object)
    .sort()
    .slice(0, 40)
    .map((key) => `${key}:${shapeOf((value as Record<string, unknown>)[key], depth + 1)}`);
  return `{${entries.join(',')}}`;
}

/** Input validation with zod: every rule runs before any upstream call and fails as BAD_USER_INPUT. */
import { z } from 'zod';
import { badInput } from '../errors.js';

/** Upstream ids are UUIDs today; accept any short token of safe characters so a format change does not break us. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be an id of letters, digits, "-" or "_" (at most 128)');

export const weightSchema = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** Parses `value` or throws BAD_USER_INPUT naming the first field at fault, e.g. `input.title: must be ...`. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argName: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [argName, ...(issue?.path ?? []).map(String)].join('.');
  throw badInput(`${field}: ${issue?.message ?? 'is invalid'}`, field);
}

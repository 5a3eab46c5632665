/** Input validation with zod: every rule runs before any upstream call and fails as BAD_USER_INPUT. */
import { z } from 'zod';
import { badInput } from '../domain/errors.js';

/** Upstream ids are UUIDs today; accept any short token of safe characters so a format change does not break us. */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/, 'must be an id of letters, digits, "-" or "_" (at most 128)');

export const weightSchema = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** A point or span in a clip, in seconds. GraphQL Float already excludes NaN and infinities. */
export const secondsSchema = z.number().min(0, 'must be 0 seconds or more').max(3600, 'must be at most 3600 seconds');

/** A public audio file the upstream fetches itself. */
export const audioUrlSchema = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'must be an http or https URL');

/** Text with a length limit. */
export const textSchema = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** Text that must hold something other than spaces. */
export const requiredTextSchema = (max: number) => textSchema(max).refine((s) => s.trim() !== '', 'must not be empty');

/**
 * Parses `value` or throws BAD_USER_INPUT naming the first field at fault, e.g. `input.title: must be ...`.
 * `argName` is the argument `value` came from; '' when `value` holds all of a field's arguments.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argName: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [argName, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.') || 'arguments';
  throw badInput(`${field}: ${issue?.message ?? 'is invalid'}`, field);
}

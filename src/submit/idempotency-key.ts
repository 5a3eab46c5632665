/** The `idempotencyKey` argument: its documentation and its validation, shared by every paid mutation. */
import { z } from 'zod';

export const idempotencyKeyMaxLength = 128;

export const idempotencyKeySchema = z
  .string()
  .regex(
    new RegExp(`^[A-Za-z0-9._:-]{1,${idempotencyKeyMaxLength}}$`),
    `must be 1 to ${idempotencyKeyMaxLength} letters, digits, ".", "_", ":" or "-"`,
  )
  .nullish();

export const idempotencyKeyDescription =
  "Optional. Repeating a request with the same key (per API key, within 24 hours) returns the first request's task " +
  '(or result) instead of paying again, also when the requests race. A UUID per intended action is a good key. The same key ' +
  `with different arguments is refused. 1 to ${idempotencyKeyMaxLength} letters, digits, ".", "_", ":" or "-".`;

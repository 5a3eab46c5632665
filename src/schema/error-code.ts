/**
 * Error codes in the schema: the `ErrorCode` enum and the `ErrorCodeInfo` type, both derived from the one list in
 * src/domain/errors.ts. A client's codegen (or gql.tada) can then type `errors[].extensions.code` as `ErrorCode`,
 * and a UI can read what each code means and what to do about it with the `errorCodes` query.
 */
import { builder } from '../builder.js';
import { type ErrorCode, errorCodes } from '../domain/errors.js';
import { describedEnum } from './enums.js';

const codes = Object.keys(errorCodes) as ErrorCode[];

export const ErrorCodeEnum = describedEnum(
  'ErrorCode',
  'Every value `errors[].extensions.code` can take (a closed set). Each value says what it means and what a UI should do.',
  codes,
  Object.fromEntries(
    codes.map((code) => [code, `${errorCodes[code].meaning}\n\nWhat a UI should do: ${errorCodes[code].action}`]),
  ) as Record<ErrorCode, string>,
);

export interface ErrorCodeEntry {
  code: ErrorCode;
  meaning: string;
  action: string;
}

export const errorCodeEntries: ErrorCodeEntry[] = codes.map((code) => ({ code, ...errorCodes[code] }));

export const ErrorCodeInfoRef = builder.objectRef<ErrorCodeEntry>('ErrorCodeInfo').implement({
  description: 'An error code, what it means, and what a UI should do when it sees it.',
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, description: 'The value of `errors[].extensions.code`.', resolve: (e) => e.code }),
    meaning: t.exposeString('meaning', { description: 'What happened.' }),
    action: t.exposeString('action', {
      description: 'What a UI should do: retry (and when), show it by a field, sign in again, or drop the item.',
    }),
  }),
});

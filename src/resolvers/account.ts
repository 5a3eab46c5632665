/** Account reads: the remaining credits (a free upstream read), the price list of every mutation, and the error codes. */
import { builder } from '../builder.js';
import { GatewayError } from '../domain/errors.js';
import { CreditsRef, OperationCostRef, type OperationCost } from '../schema/account.js';
import { ErrorCodeInfoRef, errorCodeEntries } from '../schema/error-code.js';
import { httpCacheExtension, type HttpCacheHint } from '../transport/http/cache-policy.js';
import { operations } from '../upstream/operations.js';
import { operationMutations } from './mutations.js';
import type { CostTable } from '../upstream/prices.js';

/** Each mutation's price in the table in force (resolved once at start: src/config.ts, src/upstream/prices.ts). */
function operationCosts(table: CostTable): OperationCost[] {
  return Object.entries(operationMutations).map(([operation, spec]) => {
    const entry = spec.operation.name === 'getCredits' ? { credits: 0, source: 'free' } : table[spec.operation.name];
    return { operation, credits: entry.credits, note: entry.note ?? null, source: entry.source };
  });
}

builder.queryFields((t) => ({
  credits: t.field({
    type: CreditsRef,
    // Nullable: when it is refused (FORBIDDEN) or the upstream fails, the other fields of the query keep their data.
    nullable: true,
    description:
      "The upstream account's remaining credits (for the caller's API key). Free. With sign-in, the account is the " +
      "server's, shared by every user: FORBIDDEN unless the user's token carries AUTH_ADMIN_CLAIM (see `viewer.budget`).",
    resolve: (_root, _args, ctx) => {
      const { user } = ctx.caller;
      if (user && !user.admin)
        throw new GatewayError('FORBIDDEN', "The account's credits are shown to admins only; see viewer.budget for yours.");
      return ctx.services.upstream.submit(ctx.requireApiKey(), operations.getCredits, undefined);
    },
  }),
  operationCosts: t.field({
    type: [OperationCostRef],
    description:
      'What each mutation costs in upstream credits, so a client can show the price before it sends one: the table in ' +
      "force on this gateway (the upstream brand's published prices, or the operator's), which signed-in users' budgets reserve.",
    // The same for every caller until the next deploy: a shared cache may keep a GET of it (src/transport/http/cache-policy.ts).
    extensions: { [httpCacheExtension]: { maxAge: 300 } satisfies HttpCacheHint },
    resolve: (_root, _args, ctx) => operationCosts(ctx.services.config.operationCosts.table),
  }),
  errorCodes: t.field({
    type: [ErrorCodeInfoRef],
    description: 'Every error code a client can see in `errors[].extensions.code`, what it means and what a UI should do.',
    extensions: { [httpCacheExtension]: { maxAge: 3600 } satisfies HttpCacheHint },
    resolve: () => errorCodeEntries,
  }),
}));

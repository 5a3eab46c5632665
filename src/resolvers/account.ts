/** Account reads: the remaining credits (a free upstream read) and the price list of every mutation. */
import { builder } from '../builder.js';
import { CreditsRef, OperationCostRef, type OperationCost } from '../schema/account.js';
import { operations } from '../upstream/operations.js';
import { operationMutations } from './operations.js';

const operationCosts: OperationCost[] = Object.entries(operationMutations).map(([operation, spec]) => ({
  operation,
  credits: spec.operation.creditCost,
  note: spec.operation.costNote ?? null,
}));

builder.queryFields((t) => ({
  credits: t.field({
    type: CreditsRef,
    description: "The upstream account's remaining credits (for the caller's API key). Free.",
    resolve: (_root, _args, ctx) => ctx.services.upstream.submit(ctx.requireApiKey(), operations.getCredits, undefined),
  }),
  operationCosts: t.field({
    type: [OperationCostRef],
    description: 'What each mutation costs in upstream credits, so a client can show the price before it sends one.',
    resolve: () => operationCosts,
  }),
}));

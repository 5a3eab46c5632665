/** Who is calling, as a GraphQL type: the signed-in user (or API key) with its tasks and its credit budget. */
import { builder } from '../builder.js';
import type { BudgetUsage } from '../store/types.js';
import { NodeRef } from './node.js';

export interface Viewer {
  /** The tenant: `user:<sub>` for a signed-in user, the key's fingerprint for an API key. */
  id: string;
}

export const BudgetRef = builder.objectRef<BudgetUsage>('Budget').implement({
  description:
    "A signed-in user's credit budget in the current window (USER_CREDIT_BUDGET per USER_BUDGET_WINDOW). A paid " +
    'mutation reserves its price before it is sent; a refused request or a FAILED task gives it back.',
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'Credits per window.' }),
    used: t.exposeInt('used', { description: 'Credits reserved or spent in this window.' }),
    remaining: t.exposeInt('remaining', { description: 'Credits left in this window.' }),
    resetsAt: t.field({
      type: 'DateTime',
      description: 'When this window ends and the budget is whole again.',
      resolve: (b) => new Date(b.resetsAt).toISOString(),
    }),
  }),
});

export const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The caller: a signed-in user (with sign-in on), else the API key it brings or the server key.',
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Who owns the tasks: `user:<sub>` for a signed-in user, else a fingerprint of the API key.' }),
  }),
});

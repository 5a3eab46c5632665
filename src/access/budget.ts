/**
 * Per-user credit budgets (USER_CREDIT_BUDGET per USER_BUDGET_WINDOW), for signed-in users, who all spend the
 * server's key. A paid operation reserves its price atomically before its POST (the store's check-and-write is one
 * step, so concurrent requests cannot overspend); the reservation is given back when the upstream surely did no
 * paid work (it refused, or was never reached: src/submit/idempotency.ts, with the request's outcome), or later when
 * the task ends FAILED (src/tasks/observe.ts).
 */
import type { Caller } from './caller.js';
import type { Config } from '../config.js';
import { GatewayError } from '../domain/errors.js';
import type { BudgetPolicy, BudgetStore } from '../store/types.js';
import type { UpstreamOperation } from '../upstream/operations.js';

/** The budget a caller spends from: signed-in users' only, when one is configured. */
export function budgetOf(caller: Caller, config: Pick<Config, 'userBudget'>): BudgetPolicy | undefined {
  return caller.user ? config.userBudget : undefined;
}

type Priced = Pick<UpstreamOperation<never, unknown>, 'name'>;

/**
 * What an operation reserves: its price in the table in force (`config.operationCosts`: the upstream brand's
 * published prices, or OPERATION_COSTS_FILE's); one whose price is not published counts as 1 credit.
 */
export function priceOf(operation: Priced, config: Pick<Config, 'operationCosts'>): number {
  if (operation.name === 'getCredits') return 0;
  return config.operationCosts.table[operation.name].credits ?? 1;
}

/**
 * Reserves the operation's price from the caller's budget: its reservation id (`id` when given), undefined when no
 * budget applies, or BUDGET_EXCEEDED (with `remaining`) thrown when the rest of the window cannot cover it.
 */
export async function reserve(
  budgets: BudgetStore,
  caller: Caller,
  config: Pick<Config, 'userBudget' | 'operationCosts'>,
  operation: Priced,
  id?: string,
): Promise<string | undefined> {
  const policy = budgetOf(caller, config);
  if (!policy) return undefined;
  const price = priceOf(operation, config);
  const reservation = await budgets.reserve(caller.tenant, price, policy, Date.now(), id);
  if (reservation.ok) return reservation.reservationId;
  const { remaining, resetsAt } = reservation.usage;
  throw new GatewayError(
    'BUDGET_EXCEEDED',
    `This costs ${price} credits and your budget has ${remaining} left until ${new Date(resetsAt).toISOString()}.`,
    { remaining },
  );
}

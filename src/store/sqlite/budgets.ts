/**
 * Credit budgets in SQLite: the credits each tenant has reserved per window, and each reservation (so that it can
 * be given back once). A reservation checks and writes in one BEGIN IMMEDIATE transaction.
 */
import { randomUUID } from 'node:crypto';
import { budgetUsage, budgetWindow, checkAmount } from '../rules.js';
import type { BudgetPolicy, BudgetStore, BudgetUsage, Reservation } from '../types.js';
import type { Database } from './database.js';

export class SqliteBudgetStore implements BudgetStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async reserve(tenant: string, amount: number, policy: BudgetPolicy, now: number, id: string = randomUUID()): Promise<Reservation> {
    checkAmount(amount);
    const window = budgetWindow(policy, now);
    return this.db.immediate(() => {
      const used = this.used(tenant, window.start, window.end);
      if (used + amount > policy.limit) return { ok: false, usage: budgetUsage(policy, used, window.end) };
      const reservationId = id;
      this.db.run(
        `INSERT INTO budget_usage (tenant, window_start, window_end, used) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant, window_start, window_end) DO UPDATE SET used = used + excluded.used`,
        tenant,
        window.start,
        window.end,
        amount,
      );
      this.db.run(
        'INSERT INTO budget_reservations (id, tenant, window_start, window_end, amount) VALUES (?, ?, ?, ?, ?)',
        reservationId,
        tenant,
        window.start,
        window.end,
        amount,
      );
      return { ok: true, reservationId, usage: budgetUsage(policy, used + amount, window.end) };
    });
  }

  async release(reservationId: string): Promise<void> {
    this.db.immediate(() => {
      const reservation = this.db.get<{ tenant: string; window_start: number; window_end: number; amount: number }>(
        'DELETE FROM budget_reservations WHERE id = ? RETURNING tenant, window_start, window_end, amount',
        reservationId,
      );
      if (!reservation) return;
      this.db.run(
        'UPDATE budget_usage SET used = MAX(0, used - ?) WHERE tenant = ? AND window_start = ? AND window_end = ?',
        reservation.amount,
        reservation.tenant,
        reservation.window_start,
        reservation.window_end,
      );
    });
  }

  async usage(tenant: string, policy: BudgetPolicy, now: number): Promise<BudgetUsage> {
    const window = budgetWindow(policy, now);
    return budgetUsage(policy, this.used(tenant, window.start, window.end), window.end);
  }

  /** Deletes the windows that have ended, with their reservations. */
  sweep(): void {
    const now = this.now();
    this.db.run('DELETE FROM budget_usage WHERE window_end <= ?', now);
    this.db.run('DELETE FROM budget_reservations WHERE window_end <= ?', now);
  }

  private used(tenant: string, start: number, end: number): number {
    const row = this.db.get<{ used: number }>(
      'SELECT used FROM budget_usage WHERE tenant = ? AND window_start = ? AND window_end = ?',
      tenant,
      start,
      end,
    );
    return row?.used ?? 0;
  }
}

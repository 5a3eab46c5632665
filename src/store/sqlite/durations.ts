/** How long finished tasks took, per kind, in SQLite: the newest `durationsKeptPerKind` of each kind are kept. */
import type { SubmittedTaskKind } from '../../domain/kinds.js';
import { durationMaxAgeMs, durationsKeptPerKind } from '../rules.js';
import type { DurationHistory } from '../types.js';
import type { Database } from './database.js';

export class SqliteDurationHistory implements DurationHistory {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async record(kind: SubmittedTaskKind, durationMs: number, at: number): Promise<void> {
    this.db.run('INSERT INTO durations (kind, duration_ms, at) VALUES (?, ?, ?)', kind, Math.round(durationMs), at);
  }

  async recent(kind: SubmittedTaskKind, limit: number): Promise<number[]> {
    const rows = this.db.all<{ duration_ms: number }>(
      'SELECT duration_ms FROM durations WHERE kind = ? AND at > ? ORDER BY at DESC, rowid DESC LIMIT ?',
      kind,
      this.now() - durationMaxAgeMs,
      limit,
    );
    return rows.map((row) => row.duration_ms);
  }

  /** Deletes durations past their age, and all but the newest of each kind. */
  sweep(): void {
    this.db.run('DELETE FROM durations WHERE at <= ?', this.now() - durationMaxAgeMs);
    this.db.run(
      `DELETE FROM durations WHERE rowid IN (
         SELECT rowid FROM (SELECT rowid, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY at DESC, rowid DESC) AS n FROM durations)
         WHERE n > ?)`,
      durationsKeptPerKind,
    );
  }
}

/**
 * Answers the gateway could not read, made visible the day the upstream changes: each is counted
 * (`aimusic_upstream_unreadable_answers_total{operation}`), and each new shape (per operation) is logged once, with
 * the field that failed and the answer scrubbed of keys and secrets, so that a changed field is seen in the logs
 * without flooding them with one line per poll.
 */
import type { Logger } from 'pino';
import { scrubJson } from '../domain/redact.js';
import type { UnreadableAnswer } from '../upstream/unreadable.js';
import { shapeOf } from '../upstream/unreadable.js';
import type { Metrics } from './metrics.js';

/** Shapes remembered per process; past this many the memory starts again (a new line per shape, at worst twice). */
const maxShapes = 1_000;

export class UnreadableAnswers {
  private readonly seen = new Set<string>();

  constructor(
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    /** Secrets every report is scrubbed of (the server's key, tokens). */
    private readonly secrets: readonly (string | undefined)[],
  ) {}

  report(operation: string, error: UnreadableAnswer, body: unknown, secrets: readonly (string | undefined)[] = []): void {
    this.metrics.upstreamUnreadable.inc({ operation });
    const shape = shapeOf(body);
    const key = `${operation}\n${error.field}\n${shape}`;
    if (this.seen.has(key)) return;
    if (this.seen.size >= maxShapes) this.seen.clear();
    this.seen.add(key);
    this.logger.warn(
      { operation, field: error.field, reason: error.message, shape, body: scrubJson(body, [...this.secrets, ...secrets]) },
      'the upstream sent an answer the gateway cannot read (logged once per shape)',
    );
  }
}

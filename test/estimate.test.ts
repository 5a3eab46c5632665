/** The completion estimate: a default per kind before there is history, the median of recent durations after. */
import { describe, expect, it } from 'vitest';
import { estimatedCompletion, typicalDurationMs } from '../src/domain/estimate.js';

const s = 1000;

describe('typical duration of a kind', () => {
  it('with no history, is the documented default of the kind', () => {
    expect(typicalDurationMs('CREATE_MUSIC', [])).toBe(120 * s);
    expect(typicalDurationMs('STEMS_FULL', [])).toBe(90 * s);
    expect(typicalDurationMs('PRODUCER_LYRICS', [])).toBe(15 * s);
  });

  it('with one or two durations, still weighs the default as one more', () => {
    // median of [30 s, 90 s default]
    expect(typicalDurationMs('STEMS_FULL', [30 * s])).toBe(60 * s);
    // median of [30 s, 40 s, 90 s default]
    expect(typicalDurationMs('STEMS_FULL', [30 * s, 40 * s])).toBe(40 * s);
  });

  it('from three durations on, is their median, whatever their order', () => {
    expect(typicalDurationMs('STEMS_FULL', [40 * s, 20 * s, 30 * s])).toBe(30 * s);
    expect(typicalDurationMs('CREATE_MUSIC', [10 * s, 20 * s, 30 * s, 40 * s])).toBe(25 * s);
  });

  it('is not dragged by outliers: one task that took an hour, one that took no time', () => {
    const history = [21, 19, 3600, 20, 22, 0.1, 18].map((x) => x * s);
    expect(typicalDurationMs('CREATE_MUSIC', history)).toBe(20 * s);
  });

  it('looks at the 20 most recent durations only (newest first)', () => {
    const recent = Array.from({ length: 20 }, () => 10 * s);
    const old = Array.from({ length: 30 }, () => 100 * s);
    expect(typicalDurationMs('MASHUP', [...recent, ...old])).toBe(10 * s);
  });

  it('ignores values that are not durations', () => {
    expect(typicalDurationMs('STEMS_BASIC', [Number.NaN, -5, 30 * s, 30 * s, 30 * s])).toBe(30 * s);
  });
});

describe('estimated completion', () => {
  const submitted = Date.parse('2026-11-25T12:00:00Z');

  it('is the submit time plus the typical duration while the task is on time', () => {
    expect(estimatedCompletion(submitted, 60 * s, submitted + 10 * s)).toBe(submitted + 60 * s);
  });

  it('for a late task, is a tenth of the typical duration after now, never in the past', () => {
    const now = submitted + 75 * s;
    expect(estimatedCompletion(submitted, 60 * s, now)).toBe(now + 6 * s);
    expect(estimatedCompletion(submitted, 2 * s, submitted + 5 * s)).toBe(submitted + 6 * s);
  });
});

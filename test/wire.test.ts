import { describe, expect, it } from 'vitest';
import { type Clip, plainClip } from '../src/domain/clip.js';
import { fullClip, fullWireClip } from './cases/clip.js';
import { taskStatusOf, toClip, toProducerTaskSnapshot, toTaskSnapshot } from '../src/upstream/wire.js';

describe('task status from clips', () => {
  const clip = (state: string) => toClip({ clip_id: state, state });
  it.each([
    [[], 'PENDING'],
    [['pending', 'pending'], 'PENDING'],
    [['pending', 'running'], 'RUNNING'],
    [['streaming', 'succeeded'], 'RUNNING'],
    [['succeeded', 'succeeded'], 'SUCCEEDED'],
    [['succeeded', 'failed'], 'FAILED'],
  ])('%o → %s', (states, status) => {
    expect(taskStatusOf(states.map(clip))).toBe(status);
  });
});

describe('clips are mapped when asked, with every field', () => {
  // Extra upstream fields are not mapped; the error message counts only for a failed clip.
  const wire = { ...fullWireClip, duration: '183.5', error_message: 'ignored unless failed', something_else: 'not mapped' };
  const expected = fullClip;

  it('a Sonic clip: each field read one by one, and the whole clip as JSON (what Redis and the caches keep)', () => {
    const [clip] = toTaskSnapshot('t1', { code: 200, data: [wire] }).clips;
    for (const [field, value] of Object.entries(expected)) expect(clip![field as keyof Clip], field).toEqual(value);
    expect(JSON.parse(JSON.stringify(clip))).toEqual(expected);
    expect(plainClip(clip!)).toEqual(expected);
  });

  it('empty strings and bad numbers are null; a failed clip carries its error', () => {
    const clip = toClip({ clip_id: 'c2', state: 'error', title: '', duration: 'n/a', error_message: 'moderated' });
    expect(JSON.parse(JSON.stringify(clip))).toEqual({
      ...Object.fromEntries(Object.keys(expected).map((k) => [k, null])),
      id: 'c2',
      status: 'FAILED',
      error: 'moderated',
    });
  });

  it('a Producer item: the style is `sound`, no description, the status and error are the task’s', () => {
    const snapshot = toProducerTaskSnapshot('t2', {
      code: 200,
      status: 'FAILED',
      message: 'render failed',
      data: [{ ...wire, sound: 'ambient piano', clip_id: null }],
    });
    expect(JSON.parse(JSON.stringify(snapshot.clips))).toEqual([
      { ...expected, id: 't2-1', status: 'FAILED', tags: 'ambient piano', description: null, error: 'render failed' },
    ]);
  });
});

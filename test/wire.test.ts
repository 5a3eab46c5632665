import { describe, expect, it } from 'vitest';
import { stemOfTitle, taskStatusOf, toClip } from '../src/upstream/wire.js';

describe('stem titles', () => {
  it.each([
    ['Neon Rivers (Vocals)', 'VOCALS', 'Vocals'],
    ['Neon Rivers (Backing Vocals)', 'BACKING_VOCALS', 'Backing Vocals'],
    ['Bass Drop (Drums)', 'DRUMS', 'Drums'],
    ['Vocal Song (Bass)', 'BASS', 'Bass'],
    ['x (Keys)', 'KEYBOARD', 'Keys'],
    ['x (Perc)', 'PERCUSSION', 'Perc'],
    ['x (FX)', 'FX', 'FX'],
    ['x (Woodwinds)', 'WOODWINDS', 'Woodwinds'],
    ['Instrumental', 'INSTRUMENTAL', 'Instrumental'],
    ['x (Theremin)', 'OTHER', 'Theremin'],
    [null, 'OTHER', ''],
  ])('%s → %s', (title, kind, name) => {
    expect(stemOfTitle(title)).toEqual({ kind, name });
  });
});

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

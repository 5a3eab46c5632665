/**
 * What a sandbox song plays, decided from its clip id: a key, a four-chord progression over four bars of 4/4 at
 * 120 bpm (8 seconds), and a sung melody. The instruments read their notes from here, so every stem of a song
 * agrees on harmony and time.
 */
import { createHash } from 'node:crypto';
import { seededRandom } from './dsp.js';

export const bpm = 120;
export const beat = 60 / bpm;
export const bars = 4;
export const songSeconds = bars * 4 * beat;

export interface Note {
  /** Seconds from the song's start. */
  start: number;
  length: number;
  midi: number;
}

export interface SungNote extends Note {
  vowel: Vowel;
}

export type Vowel = 'a' | 'e' | 'i' | 'o' | 'u';

export interface Score {
  /** The song's own random stream: every instrument that needs noise or choices draws from a fork of it. */
  seed: number;
  /** Pitch class of the key's tonic (0 = C). */
  key: number;
  /** One triad per bar, as MIDI notes around middle C (root position). */
  chords: number[][];
  melody: SungNote[];
}

const major = [0, 2, 4, 5, 7, 9, 11];
/** Scale degrees (0 = I) of a few progressions pop songs live on. */
const progressions = [
  [0, 4, 5, 3],
  [5, 3, 0, 4],
  [0, 5, 3, 4],
  [3, 0, 4, 5],
];
const vowels: Vowel[] = ['a', 'o', 'e', 'i', 'u'];

const degree = (key: number, step: number) => 60 + key + Math.floor(step / 7) * 12 + major[step % 7]!;

/** The MIDI note nearest to `target` whose pitch class is one of `pitchClasses`. */
function nearest(target: number, pitchClasses: number[]): number {
  for (let d = 0; d < 12; d++) {
    for (const candidate of [target - d, target + d]) if (pitchClasses.includes(((candidate % 12) + 12) % 12)) return candidate;
  }
  return target;
}

export function scoreOf(id: string): Score {
  const digest = createHash('sha256').update(id).digest();
  const seed = digest.readUInt32LE(0);
  const random = seededRandom(seed);
  const key = digest[4]! % 12;
  const progression = progressions[digest[5]! % progressions.length]!;
  const chords = progression.map((step) => [step, step + 2, step + 4].map((s) => degree(key, s) - (key > 6 ? 12 : 0)));

  // The melody moves by small steps between chord tones, around E4–E5 (a comfortable sung range).
  const melody: SungNote[] = [];
  let pitch = 69;
  const rhythms = [
    [0, 1, 1.5, 2, 3],
    [0, 0.5, 1, 2, 2.5, 3],
    [0, 1, 2, 2.5, 3.5],
    [0, 1.5, 2, 3],
  ];
  chords.forEach((chord, bar) => {
    const onsets = rhythms[(seed >>> (bar * 2)) % rhythms.length]!;
    const tones = chord.map((m) => m % 12);
    onsets.forEach((onset, i) => {
      const next = onsets[i + 1] ?? 4;
      const stepAway = Math.round((random() - 0.5) * 6);
      pitch = Math.min(77, Math.max(62, nearest(pitch + stepAway, random() < 0.75 ? tones : major.map((m) => (m + key) % 12))));
      melody.push({
        start: (bar * 4 + onset) * beat,
        length: (next - onset) * beat * 0.92,
        midi: pitch,
        vowel: vowels[Math.floor(random() * vowels.length)]!,
      });
    });
  });
  return { seed, key, chords, melody };
}

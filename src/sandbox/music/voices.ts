/**
 * The sung parts of a sandbox song, by formant synthesis: a buzzing glottal source (a saw with vibrato and a little
 * breath) through three band-pass filters at a vowel's formants is what makes a tone sound like a voice singing
 * "ah" or "oo" rather than an instrument.
 */
import { addNote, adsr, Biquad, hz, oscillator, saw, sine } from './dsp.js';
import type { Part } from './rhythm.js';
import { beat, type Vowel } from './score.js';

/** Formant frequencies (Hz) and their relative levels, for a higher (female) voice. */
const formants: Record<Vowel, [number, number][]> = {
  a: [
    [850, 1],
    [1220, 0.5],
    [2810, 0.25],
  ],
  e: [
    [610, 1],
    [1900, 0.45],
    [2800, 0.25],
  ],
  i: [
    [310, 1],
    [2790, 0.35],
    [3310, 0.2],
  ],
  o: [
    [590, 1],
    [880, 0.55],
    [2540, 0.15],
  ],
  u: [
    [370, 1],
    [950, 0.35],
    [2670, 0.1],
  ],
};

function singer(vowel: Vowel, midi: number, length: number, random: () => number, attack: number): (t: number) => number {
  const osc = oscillator();
  const filters = formants[vowel].map(([f, level]) => ({ filter: new Biquad('bandpass', f, 6), level }));
  const f = hz(midi);
  // Vibrato grows in after the onset, as a singer's does.
  return (t) => {
    const vibrato = 1 + 0.012 * sine(5.2 * t) * Math.min(1, t * 3);
    const source = saw(osc(f * vibrato)) + (random() * 2 - 1) * 0.08;
    let y = 0;
    for (const { filter, level } of filters) y += filter.process(source) * level;
    return y * adsr(t, length, attack, 0.06);
  };
}

/** The lead line from the score, one vowel per note. */
export const vocals: Part = (score, out, random) => {
  for (const note of score.melody) addNote(out, note.start, note.length, singer(note.vowel, note.midi, note.length, random, 0.03));
};

/** "Ooh" and "ah" chords behind the lead: three close voices per bar, swelling in. */
export const backingVocals: Part = (score, out, random) => {
  score.chords.forEach((chord, bar) => {
    const length = 4 * beat * 0.97;
    for (const midi of chord) {
      addNote(out, bar * 4 * beat, length, singer(bar % 2 ? 'a' : 'u', midi, length, random, 0.35), 0.6);
    }
  });
};

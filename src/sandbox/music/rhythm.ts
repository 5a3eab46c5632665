/** The unpitched parts of a sandbox song: a drum kit, hand percussion, and effects (sweeps, risers, zaps). */
import { addNote, Biquad, oscillator, sine, square } from './dsp.js';
import { bars, beat, songSeconds, type Score } from './score.js';

export type Part = (score: Score, out: Float32Array, random: () => number) => void;

const eachBar = (play: (barStart: number, bar: number) => void) => {
  for (let bar = 0; bar < bars; bar++) play(bar * 4 * beat, bar);
};

/** Where the kick falls in a bar (in beats), one pattern per song, with a busier one in every second bar. */
const kickPatterns = [
  [
    [0, 2],
    [0, 2, 2.5],
  ],
  [
    [0, 1.5, 2],
    [0, 1.5, 2, 3.5],
  ],
  [
    [0, 2.5],
    [0, 0.75, 2.5],
  ],
  [
    [0, 1, 2, 3],
    [0, 1, 2, 3, 3.5],
  ],
];

/** A kick pattern of the song's, snare on 2 and 4, closed hi-hat on eighths, open on the last. */
export const drums: Part = (score, out, random) => {
  const kicks = kickPatterns[score.seed % kickPatterns.length]!;
  const kick = (at: number) => {
    const osc = oscillator();
    addNote(out, at, 0.4, (t) => sine(osc(48 + 110 * Math.exp(-t * 28))) * Math.exp(-t * 7), 1);
  };
  const snare = (at: number) => {
    const body = oscillator();
    const hp = new Biquad('highpass', 1200);
    addNote(out, at, 0.25, (t) => hp.process(random() * 2 - 1) * Math.exp(-t * 18) * 0.7 + sine(body(190)) * Math.exp(-t * 30) * 0.5);
  };
  const hat = (at: number, open: boolean) => {
    const hp = new Biquad('highpass', 7000);
    addNote(out, at, open ? 0.3 : 0.06, (t) => hp.process(random() * 2 - 1) * Math.exp(-t * (open ? 9 : 70)), 0.35);
  };
  eachBar((start, bar) => {
    for (const b of kicks[bar % 2]!) kick(start + b * beat);
    for (const b of [1, 3]) snare(start + b * beat);
    for (let e = 0; e < 8; e++) hat(start + (e * beat) / 2, e === 7);
  });
};

/** A shaker on sixteenths, claves on a 3-2 clave, and a conga answering on the off-beats. */
export const percussion: Part = (_score, out, random) => {
  eachBar((start) => {
    for (let s = 0; s < 16; s++) {
      const bp = new Biquad('bandpass', 5200, 1.2);
      const accent = s % 4 === 2 ? 1 : 0.5;
      addNote(out, start + (s * beat) / 4, 0.09, (t) => bp.process(random() * 2 - 1) * Math.min(1, t / 0.008) * Math.exp(-t * 45), accent);
    }
    for (const b of [0, 0.75, 1.5, 2.5, 3]) {
      const osc = oscillator();
      addNote(out, start + b * beat, 0.12, (t) => sine(osc(2450)) * Math.exp(-t * 38), 0.6);
    }
    for (const b of [0.5, 1.75, 3.5]) {
      const osc = oscillator();
      addNote(out, start + b * beat, 0.3, (t) => sine(osc(210 - 30 * Math.min(1, t * 8))) * Math.exp(-t * 12), 0.8);
    }
  });
};

/** A falling "impact" at the top, laser zaps into bars 2 and 3, and a noise riser over the last bar. */
export const effects: Part = (_score, out, random) => {
  const impact = oscillator();
  addNote(out, 0, 1.2, (t) => sine(impact(60 + 1100 * Math.exp(-t * 4))) * Math.exp(-t * 2.5), 0.9);
  for (const at of [4 * beat, 8 * beat, 8 * beat + 0.75 * beat]) {
    const zap = oscillator();
    const lp = new Biquad('lowpass', 3500);
    addNote(out, at, 0.28, (t) => lp.process(square(zap(2200 * Math.exp(-t * 9) + 150))) * Math.exp(-t * 6), 0.5);
  }
  const riserStart = 12 * beat;
  const bp = new Biquad('bandpass', 300, 4);
  const riserLength = songSeconds - riserStart;
  let tick = 0;
  addNote(out, riserStart, riserLength, (t) => {
    // Moving a filter costs a few trig calls; every 32 samples is smooth enough for a sweep.
    if (tick++ % 32 === 0) bp.tune(300 * 20 ** (t / riserLength));
    return bp.process(random() * 2 - 1) * (t / riserLength) ** 1.5 * 3;
  });
};

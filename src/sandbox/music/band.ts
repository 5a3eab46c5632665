/** The pitched instruments of a sandbox song: each reads its notes from the score's chords. */
import { addNote, adsr, Biquad, decay, hz, oscillator, sampleRate, saw, sine, square } from './dsp.js';
import type { Part } from './rhythm.js';
import { beat } from './score.js';

const barStart = (bar: number) => bar * 4 * beat;

/** A plucked saw an octave and a half below the chords: root, root, octave, root, fifth, root, octave, fifth. */
export const bass: Part = (score, out) => {
  const pattern = [0, 0, 12, 0, 7, 0, 12, 7];
  score.chords.forEach((chord, bar) => {
    pattern.forEach((interval, e) => {
      const osc = oscillator();
      const lp = new Biquad('lowpass', 700, 1.1);
      const f = hz(chord[0]! - 24 + interval);
      addNote(out, barStart(bar) + (e * beat) / 2, 0.23, (t) => lp.process(saw(osc(f))) * Math.exp(-t * 5));
    });
  });
};

/**
 * Strummed chords on a Karplus-Strong string: a burst of noise in a delay line one period long, averaged as it
 * circulates, which is how a plucked string loses its high partials.
 */
export const guitar: Part = (score, out, random) => {
  const strum = [0, 1.5, 2, 3, 3.5];
  score.chords.forEach((chord, bar) => {
    const voicing = [chord[0]! - 12, chord[2]! - 12, chord[0]!, chord[1]!, chord[2]!];
    for (const onset of strum) {
      voicing.forEach((midi, string) => {
        const period = Math.round(sampleRate / hz(midi));
        const line = Float32Array.from({ length: period }, () => random() * 2 - 1);
        let i = 0;
        addNote(
          out,
          barStart(bar) + onset * beat + string * 0.012,
          0.7,
          () => {
            const next = (i + 1) % period;
            const y = line[i]!;
            line[i] = 0.5 * (y + line[next]!) * 0.996;
            i = next;
            return y;
          },
          0.5,
        );
      });
    }
  });
};

/** An electric piano comping the chords: a sine with fast-fading overtones, struck on a syncopated rhythm. */
export const keyboard: Part = (score, out) => {
  score.chords.forEach((chord, bar) => {
    for (const onset of [0, 1.5, 2.5]) {
      for (const midi of chord) {
        const f = hz(midi);
        const [body, overtone, tine] = [decay(3), decay(6), decay(30)];
        addNote(out, barStart(bar) + onset * beat, 0.95, (t) => {
          const p = f * t;
          const level = body();
          return (sine(p) + 0.5 * sine(2 * p) * overtone() + 0.25 * sine(7 * p) * tine()) * level;
        });
      }
    }
  });
};

/** A string section holding each chord for its bar: detuned saws with vibrato and a slow bow attack. */
export const strings: Part = (score, out) => {
  score.chords.forEach((chord, bar) => {
    for (const midi of [chord[0]! - 12, ...chord]) {
      for (const detune of [0.997, 1.003]) {
        const osc = oscillator();
        const lp = new Biquad('lowpass', 2200);
        const f = hz(midi) * detune;
        addNote(out, barStart(bar), 4 * beat, (t) => lp.process(saw(osc(f * (1 + 0.004 * sine(5.5 * t))))) * adsr(t, 4 * beat, 0.45, 0.3));
      }
    }
  });
};

/** A square-wave arpeggio on sixteenths, two octaves up, going up and down the chord. */
export const synth: Part = (score, out) => {
  const order = [0, 1, 2, 3, 2, 1, 0, 1];
  score.chords.forEach((chord, bar) => {
    const tones = [...chord, chord[0]! + 12].map((m) => m + 12);
    for (let s = 0; s < 16; s++) {
      const osc = oscillator();
      const lp = new Biquad('lowpass', 2800);
      const f = hz(tones[order[s % order.length]!]!);
      addNote(out, barStart(bar) + (s * beat) / 4, 0.13, (t) => lp.process(square(osc(f))) * Math.exp(-t * 14));
    }
  });
};

/** Brass stabs on the off-beats of bars 2 and 4: saws through a filter that opens with each note's attack. */
export const brass: Part = (score, out) => {
  score.chords.forEach((chord, bar) => {
    const onsets = bar % 2 ? [1.5, 3] : [3.5];
    for (const onset of onsets) {
      for (const midi of [...chord, chord[0]! + 12]) {
        const osc = oscillator();
        const lp = new Biquad('lowpass', 400, 1.4);
        const f = hz(midi);
        let tick = 0;
        addNote(out, barStart(bar) + onset * beat, 0.45, (t) => {
          if (tick++ % 16 === 0) lp.tune(500 + 3000 * Math.min(1, t / 0.04) * Math.exp(-t * 4));
          return lp.process(saw(osc(f))) * adsr(t, 0.45, 0.03, 0.12);
        });
      }
    }
  });
};

/** A flute counter-line in half notes on each chord's third and fifth: a sine with breath and vibrato. */
export const woodwinds: Part = (score, out, random) => {
  score.chords.forEach((chord, bar) => {
    [chord[2]!, chord[1]!].forEach((midi, half) => {
      const osc = oscillator();
      const breath = new Biquad('bandpass', hz(midi + 12), 3);
      const f = hz(midi + 12);
      addNote(out, barStart(bar) + half * 2 * beat, 2 * beat * 0.95, (t) => {
        const vibrato = 1 + 0.006 * sine(5 * t) * Math.min(1, t * 2);
        const p = osc(f * vibrato);
        return (sine(p) + 0.12 * sine(2 * p) + breath.process(random() * 2 - 1) * 0.5) * adsr(t, 2 * beat * 0.95, 0.09, 0.15);
      });
    });
  });
};

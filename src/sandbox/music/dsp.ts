/**
 * The small signal toolkit the sandbox's instruments are built from: a seeded noise source (so a clip id always
 * renders the same bytes), RBJ-cookbook biquad filters, and a way to add one note into a stem buffer.
 */

/** Low enough to keep 12 stems of a song small, high enough for hi-hats and formants to sound like themselves. */
export const sampleRate = 22_050;

export const hz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);

/** mulberry32: a tiny deterministic PRNG; `Math.random` would make the same clip sound different on each render. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FilterType = 'lowpass' | 'highpass' | 'bandpass';

/** A second-order filter (Direct Form I) whose frequency can move while it runs (sweeps, brass "wah"). */
export class Biquad {
  private b0 = 0;
  private b1 = 0;
  private b2 = 0;
  private a1 = 0;
  private a2 = 0;
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(
    private readonly type: FilterType,
    frequency: number,
    private readonly q = Math.SQRT1_2,
  ) {
    this.tune(frequency);
  }

  tune(frequency: number): void {
    const w0 = (2 * Math.PI * Math.min(frequency, sampleRate * 0.45)) / sampleRate;
    const cos = Math.cos(w0);
    const alpha = Math.sin(w0) / (2 * this.q);
    const a0 = 1 + alpha;
    const [b0, b1, b2] =
      this.type === 'lowpass'
        ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2]
        : this.type === 'highpass'
          ? [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
          : [alpha, 0, -alpha];
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = (-2 * cos) / a0;
    this.a2 = (1 - alpha) / a0;
  }

  process(x: number): number {
    const y = this.b0 * x + this.b1 * this.x1 + this.b2 * this.x2 - this.a1 * this.y1 - this.a2 * this.y2;
    this.x2 = this.x1;
    this.x1 = x;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

/** A linear attack, then a hold, then a linear release to silence at `length` seconds. */
export function adsr(t: number, length: number, attack: number, release: number): number {
  if (t < attack) return t / attack;
  if (t > length - release) return Math.max(0, (length - t) / release);
  return 1;
}

/**
 * Adds one note into `out`: `voice` is called once per sample, in order, with the time since the note's start (so a
 * voice may keep filter or phase state in its closure). The last 5 ms fade out, so no note ends in a click.
 */
export function addNote(out: Float32Array, start: number, length: number, voice: (t: number) => number, gain = 1): void {
  const first = Math.max(0, Math.round(start * sampleRate));
  const count = Math.round(length * sampleRate);
  const last = Math.min(out.length, first + count);
  const fadeFrom = count - 0.005 * sampleRate;
  for (let i = first; i < last; i++) {
    const n = i - first;
    const fade = n < fadeFrom ? 1 : (count - n) / (count - fadeFrom);
    out[i]! += voice(n / sampleRate) * gain * fade;
  }
}

/** An exponential decay at `rate` per second, one sample per call: cheaper than `Math.exp` on every sample. */
export function decay(rate: number): () => number {
  const factor = Math.exp(-rate / sampleRate);
  let level = 1 / factor;
  return () => (level *= factor);
}

/** A phase accumulator, for oscillators whose pitch moves (vibrato, sweeps) without clicks. */
export function oscillator(): (frequency: number) => number {
  let phase = 0;
  return (frequency) => {
    phase += frequency / sampleRate;
    phase -= Math.floor(phase);
    return phase;
  };
}

const sineTable = Float32Array.from({ length: 8192 }, (_, i) => Math.sin((2 * Math.PI * i) / 8192));
/** A table lookup: an instrument calls it millions of times per song, and its error is far below 16-bit hiss. */
export const sine = (phase: number) => sineTable[((phase - Math.floor(phase)) * 8192) | 0]!;
export const saw = (phase: number) => 2 * phase - 1;
export const square = (phase: number) => (phase < 0.5 ? 1 : -1);

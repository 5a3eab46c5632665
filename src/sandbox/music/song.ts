/**
 * A sandbox song and its 12 stems, rendered from a clip id. The stems are quantised to 16 bits first and every other
 * audio (the song, an instrumental) is their sample-by-sample integer sum, so a mix of the stems equals the song
 * exactly. Renders are cached by song id (about 4 MB each).
 */
import { LRUCache } from 'lru-cache';
import { sampleRate, seededRandom } from './dsp.js';
import { backingVocals, vocals } from './voices.js';
import { bass, brass, guitar, keyboard, strings, synth, woodwinds } from './band.js';
import { drums, effects, percussion, type Part } from './rhythm.js';
import { scoreOf, songSeconds } from './score.js';

/** The 12 stems of a full split, in the upstream's order, with how loud (RMS) each sits in the mix. */
const parts = {
  Vocals: { render: vocals, level: 0.2 },
  'Backing Vocals': { render: backingVocals, level: 0.08 },
  Drums: { render: drums, level: 0.17 },
  Bass: { render: bass, level: 0.15 },
  Guitar: { render: guitar, level: 0.09 },
  Keyboard: { render: keyboard, level: 0.09 },
  Percussion: { render: percussion, level: 0.06 },
  Strings: { render: strings, level: 0.07 },
  Synth: { render: synth, level: 0.06 },
  FX: { render: effects, level: 0.06 },
  Brass: { render: brass, level: 0.07 },
  Woodwinds: { render: woodwinds, level: 0.07 },
} satisfies Record<string, { render: Part; level: number }>;

export type StemPart = keyof typeof parts;
export const stemParts = Object.keys(parts) as StemPart[];

/** What a sandbox clip sounds like: some parts (all of them for a song, one for a stem) of the song of a clip id. */
export interface ClipAudio {
  song: string;
  parts: readonly StemPart[];
}

export type RenderedSong = Record<StemPart, Int16Array>;

const frames = Math.round(songSeconds * sampleRate);
const fullScale = 32767;

function peak(samples: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < samples.length; i++) max = Math.max(max, Math.abs(samples[i]!));
  return max;
}

function render(id: string): RenderedSong {
  const score = scoreOf(id);
  const raw = stemParts.map((name, index) => {
    const out = new Float32Array(frames);
    parts[name].render(score, out, seededRandom(score.seed ^ Math.imul(index + 1, 0x9e3779b9)));
    let energy = 0;
    for (const x of out) energy += x * x;
    const scale = parts[name].level / Math.sqrt(energy / frames || 1);
    for (let i = 0; i < frames; i++) out[i]! *= scale;
    return out;
  });
  // One gain for every stem, so that none of the audios a split can produce (a stem alone, the song, the
  // instrumental) clips: their sums are then exact in 16 bits.
  const mix = new Float64Array(frames);
  for (const stem of raw) for (let i = 0; i < frames; i++) mix[i]! += stem[i]!;
  const vocals = raw[stemParts.indexOf('Vocals')]!;
  const instrumental = mix.map((x, i) => x - vocals[i]!);
  const gain = (0.9 * fullScale) / Math.max(peak(mix), peak(instrumental), ...raw.map(peak));
  const song = {} as RenderedSong;
  stemParts.forEach((name, s) => {
    const stem = raw[s]!;
    const samples = new Int16Array(frames);
    for (let i = 0; i < frames; i++) samples[i] = Math.round(stem[i]! * gain);
    song[name] = samples;
  });
  return song;
}

const renders = new LRUCache<string, RenderedSong>({
  maxSize: 40 * 1024 * 1024,
  sizeCalculation: (song) => Object.values(song).reduce((bytes, stem) => bytes + stem.byteLength, 0),
});

export function renderSong(id: string): RenderedSong {
  let song = renders.get(id);
  if (!song) renders.set(id, (song = render(id)));
  return song;
}

/** The samples of a clip: the sum of its parts of its song (silence for a split of a part the clip does not hold). */
export function clipSamples(audio: ClipAudio): Int16Array {
  const song = renderSong(audio.song);
  const out = new Int16Array(frames);
  const sum = new Int32Array(frames);
  for (const part of audio.parts) {
    const stem = song[part];
    for (let i = 0; i < frames; i++) sum[i]! += stem[i]!;
  }
  out.set(sum);
  return out;
}

export { sampleRate };

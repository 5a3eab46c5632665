/**
 * The answers of the operations that reply at once (no task), mapped from the upstream's JSON to domain types.
 * Shapes and their evidence: docs/upstream.md §3.4–§3.16, §9.1, §9.2. Answers are read leniently (numbers may come
 * as strings, `data` may be absent) but a missing essential field is an UPSTREAM_ERROR, never a silent null.
 */
import { unreadable } from './unreadable.js';
import type { ClipRequest, PersonaRequest } from './requests.js';

export interface Tempo {
  clipId: string;
  bpm: number;
  minBpm: number | null;
  maxBpm: number | null;
}

export interface VocalSample {
  voxAudioId: string;
  clipId: string;
  vocalStart: number | null;
  vocalEnd: number | null;
}

export interface WavFile {
  clipId: string;
  wavUrl: string;
}

export interface MidiNote {
  pitch: number;
  start: number;
  end: number;
  velocity: number | null;
}
export interface MidiInstrument {
  name: string;
  notes: MidiNote[];
}
export interface MidiFile {
  clipId: string;
  midiUrl: string;
  instruments: MidiInstrument[];
}

export interface TimedWord {
  text: string;
  start: number;
  end: number;
  /** The aligner's confidence, 0 to 1, when given. */
  confidence: number | null;
  aligned: boolean;
}
export interface TimedLine {
  text: string;
  start: number;
  end: number;
  words: TimedWord[];
}
export interface LyricsTimeline {
  clipId: string;
  words: TimedWord[];
  lines: TimedLine[];
}

export interface UpsampledTags {
  original: string;
  tags: string;
}

export interface Persona {
  id: string;
  name: string;
  clipId: string;
}

export interface UploadedClip {
  clipId: string;
}

export interface LyricsDraft {
  title: string | null;
  lyrics: string;
}
export interface GeneratedLyrics {
  drafts: LyricsDraft[];
}

export interface Credits {
  credits: number;
  extraCredits: number;
}

type Fields = Record<string, unknown>;

function objectOf(value: unknown, what: string, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unreadable(field, `${what} is not an object`);
  return value as Fields;
}

/** The answer's `data` object when there is one, else the answer itself (some answers are flat). */
function payload(answer: unknown): Fields {
  const body = objectOf(answer, 'the answer', '(body)');
  return typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data) ? (body.data as Fields) : body;
}

const optionalNumber = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const optionalString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function requiredNumber(fields: Fields, name: string): number {
  const n = optionalNumber(fields[name]);
  if (n === null) throw unreadable(name, `the answer has no numeric ${name}`);
  return n;
}
function requiredString(fields: Fields, name: string): string {
  const s = optionalString(fields[name]);
  if (s === null) throw unreadable(name, `the answer has no ${name}`);
  return s;
}

export function toTempo(answer: unknown, request: ClipRequest): Tempo {
  const data = payload(answer);
  return {
    clipId: request.clipId,
    bpm: requiredNumber(data, 'avg_bpm'),
    minBpm: optionalNumber(data.min_bpm),
    maxBpm: optionalNumber(data.max_bpm),
  };
}

export function toVocalSample(answer: unknown, request: ClipRequest): VocalSample {
  const data = payload(answer);
  return {
    voxAudioId: requiredString(data, 'vox_audio_id'),
    clipId: optionalString(data.source_clip_id) ?? request.clipId,
    vocalStart: optionalNumber(data.vocal_start_s),
    vocalEnd: optionalNumber(data.vocal_end_s),
  };
}

export function toWavFile(answer: unknown, request: ClipRequest): WavFile {
  return { clipId: request.clipId, wavUrl: requiredString(payload(answer), 'wav_url') };
}

function toMidiInstrument(value: unknown): MidiInstrument {
  const fields = objectOf(value, 'a MIDI instrument', 'instruments[]');
  const notes = Array.isArray(fields.notes) ? fields.notes : [];
  return {
    name: optionalString(fields.name) ?? 'Unnamed',
    notes: notes.map((n) => {
      const note = objectOf(n, 'a MIDI note', 'instruments[].notes[]');
      return {
        pitch: requiredNumber(note, 'pitch'),
        start: requiredNumber(note, 'start'),
        end: requiredNumber(note, 'end'),
        velocity: optionalNumber(note.velocity),
      };
    }),
  };
}

export function toMidiFile(answer: unknown, request: ClipRequest): MidiFile {
  const data = payload(answer);
  const instruments = Array.isArray(data.instruments) ? data.instruments.map(toMidiInstrument) : [];
  return { clipId: request.clipId, midiUrl: requiredString(data, 'midi_url'), instruments };
}

/** Lines end where a word carries a line break (the aligner keeps `\n` inside words). */
function toLines(words: TimedWord[]): TimedLine[] {
  const lines: TimedLine[] = [];
  let current: TimedWord[] = [];
  const flush = () => {
    const first = current[0];
    const last = current.at(-1);
    if (first && last) {
      const text = current
        .map((w) => w.text.trim())
        .filter(Boolean)
        .join(' ');
      if (text) lines.push({ text, start: first.start, end: last.end, words: current });
    }
    current = [];
  };
  for (const word of words) {
    current.push(word);
    if (word.text.includes('\n')) flush();
  }
  flush();
  return lines;
}

export function toLyricsTimeline(answer: unknown, request: ClipRequest): LyricsTimeline {
  const alignment = payload(answer).alignment;
  if (!Array.isArray(alignment)) throw unreadable('alignment', 'the answer has no alignment list');
  const words = alignment.map((item): TimedWord => {
    const w = objectOf(item, 'an aligned word', 'alignment[]');
    return {
      text: typeof w.word === 'string' ? w.word : '',
      start: requiredNumber(w, 'start_s'),
      end: requiredNumber(w, 'end_s'),
      confidence: optionalNumber(w.p_align),
      aligned: w.success !== false,
    };
  });
  return { clipId: request.clipId, words, lines: toLines(words) };
}

export function toUpsampledTags(answer: unknown, request: { tags: string }): UpsampledTags {
  return { original: request.tags, tags: requiredString(payload(answer), 'upsampled_tags') };
}

export function toPersona(answer: unknown, request: PersonaRequest): Persona {
  return { id: requiredString(payload(answer), 'persona_id'), name: request.name, clipId: request.clipId };
}

export function toUploadedClip(answer: unknown): UploadedClip {
  return { clipId: requiredString(payload(answer), 'clip_id') };
}

export function toGeneratedLyrics(answer: unknown): GeneratedLyrics {
  const results = objectOf(answer, 'the answer', '(body)').results;
  if (!Array.isArray(results)) throw unreadable('results', 'the answer has no results list');
  return {
    drafts: results.map((r) => {
      const draft = objectOf(r, 'a lyrics result', 'results[]');
      return { title: optionalString(draft.title), lyrics: requiredString(draft, 'lyrics') };
    }),
  };
}

export function toCredits(answer: unknown): Credits {
  const data = payload(answer);
  return { credits: requiredNumber(data, 'credits'), extraCredits: optionalNumber(data.extra_credits) ?? 0 };
}

/** What the analysis and export operations answer: tempo, WAV and MIDI files, and the lyrics timeline. */
import { builder } from '../builder.js';
import type { LyricsTimeline, MidiFile, MidiInstrument, MidiNote, Tempo, TimedLine, TimedWord, WavFile } from '../upstream/results.js';

export const TempoRef = builder.objectRef<Tempo>('Tempo').implement({
  description: "A clip's tempo in beats per minute.",
  fields: (t) => ({
    clipId: t.exposeID('clipId', { description: 'The clip analysed.' }),
    bpm: t.exposeFloat('bpm', { description: 'The average tempo.' }),
    minBpm: t.exposeFloat('minBpm', { nullable: true, description: 'The slowest tempo found.' }),
    maxBpm: t.exposeFloat('maxBpm', { nullable: true, description: 'The fastest tempo found.' }),
  }),
});

export const WavFileRef = builder.objectRef<WavFile>('WavFile').implement({
  description: 'A lossless WAV rendering of a clip.',
  fields: (t) => ({
    clipId: t.exposeID('clipId', { description: 'The clip rendered.' }),
    wavUrl: t.exposeString('wavUrl', { description: 'Where to download the WAV file.' }),
  }),
});

const MidiNoteRef = builder.objectRef<MidiNote>('MidiNote').implement({
  description: 'One note of a MIDI transcription.',
  fields: (t) => ({
    pitch: t.exposeInt('pitch', { description: 'MIDI note number, 0 to 127 (60 is middle C).' }),
    start: t.exposeFloat('start', { description: 'When the note starts, in seconds.' }),
    end: t.exposeFloat('end', { description: 'When it ends, in seconds.' }),
    velocity: t.exposeInt('velocity', { nullable: true, description: 'How hard it is played, 0 to 127.' }),
  }),
});

const MidiInstrumentRef = builder.objectRef<MidiInstrument>('MidiInstrument').implement({
  description: 'The notes of one instrument in a MIDI transcription.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The instrument, as the upstream names it.' }),
    notes: t.field({ type: [MidiNoteRef], description: 'Its notes, in time order.', resolve: (i) => i.notes }),
  }),
});

export const MidiFileRef = builder.objectRef<MidiFile>('MidiFile').implement({
  description: 'A MIDI transcription of a clip (a song or a stem).',
  fields: (t) => ({
    clipId: t.exposeID('clipId', { description: 'The clip transcribed.' }),
    midiUrl: t.exposeString('midiUrl', { description: 'Where to download the .mid file.' }),
    instruments: t.field({
      type: [MidiInstrumentRef],
      description: 'The transcription as data, per instrument.',
      resolve: (m) => m.instruments,
    }),
  }),
});

const TimedWordRef = builder.objectRef<TimedWord>('TimedWord').implement({
  description: 'A word of the lyrics and when it is sung.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The word as the upstream gives it (it may end in a line break).' }),
    start: t.exposeFloat('start', { description: 'When it starts, in seconds.' }),
    end: t.exposeFloat('end', { description: 'When it ends, in seconds.' }),
    confidence: t.exposeFloat('confidence', { nullable: true, description: 'How sure the aligner is, 0 to 1.' }),
    aligned: t.exposeBoolean('aligned', { description: 'False when the aligner could not place the word; its times are then estimates.' }),
  }),
});

const TimedLineRef = builder.objectRef<TimedLine>('TimedLine').implement({
  description: 'A line of the lyrics and when it is sung.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The line, its words joined by spaces.' }),
    start: t.exposeFloat('start', { description: 'When its first word starts, in seconds.' }),
    end: t.exposeFloat('end', { description: 'When its last word ends, in seconds.' }),
    words: t.field({ type: [TimedWordRef], description: 'Its words.', resolve: (l) => l.words }),
  }),
});

export const LyricsTimelineRef = builder.objectRef<LyricsTimeline>('LyricsTimeline').implement({
  description: "A clip's lyrics with timings, for karaoke-style display.",
  fields: (t) => ({
    clipId: t.exposeID('clipId', { description: 'The clip aligned.' }),
    words: t.field({ type: [TimedWordRef], description: 'Every word, in order.', resolve: (l) => l.words }),
    lines: t.field({ type: [TimedLineRef], description: 'The words grouped into the lines of the lyrics.', resolve: (l) => l.lines }),
  }),
});

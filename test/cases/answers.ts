/** Cases for the Sonic operations that answer at once with a typed result. */
import { expect } from 'vitest';
import { audioUrl, demo, type OperationCase } from './types.js';

async function fetchBytes(url: string): Promise<{ type: string | null; bytes: Buffer }> {
  const res = await fetch(url);
  return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

export const answerCases: OperationCase[] = [
  {
    field: 'createPersona',
    variables: () => ({
      input: {
        clipId: demo,
        name: 'Nova',
        description: 'warm, airy',
        styles: 'soul, r&b',
        voxAudioId: 'vox-1',
        vocalStart: 10,
        vocalEnd: 30,
      },
    }),
    path: '/api/v1/sonic/persona',
    body: () => ({
      clip_id: demo,
      name: 'Nova',
      describe: 'warm, airy',
      styles: 'soul, r&b',
      vox_audio_id: 'vox-1',
      vocal_start_s: 10,
      vocal_end_s: 30,
    }),
    selection: '{ id name clipId }',
    check: (persona) => {
      expect(persona).toMatchObject({ name: 'Nova', clipId: demo });
      expect(persona.id).toMatch(/^[0-9a-f-]{36}$/);
    },
    bad: { variables: () => ({ input: { clipId: demo, name: 'Nova', vocalStart: 10, vocalEnd: 50 } }), field: 'input.vocalEnd' },
  },
  {
    field: 'getBpm',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/sonic/bpm',
    body: () => ({ clip_id: demo }),
    selection: '{ clipId bpm minBpm maxBpm }',
    check: (tempo) => {
      expect(tempo.clipId).toBe(demo);
      expect(tempo.bpm).toBeGreaterThanOrEqual(80);
      expect(tempo.minBpm).toBeLessThan(tempo.bpm);
      expect(tempo.maxBpm).toBeGreaterThan(tempo.bpm);
    },
    bad: { variables: () => ({ clipId: '' }), field: 'clipId' },
  },
  {
    field: 'getVox',
    variables: () => ({ input: { clipId: demo, vocalStart: 5, vocalEnd: 20.5 } }),
    path: '/api/v1/sonic/vox',
    body: () => ({ clip_id: demo, vocal_start_s: 5, vocal_end_s: 20.5 }),
    selection: '{ voxAudioId clipId vocalStart vocalEnd }',
    check: (vox) => {
      expect(vox).toMatchObject({ clipId: demo, vocalStart: 5, vocalEnd: 20.5 });
      expect(vox.voxAudioId).toBeTruthy();
    },
    bad: { variables: () => ({ input: { clipId: demo, vocalStart: 5 } }), field: 'input.vocalEnd' },
  },
  {
    field: 'getWav',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/sonic/wav',
    body: () => ({ clip_id: demo }),
    selection: '{ clipId wavUrl }',
    check: async (wav) => {
      expect(wav.clipId).toBe(demo);
      const file = await fetchBytes(wav.wavUrl);
      expect(file.type).toBe('audio/wav');
      expect(file.bytes.subarray(0, 4).toString()).toBe('RIFF');
    },
    bad: { variables: () => ({ clipId: 'x y' }), field: 'clipId' },
  },
  {
    field: 'getMidi',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/sonic/midi',
    body: () => ({ clip_id: demo }),
    selection: '{ clipId midiUrl instruments { name notes { pitch start end velocity } } }',
    check: async (midi) => {
      expect(midi.instruments.map((i: { name: string }) => i.name)).toEqual(['Lead', 'Bass']);
      const note = midi.instruments[0].notes[0];
      expect(note.end).toBeGreaterThan(note.start);
      expect(note.pitch).toBeGreaterThan(0);
      const file = await fetchBytes(midi.midiUrl);
      expect(file.bytes.subarray(0, 4).toString()).toBe('MThd');
    },
    bad: { variables: () => ({ clipId: '#' }), field: 'clipId' },
  },
  {
    field: 'getLyricsTimeline',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/sonic/aligned-lyrics',
    body: () => ({ clip_id: demo }),
    selection: '{ clipId words { text start end confidence aligned } lines { text start end words { text } } }',
    check: (timeline) => {
      expect(timeline.lines.map((l: { text: string }) => l.text)).toEqual(['Neon rivers in the night', 'We run until the morning light']);
      expect(timeline.words).toHaveLength(11);
      expect(timeline.words[4]).toMatchObject({ text: 'night\n', aligned: true, confidence: 0.93 });
      expect(timeline.lines[1].start).toBe(timeline.words[5].start);
      expect(timeline.lines[0].end).toBe(timeline.words[4].end);
    },
    bad: { variables: () => ({ clipId: '' }), field: 'clipId' },
  },
  {
    field: 'upsampleTags',
    variables: () => ({ tags: 'lofi, rainy' }),
    path: '/api/v1/sonic/upsample-tags',
    body: () => ({ tags: 'lofi, rainy' }),
    selection: '{ original tags }',
    check: (result) => {
      expect(result.original).toBe('lofi, rainy');
      expect(result.tags).toMatch(/^lofi, rainy, .+/);
    },
    bad: { variables: () => ({ tags: '  ' }), field: 'tags' },
  },
  {
    field: 'uploadMusic',
    variables: () => ({ url: audioUrl }),
    path: '/api/v1/sonic/upload',
    body: () => ({ url: audioUrl }),
    selection: '{ clipId }',
    check: (upload) => expect(upload.clipId).toMatch(/^[0-9a-f-]{36}$/),
    bad: { variables: () => ({ url: 'javascript:alert(1)' }), field: 'url' },
  },
  {
    field: 'generateLyrics',
    variables: () => ({ description: 'the sea at dawn' }),
    path: '/api/v1/sonic/lyrics',
    body: () => ({ description: 'the sea at dawn' }),
    selection: '{ drafts { title lyrics } }',
    check: (result) => {
      expect(result.drafts).toHaveLength(2);
      expect(result.drafts[0].title).toBeTruthy();
      expect(result.drafts[0].lyrics).toContain('the sea at dawn');
    },
    bad: { variables: () => ({ description: 'x'.repeat(401) }), field: 'description' },
  },
];

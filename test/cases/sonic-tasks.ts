/** Cases for the Sonic operations that start a task. */
import { expect } from 'vitest';
import { audioUrl, createDefaults, demo, describedCreateBody, describedSong, describedSongBody, type OperationCase } from './types.js';

const lyrics = '[Verse]\nCity lights are calling\n[Chorus]\nWe shine, we shine';

/** A finished song task: every clip done, with audio, and the two takes a song-making call yields. */
function twoTakes(task: any) {
  expect(task.status).toBe('SUCCEEDED');
  expect(task.clips).toHaveLength(2);
  for (const clip of task.clips) expect(clip.audioUrl).toMatch(/\/files\/[\w-]+\.wav$/);
}

export const sonicTaskCases: OperationCase[] = [
  {
    field: 'createMusic',
    kind: 'CREATE_MUSIC',
    variables: () => ({
      input: { customMode: true, title: 'Neon', tags: 'synthwave', negativeTags: 'metal', weirdness: 0.3, lyrics, model: 'SONIC_V5' },
    }),
    path: '/api/v1/sonic/create',
    body: () => ({
      ...createDefaults,
      task_type: 'create_music',
      custom_mode: true,
      mv: 'sonic-v5',
      prompt: lyrics,
      title: 'Neon',
      tags: 'synthwave',
      negative_tags: 'metal',
      weirdness_constraint: 0.3,
    }),
    check: (task) => {
      twoTakes(task);
      expect(task.clips[0]).toMatchObject({ title: 'Neon', tags: 'synthwave', lyrics });
    },
    bad: { variables: () => ({ input: { customMode: false } }), field: 'input.description' },
  },
  {
    field: 'extendMusic',
    kind: 'EXTEND_MUSIC',
    variables: () => ({ input: { clipId: demo, continueAt: 60.5, ...describedSong } }),
    path: '/api/v1/sonic/create',
    body: () => ({ ...describedCreateBody, task_type: 'extend_music', continue_clip_id: demo, continue_at: 60.5 }),
    check: twoTakes,
    bad: { variables: () => ({ input: { clipId: demo, continueAt: -1, ...describedSong } }), field: 'input.continueAt' },
  },
  {
    field: 'extendUploadedMusic',
    kind: 'EXTEND_UPLOADED_MUSIC',
    variables: (fx) => ({ input: { clipId: fx.uploadedClipId, continueAt: 0.1, styleWeight: 0.6, ...describedSong } }),
    path: '/api/v1/sonic/create',
    body: (fx) => ({
      ...describedCreateBody,
      task_type: 'extend_upload_music',
      continue_clip_id: fx.uploadedClipId,
      continue_at: 0.1,
      style_weight: 0.6,
    }),
    check: twoTakes,
    bad: {
      variables: (fx) => ({ input: { clipId: fx.uploadedClipId, continueAt: 1, styleWeight: 1.5, ...describedSong } }),
      field: 'input.styleWeight',
    },
  },
  {
    field: 'coverMusic',
    kind: 'COVER_MUSIC',
    variables: () => ({ input: { clipId: demo, audioWeight: 0.7, customMode: true, lyrics, tags: 'jazz' } }),
    path: '/api/v1/sonic/create',
    body: () => ({
      ...createDefaults,
      task_type: 'cover_music',
      continue_clip_id: demo,
      audio_weight: 0.7,
      custom_mode: true,
      prompt: lyrics,
      tags: 'jazz',
    }),
    check: twoTakes,
    bad: { variables: () => ({ input: { clipId: demo, audioWeight: 2, customMode: true, lyrics } }), field: 'input.audioWeight' },
  },
  {
    field: 'coverUploadedMusic',
    kind: 'COVER_UPLOADED_MUSIC',
    variables: (fx) => ({ input: { clipId: fx.uploadedClipId, ...describedSong } }),
    path: '/api/v1/sonic/create',
    body: (fx) => ({ ...describedCreateBody, task_type: 'cover_upload_music', continue_clip_id: fx.uploadedClipId }),
    check: twoTakes,
    bad: { variables: () => ({ input: { clipId: '../etc/passwd', ...describedSong } }), field: 'input.clipId' },
  },
  {
    field: 'concatMusic',
    kind: 'CONCAT_MUSIC',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/sonic/create',
    body: () => ({ task_type: 'concat_music', continue_clip_id: demo }),
    check: (task) => {
      expect(task.status).toBe('SUCCEEDED');
      expect(task.clips).toHaveLength(1);
    },
    bad: { variables: () => ({ clipId: 'not an id' }), field: 'clipId' },
  },
  {
    field: 'createMusicWithPersona',
    kind: 'PERSONA_MUSIC',
    variables: (fx) => ({ input: { personaId: fx.personaId, customMode: true, autoLyrics: true, lyrics, vocalGender: 'FEMALE' } }),
    path: '/api/v1/sonic/create',
    body: (fx) => ({
      ...createDefaults,
      task_type: 'persona_music',
      persona_id: fx.personaId,
      custom_mode: true,
      auto_lyrics: true,
      prompt: lyrics,
      vocal_gender: 'f',
    }),
    check: twoTakes,
    bad: {
      variables: (fx) => ({ input: { personaId: fx.personaId, customMode: true, lyrics, vocalGender: 'MALE', model: 'SONIC_V4' } }),
      field: 'input.vocalGender',
    },
  },
  {
    field: 'remasterMusic',
    kind: 'REMASTER',
    variables: () => ({ input: { clipId: demo, variation: 'SUBTLE' } }),
    path: '/api/v1/sonic/create',
    body: () => ({ task_type: 'remaster', continue_clip_id: demo, mv: 'sonic-v5', variation_category: 'subtle' }),
    check: twoTakes,
    bad: { variables: () => ({ input: { clipId: '' } }), field: 'input.clipId' },
  },
  {
    field: 'addVocals',
    kind: 'ADD_VOCALS',
    variables: (fx) => ({ input: { clipId: fx.uploadedClipId, lyrics, tags: 'soul', vocalGender: 'MALE' } }),
    path: '/api/v1/sonic/create',
    body: (fx) => ({
      task_type: 'add_vocals',
      continue_clip_id: fx.uploadedClipId,
      mv: 'sonic-v4-5',
      custom_mode: true,
      prompt: lyrics,
      tags: 'soul',
      vocal_gender: 'm',
    }),
    check: twoTakes,
    bad: { variables: (fx) => ({ input: { clipId: fx.uploadedClipId, lyrics: '   ' } }), field: 'input.lyrics' },
  },
  {
    field: 'addInstrumental',
    kind: 'ADD_INSTRUMENTAL',
    variables: (fx) => ({ input: { clipId: fx.uploadedClipId, tags: 'acoustic guitar', audioWeight: 0.5 } }),
    path: '/api/v1/sonic/create',
    body: (fx) => ({
      task_type: 'add_instrumental',
      continue_clip_id: fx.uploadedClipId,
      mv: 'sonic-v4-5',
      tags: 'acoustic guitar',
      audio_weight: 0.5,
    }),
    check: twoTakes,
    bad: { variables: (fx) => ({ input: { clipId: fx.uploadedClipId, model: 'SONIC_V4', tags: 'x'.repeat(201) } }), field: 'input.tags' },
  },
  {
    field: 'uploadAndExtendMusic',
    kind: 'UPLOAD_AND_EXTEND',
    variables: () => ({ input: { url: audioUrl, continueAt: 30, autoConcat: true, ...describedSong } }),
    path: '/api/v1/sonic/upload-extend',
    body: () => ({ ...describedSongBody, url: audioUrl, continue_at: 30, auto_concat: true }),
    check: twoTakes,
    bad: { variables: () => ({ input: { url: 'ftp://example.com/a.mp3', continueAt: 30, ...describedSong } }), field: 'input.url' },
  },
  {
    field: 'uploadAndCoverMusic',
    kind: 'UPLOAD_AND_COVER',
    variables: () => ({ input: { url: audioUrl, audioWeight: 0.3, ...describedSong } }),
    path: '/api/v1/sonic/upload-cover',
    body: () => ({ ...describedSongBody, url: audioUrl, audio_weight: 0.3 }),
    check: twoTakes,
    bad: { variables: () => ({ input: { url: 'not a url', ...describedSong } }), field: 'input.url' },
  },
  {
    field: 'sampleMusic',
    kind: 'SAMPLE',
    variables: () => ({ input: { sampleClipId: demo, sampleStart: 10, sampleEnd: 20, ...describedSong } }),
    path: '/api/v1/sonic/sample',
    body: () => ({ ...describedSongBody, sample_clip_id: demo, chop_sample_start_s: 10, chop_sample_end_s: 20 }),
    check: twoTakes,
    bad: {
      variables: () => ({ input: { sampleClipId: demo, sampleStart: 10, sampleEnd: 5, ...describedSong } }),
      field: 'input.sampleEnd',
    },
  },
  {
    field: 'mashupMusic',
    kind: 'MASHUP',
    variables: (fx) => ({ input: { clipIds: [demo, fx.uploadedClipId], ...describedSong } }),
    path: '/api/v1/sonic/mashup',
    body: (fx) => ({ ...describedSongBody, mashup_clip_ids: [demo, fx.uploadedClipId] }),
    check: twoTakes,
    bad: { variables: () => ({ input: { clipIds: [demo], ...describedSong } }), field: 'input.clipIds' },
  },
  {
    field: 'replaceSection',
    kind: 'REPLACE_SECTION',
    variables: () => ({ input: { clipId: demo, start: 30, end: 45.5, lyrics, sectionLyrics: 'New words here', autoConcat: true } }),
    path: '/api/v1/sonic/replace-section',
    body: () => ({
      clip_id: demo,
      mv: 'sonic-v4-5',
      infill_start_s: 30,
      infill_end_s: 45.5,
      prompt: lyrics,
      infill_lyrics: 'New words here',
      auto_concat: true,
    }),
    check: twoTakes,
    bad: { variables: () => ({ input: { clipId: demo, start: 30, end: 20, lyrics, sectionLyrics: 'x' } }), field: 'input.end' },
  },
  {
    field: 'splitStemsFull',
    kind: 'STEMS_FULL',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/sonic/stems/full',
    body: () => ({ clip_id: demo }),
    check: (task) => expect(task.clips).toHaveLength(12),
    bad: { variables: () => ({ clipId: 'a/b' }), field: 'clipId' },
  },
  {
    field: 'splitStemsBasic',
    kind: 'STEMS_BASIC',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/sonic/stems/basic',
    body: () => ({ clip_id: demo }),
    check: (task) => expect(task.clips).toHaveLength(2),
    bad: { variables: () => ({ clipId: '' }), field: 'clipId' },
  },
  {
    // docs/upstream.md §3.5: a public recording in, a persona out (the finished task gives `persona_id`).
    field: 'createVoice',
    kind: 'CREATE_VOICE',
    variables: () => ({ input: { audioUrl: 'https://example.com/voices/nova-voice.mp3' } }),
    path: '/api/v1/sonic/create-voice',
    body: () => ({ audio_url: 'https://example.com/voices/nova-voice.mp3' }),
    check: (task) => {
      expect(task).toMatchObject({ status: 'SUCCEEDED', clips: [], persona: { id: expect.any(String), name: 'nova-voice' } });
    },
    bad: { variables: () => ({ input: { audioUrl: 'not a url' } }), field: 'input.audioUrl' },
  },
];

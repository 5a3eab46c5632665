/** Cases for the Producer operations: each starts a Producer task, read back through its own task endpoint. */
import { expect } from 'vitest';
import { audioUrl, demo, type OperationCase } from './types.js';

/** A finished Producer task of one item. */
function oneItem(task: any) {
  expect(task.status).toBe('SUCCEEDED');
  expect(task.clips).toHaveLength(1);
  return task.clips[0];
}

export const producerCases: OperationCase[] = [
  {
    field: 'producerCreateMusic',
    kind: 'PRODUCER_MUSIC',
    variables: () => ({ input: { sound: 'ambient piano', title: 'Calm', model: 'FUZZ_2_0_PRO', seed: '42', instrumental: true } }),
    path: '/api/v1/producer/create',
    body: () => ({
      task_type: 'create_music',
      sound: 'ambient piano',
      mv: 'FUZZ-2.0 Pro',
      title: 'Calm',
      seed: '42',
      make_instrumental: true,
    }),
    check: (task) => {
      const song = oneItem(task);
      expect(song).toMatchObject({ title: 'Calm', tags: 'ambient piano' });
      expect(song.wavUrl).toMatch(/\.wav$/);
      expect(song.audioUrl).toBeTruthy();
      expect(song.duration).toBeGreaterThan(0);
    },
    bad: { variables: () => ({ input: { title: 'No sound, no lyrics' } }), field: 'input.sound' },
  },
  {
    field: 'producerGenerateLyrics',
    kind: 'PRODUCER_LYRICS',
    variables: () => ({ prompt: 'a winter morning' }),
    path: '/api/v1/producer/lyrics-create',
    body: () => ({ prompt: 'a winter morning' }),
    check: (task) => {
      const draft = oneItem(task);
      expect(draft.lyrics).toContain('a winter morning');
      expect(draft.id).toBe(`${task.id}-1`);
      expect(draft.audioUrl).toBeNull();
    },
    bad: { variables: () => ({ prompt: '' }), field: 'prompt' },
  },
  {
    field: 'producerCreateVideo',
    kind: 'PRODUCER_VIDEO',
    variables: () => ({ clipId: demo }),
    path: '/api/v1/producer/video-clip',
    body: () => ({ clip_id: demo }),
    check: (task) => expect(oneItem(task).videoUrl).toMatch(/\.mp4$/),
    bad: { variables: () => ({ clipId: '..' }), field: 'clipId' },
  },
  {
    field: 'producerUploadMusic',
    kind: 'PRODUCER_UPLOAD',
    variables: () => ({ url: audioUrl }),
    path: '/api/v1/producer/upload',
    body: () => ({ url: audioUrl }),
    check: (task) => expect(oneItem(task).audioUrl).toMatch(/\.wav$/),
    bad: { variables: () => ({ url: 'file:///etc/passwd' }), field: 'url' },
  },
  {
    field: 'producerDownload',
    kind: 'PRODUCER_DOWNLOAD',
    variables: () => ({ clipId: demo, format: 'WAV' }),
    path: '/api/v1/producer/download',
    body: () => ({ clip_id: demo, format: 'wav' }),
    check: (task) => {
      const file = oneItem(task);
      expect(file.wavUrl).toMatch(/\.wav$/);
      expect(file.audioUrl).toBeNull();
    },
    bad: { variables: () => ({ clipId: 'bad id', format: 'MP3' }), field: 'clipId' },
  },
];

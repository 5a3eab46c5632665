/**
 * Cases for the Riffusion operations (deprecated upstream, docs/upstream.md §9.5): a create whose body follows the
 * documented lyrics example (https://docs.musicapi.ai/riffusion-create-with-lyrics: no task_type), read back through
 * GET /api/v1/riffusion/task/{id}, and an upload.
 */
import { expect } from 'vitest';
import { audioUrl, type OperationCase } from './types.js';

export const riffusionCases: OperationCase[] = [
  {
    field: 'riffusionCreateMusic',
    kind: 'RIFFUSION_MUSIC',
    variables: () => ({
      input: {
        customMode: true,
        lyrics: '[Verse]\nStars they shine',
        title: 'Starts',
        sound: 'pop',
        model: 'FUZZ_1_1_PRO',
        instrumental: false,
      },
    }),
    path: '/api/v1/riffusion/create',
    body: () => ({
      mv: 'FUZZ-1.1 Pro',
      lyrics: '[Verse]\nStars they shine',
      custom_mode: true,
      title: 'Starts',
      sound: 'pop',
      make_instrumental: false,
    }),
    check: (task) => {
      expect(task.status).toBe('SUCCEEDED');
      expect(task.clips).toHaveLength(2);
      expect(task.clips[0]).toMatchObject({ title: 'Starts', lyrics: '[Verse]\nStars they shine' });
      expect(task.clips[0].duration).toBeGreaterThan(0);
    },
    bad: { variables: () => ({ input: { taskType: 'EXTEND', description: 'no clip' } }), field: 'input.clipId' },
  },
  {
    field: 'riffusionUploadMusic',
    variables: () => ({ url: audioUrl }),
    path: '/api/v1/riffusion/upload',
    body: () => ({ url: audioUrl }),
    selection: '{ clipId }',
    check: (upload) => expect(upload.clipId).toMatch(/^[0-9a-f-]{36}$/),
    bad: { variables: () => ({ url: 'ftp://example.com/a.mp3' }), field: 'url' },
  },
];

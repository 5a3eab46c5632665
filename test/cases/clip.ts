/**
 * One upstream clip with every field the gateway maps, and the clip it must become, written out by hand (not
 * produced by the mapping under test): for the tests that check no field is lost or changed on its way.
 */
export const fullWireClip = {
  clip_id: 'clip-1',
  state: 'succeeded',
  title: 'Neon Rivers',
  tags: 'synthwave',
  lyrics: '[Verse] lights',
  gpt_description_prompt: 'a night drive',
  image_url: 'https://cdn.example/c.png',
  audio_url: 'https://cdn.example/c.mp3',
  wav_url: 'https://cdn.example/c.wav',
  video_url: 'https://cdn.example/c.mp4',
  duration: 183.5,
  mv: 'sonic-v4-5',
  created_at: '2026-11-25T10:00:00.000Z',
};

export const fullClip = {
  id: 'clip-1',
  status: 'SUCCEEDED',
  title: 'Neon Rivers',
  tags: 'synthwave',
  lyrics: '[Verse] lights',
  description: 'a night drive',
  audioUrl: 'https://cdn.example/c.mp3',
  wavUrl: 'https://cdn.example/c.wav',
  imageUrl: 'https://cdn.example/c.png',
  videoUrl: 'https://cdn.example/c.mp4',
  duration: 183.5,
  model: 'sonic-v4-5',
  createdAt: '2026-11-25T10:00:00.000Z',
  error: null,
};

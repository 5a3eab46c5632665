/**
 * The upstream's documented facts that tests hold the gateway and the sandbox to, copied by hand from
 * docs/upstream.md (section named per entry) and not computed from src/upstream: a wrong figure or field in the
 * gateway's tables fails a test here instead of being mirrored by the sandbox.
 */

/**
 * Credits per call of each mutation's upstream endpoint: the docs.aimusicapi.ai Credits Guide figures the gateway
 * serves (§13 middle column, §14.1, Producer from §9.3). `null`: not charged in regular credits (§9.1: lyrics credits).
 */
export const documentedPrices: Record<string, number | null> = {
  createMusic: 14,
  extendMusic: 10,
  extendUploadedMusic: 10,
  coverMusic: 14,
  coverUploadedMusic: 14,
  concatMusic: 2,
  createMusicWithPersona: 10,
  remasterMusic: 10,
  addVocals: 10,
  addInstrumental: 10,
  uploadAndExtendMusic: 12, // §14.1: an estimate, upload (2) + extend (10); no figure is published
  uploadAndCoverMusic: 16, // §14.1: an estimate, upload (2) + cover (14)
  sampleMusic: 14,
  mashupMusic: 14,
  replaceSection: 10,
  splitStemsFull: 50,
  splitStemsBasic: 20,
  createPersona: 1,
  getBpm: 1,
  getVox: 1,
  getWav: 1,
  getMidi: 1,
  getLyricsTimeline: 1, // §3.12: the first call per clip; later ones are free
  upsampleTags: 1,
  uploadMusic: 2,
  generateLyrics: null,
  producerCreateMusic: 10,
  producerGenerateLyrics: 1,
  producerCreateVideo: 5,
  producerUploadMusic: 2,
  producerDownload: 2,
  createVoice: 4, // §3.5: VERIFIED on docs.musicapi.ai/create-voice; [B44] gives the same for aimusicapi
  riffusionCreateMusic: 12, // §9.5: musicapi.ai's credits guide (no aimusicapi figure)
  riffusionUploadMusic: 2, // §9.5: docs.sunoapi.com "upload tasks | 2 credits"
};

/** §13: a create in custom (lyrics) mode on sonic-v3-5 or sonic-v4 costs 10, not 14. */
export const olderModelCustomCreatePrice = 10;

/**
 * The endpoints the docs show `webhook_url` and `webhook_secret` on (§10, §14.2): the /sonic/create family,
 * upload-extend, upload-cover, mashup, replace-section and every Producer endpoint; create-voice as third-party
 * callers send them (§3.5, INFERRED); not the stems splits, sample or Riffusion (the webhook guide names suno, nuro and
 * producer only), and not the endpoints that answer at once.
 */
export const webhookEndpoints = [
  '/api/v1/sonic/create',
  '/api/v1/sonic/create-voice',
  '/api/v1/sonic/upload-extend',
  '/api/v1/sonic/upload-cover',
  '/api/v1/sonic/mashup',
  '/api/v1/sonic/replace-section',
  '/api/v1/producer/create',
  '/api/v1/producer/lyrics-create',
  '/api/v1/producer/video-clip',
  '/api/v1/producer/upload',
  '/api/v1/producer/download',
];

/** §4: the documented task answer, verbatim from the docs' example. */
export const documentedTaskAnswer = {
  code: 200,
  message: 'success',
  data: [
    {
      clip_id: '26c9c592-0566-46cf-bb71-91ac1deaa7b5',
      state: 'succeeded',
      title: 'Starts',
      tags: 'pop',
      lyrics: '[Verse]\nStars they shine above me\n…',
      image_url: 'https://cdn2.suno.ai/image_….jpeg',
      audio_url: 'https://cdn1.suno.ai/….mp3',
      video_url: null,
      created_at: '2025-10-12T13:13:02.488Z',
      mv: 'chirp-v5',
      gpt_description_prompt: null,
      duration: '104.88',
    },
  ],
};

/** §3.1: the documented custom-mode create body (sonic-instructions). */
export const documentedCreateBody = {
  task_type: 'create_music',
  custom_mode: true,
  mv: 'sonic-v4-5',
  title: 'Starry Night',
  tags: 'pop, dreamy',
  prompt: '[Verse]\nStars they shine above me\n\n[Chorus]\nStarry night, starry night',
};

/** §11.1: the documented answers to a missing and a malformed Authorization header, and to an exhausted account. */
export const documentedErrors = {
  missingAuth: { status: 401, message: 'Authorization header is missing.' },
  badAuth: { status: 401, message: 'Invalid authorization format.' },
  noCredits: { status: 403, message: 'The remaining credits are not enough. You can buy more one-time credit packs or subscribe.' },
  taskNotFound: { status: 400, message: 'task not found.' },
};

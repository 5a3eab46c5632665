/**
 * The upstream's DOCUMENTED examples, copied verbatim from the stored copies of the docs (and, where the docs show
 * nothing, from third-party code, marked INFERRED), for the tests and the gateway to follow instead of our own guesses.
 * Collected for research18 (docs/upstream.md §15). Plain data only: nothing here is imported from src/.
 *
 * Conventions
 * - Each constant's comment names its source (URL, or GitHub repository+path, or "GitHub code index file id N" where
 *   the index gave the text without naming its repository) and the date seen when the page shows one.
 * - PARTIAL: the stored copy of the page stops part-way (the search index keeps only the start of each page). What is
 *   here is exactly what the copy shows; nothing was completed by hand. A string that the copy cuts mid-value is kept
 *   cut, and the comment says so. Do not treat a PARTIAL object as the whole answer.
 * - INFERRED: not on an official docs page; seen in third-party code or notes. The comment says which.
 * - `null`: no example was found anywhere; the comment says what is known instead.
 * - Brands: docs.aimusicapi.ai (api.aimusicapi.ai, the gateway's default), docs.musicapi.ai / musicapi.ai
 *   (api.musicapi.ai) and the older docs.sunoapi.com (api.sunoapi.com) document the same API with different prices.
 */

// ─── Submit (async) answers ────────────────────────────────────────────────────────────────────────────────────

/**
 * VERIFIED. https://docs.aimusicapi.ai/doc-2058752 (Producer "Complete Request Examples", §1.1, answer to
 * POST /api/v1/producer/create). The same object, same task_id, is the documented answer of
 * POST /api/v1/riffusion/create at https://docs.sunoapi.com/create-music-with-description-riffusion.
 * Note: no `code` field (live Sonic submits also omit it, docs/upstream.md §2.1).
 */
export const submitAnswer = {
  message: 'success',
  task_id: '6d7253ac-916e-49a8-b288-91ffa7f8a8cd',
} as const;

// ─── Producer ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * VERIFIED, PARTIAL. https://docs.aimusicapi.ai/doc-2058752 §1.6 "Polling response — create_music task"
 * (GET /api/v1/producer/task/{task_id}). The stored copy stops inside the first item's `image_url`, after
 * "https://musicapi-cdn.b-cdn." (kept cut, as seen); any later fields of the item and any later items are unseen.
 * `lyrics` really ends with a literal "..." in the doc. Items carry no `state`; the task's `status` is uppercase.
 */
export const producerTaskSucceeded = {
  code: 200,
  status: 'SUCCESS',
  message: 'success',
  data: [
    {
      clip_id: 'ac78601b-bd05-48dd-b5c6-89195561de36',
      title: 'Back to You',
      sound: null,
      lyrics: '[Verse 1]\nLate night drives across the city\n...',
      audio_url: 'https://musicapi-cdn.b-cdn.net/producer/ac78601b-bd05-48dd-b5c6-89195561de36.m4a',
      wav_url: 'https://musicapi-cdn.b-cdn.net/producer/ac78601b-bd05-48dd-b5c6-89195561de36-wav.wav',
      image_url: 'https://musicapi-cdn.b-cdn.',
    },
  ],
} as const;

/**
 * VERIFIED (prose, verbatim fragments). https://docs.aimusicapi.ai/api-34286406 ("get task / poll result") and
 * https://docs.aimusicapi.ai/doc-2058751 (Producer Instructions). The task types a poll can show, and the statuses.
 */
export const producerTaskStatusText = {
  taskTypes: ['create_music', 'make_lyrics', 'video_clip', 'upload', 'download'],
  shapeVaries: 'The response shape inside data[] varies by task type (see examples below).',
  inProgress: 'status is PENDING or RUNNING.',
  failed:
    'status: "FAILED"): Credits charged at submit time are automatically refunded. The response message indicates whether the refund has been processed.',
  onlyCreateMusic:
    'Currently only create_music is supported on /create. The lyrics and video-clip operations have their own dedicated endpoints (/lyrics-create and /video-clip) and should not be invoked through /create.',
  download:
    'The download runs asynchronously — poll the returned task_id via GET /api/v1/producer/task/{task_id} to retrieve the final audio_url.',
} as const;

/**
 * NOT FOUND (null). No stored page shows a Producer lyrics (make_lyrics), video_clip, upload or download task answer:
 * https://docs.aimusicapi.ai/api-34286406 says "see examples below" but the stored copy stops before them. That a
 * lyrics draft carries no `clip_id` is the project owner's note (CONTRACT.md), UNVERIFIED here. Do not build a
 * fixture from a guess; keep the gateway lenient (an item without clip_id) and test that leniency with a fixture
 * the test itself labels as invented.
 */
export const producerLyricsTask = null;

/**
 * NOT FOUND (null). https://docs.musicapi.ai/webhook-guide and https://docs.sunoapi.com/webhook-guide announce
 * "complete webhook payload examples for the three supported platforms: Suno, Nuro, and Producer", but the stored
 * copies stop inside the first (Suno) example. For the Producer delivery see `webhookDeliveryTopLevelKeysInferred`
 * and `producerWebhookItemKeysInferred`.
 */
export const producerWebhookDelivery = null;

/**
 * INFERRED. GitHub code index file id 70877940897 (a Base44/Deno "aimusicapi.ai webhook receiver — Sonic, Nuro,
 * Producer", the [B44] app of docs/upstream.md): for `platform === 'producer'` it reads body.data[0] and its
 * audio_url, image_url, wav_url, lyrics (or lyric), title, tags, duration, clip_id; a failure is an `event` ending in
 * ".failed" or `code !== 200`. The item keys match the documented task answer (`producerTaskSucceeded`).
 */
export const producerWebhookItemKeysInferred = ['clip_id', 'title', 'lyrics', 'audio_url', 'wav_url', 'image_url'] as const;

// ─── Sonic task answer and webhook ─────────────────────────────────────────────────────────────────────────────

/**
 * VERIFIED, PARTIAL. https://docs.musicapi.ai/get-sonic-music (GET /api/v1/sonic/task/{task_id}, "Example"). The
 * stored copy stops after `image_url` (note the documented host is cdn2.sonic.ai, the brand's rewrite of
 * cdn2.suno.ai). The schema on the same page lists 12 item fields: clip_id, title, tags, lyrics, image_url, audio_url,
 * video_url (string), created_at, mv, gpt_description_prompt (null), duration (integer), state ("pending;running;
 * succeeded"), plus top-level code (integer) and message (string).
 * test/cases/documented.ts `documentedTaskAnswer` is NOT this example verbatim: it mixes this clip's id/title/tags
 * with the webhook example's created_at, mv and duration ("104.88").
 */
export const sonicTaskAnswerPartial = {
  code: 200,
  data: [
    {
      clip_id: '26c9c592-0566-46cf-bb71-91ac1deaa7b5',
      state: 'succeeded',
      title: 'Starts',
      tags: 'pop',
      lyrics:
        '[Verse]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nDreams that only grow\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNighttime come alive\nMystery in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
      image_url: 'https://cdn2.sonic.ai/image_26c9c592-0566-46cf-bb71-91ac1deaa7b5.jpeg',
    },
  ],
} as const;

/**
 * VERIFIED. https://docs.musicapi.ai/get-sonic-music, "Responses 200" schema (types as the page states them).
 */
export const sonicTaskItemSchema = {
  code: 'integer',
  message: 'string',
  data: {
    clip_id: 'string',
    title: 'string',
    tags: 'string',
    lyrics: 'string',
    image_url: 'string',
    audio_url: 'string',
    video_url: 'string',
    created_at: 'string',
    mv: 'string',
    gpt_description_prompt: 'null',
    duration: 'integer',
    state: 'pending;running;succeeded',
  },
} as const;

/**
 * VERIFIED. https://docs.musicapi.ai/webhook-guide (identical on https://docs.sunoapi.com/webhook-guide), payload
 * example under `event: "song.completed"`: the first item of `data`, complete and verbatim (curly apostrophes in
 * "We’re"/"we’re" as on the page).
 */
export const sonicWebhookFirstClip = {
  clip_id: '30264033-2b01-43a7-8779-2a834b067486',
  state: 'succeeded',
  title: 'Sunshine in My Pocket',
  tags: 'electric with claps and synths, happy, pop',
  lyrics:
    "[Verse]\nWoke up today the sky was gold\nA story untold\nA treasure to hold\nMy feet on fire the ground feels light\nDancing shadows chase the night\n\n[Chorus]\nI got sunshine in my pocket\nA melody that won't stop it\nEvery step feels like a spark\nLighting up the world from dark\n\n[Verse 2]\nThe trees are swaying to my beat\nThe pavement hums beneath my feet\nWhistling wind it sings along\nLife's a stage and I'm the song\n\n[Prechorus]\nNo time for sorrow no time for gray\nWe’re painting colors all the way\n\n[Chorus]\nI got sunshine in my pocket\nA melody that won't stop it\nEvery step feels like a spark\nLighting up the world from dark\n\n[Bridge]\nTurn it up turn it loud\nLet it echo through the crowd\nEvery heart every soul\nTogether now we’re whole",
  image_url: 'https://cdn2.suno.ai/image_30264033-2b01-43a7-8779-2a834b067486.jpeg',
  audio_url: 'https://cdn1.suno.ai/30264033-2b01-43a7-8779-2a834b067486.mp3',
  video_url: null,
  created_at: '2025-10-12T13:13:02.488Z',
  gpt_description_prompt: null,
  duration: '104.88',
  negative_tags: null,
  style_weight: null,
  weirdness_constraint: null,
  mv: 'chirp-v5',
} as const;

/**
 * VERIFIED, PARTIAL. Same source as `sonicWebhookFirstClip`. The stored copy shows `{"code": 200, "data": [ <first
 * clip>, {"clip_id": "f5250a` and stops: the second clip and every top-level key after `data` (message, task_id,
 * platform, event?) are unseen. The guide's prose names the dedupe key "(task_id, platform)" and the platforms
 * "suno, nuro, producer". For the top-level keys see `webhookDeliveryTopLevelKeysInferred`.
 */
export const sonicWebhookDelivery = { code: 200, data: [sonicWebhookFirstClip] } as const;
/** VERIFIED: the only visible part of the second clip of the same example (its id is cut there). */
export const sonicWebhookSecondClipIdPrefix = 'f5250a';

/**
 * INFERRED. GitHub code index file id 70877940897 ([B44] webhook receiver): "Receives POST {code, data, message,
 * task_id, platform, event} when a task settles." The same receiver branches on platform 'sonic' | 'nuro' |
 * 'producer'; another receiver (GitHub code index file id 51865799192) branches on 'suno' | 'nuro' | 'producer'.
 * The docs' own word for the Sonic platform is "suno" (webhook guide); which string arrives is UNVERIFIED.
 */
export const webhookDeliveryTopLevelKeysInferred = {
  keys: ['code', 'data', 'message', 'task_id', 'platform', 'event'],
  sonicPlatformCandidates: ['suno', 'sonic'],
  otherPlatforms: ['nuro', 'producer'],
} as const;

/**
 * VERIFIED, verbatim fragments. Current scheme: https://docs.musicapi.ai/webhook-guide. Legacy scheme:
 * https://docs.sunoapi.com/webhook-guide. Event names: only "song.completed" and "song.failed" are written in the
 * docs ("song.streaming" appears only in third-party code, e.g. [B44] file id 70877940897 — INFERRED). No
 * "song.succeeded" event is documented anywhere.
 */
export const webhookDocumentedText = {
  when: 'When a task reaches a final state (succeeded,streaming or failed), the system sends an HTTP POST request with an application/json body to this URL.',
  whenLegacy:
    'When a task reaches a final state (succeeded or failed), the system sends an HTTP POST request with an application/json body to this URL.',
  platforms: ['suno', 'nuro', 'producer'],
  headers: {
    'X-Webhook-Id': 'unique event identifier, duplicated in Idempotency-Key.',
    'X-Webhook-Event': 'event type such as song.completed or song.failed.',
    'X-Webhook-Timestamp': 'Unix timestamp (seconds) when the payload was signed.',
    'X-Webhook-Signature': 'sha256=<hex> signature computed with the secret.',
    'Idempotency-Key': 'mirrors X-Webhook-Id for frameworks that expect it.',
  },
  signature: ['message = `${timestamp}.${rawBody}`', 'signature = HMAC_SHA256(webhook_secret, message)'],
  defaultSecret: 'during creation, the delivery service signs with that value; otherwise it falls back to a default secret managed by us.',
  debugFields: ['verification.expected', 'verification.provided'],
  legacySignatureHeader: 'X-Signature: HMAC-SHA256(<raw body>, webhook_secret)',
  events: ['song.completed', 'song.failed'],
} as const;

// ─── Stems ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * VERIFIED. https://docs.musicapi.ai/stems-basic and https://docs.musicapi.ai/stems-full (same Example on both):
 * the whole documented body of POST /api/v1/sonic/stems/basic and /stems/full. No webhook fields are shown.
 */
export const stemsBody = {
  clip_id: '8ce9770b-ec3b-4029-a3e3-4b8db20da7d1',
} as const;

/**
 * Stem counts as each source states them (verbatim phrases). Sonic stems answers are read through
 * GET /api/v1/sonic/task/{id} ("poll GET /api/v1/sonic/task/{id} for the result, same as generation",
 * https://musicapi.ai/docs/guides/output-endpoints, VERIFIED). No documented stems task answer was found.
 */
export const stemsCounts = {
  basic: [
    {
      count: 2,
      text: 'You can convert songs generated by our platform into 2 tracks of vocals and instruments through this API.',
      source: 'https://docs.musicapi.ai/stems-basic',
      evidence: 'VERIFIED',
    },
    {
      count: 2,
      text: 'Vocals + instrumental (2 stems)',
      source: 'https://musicapi.ai/docs/guides/output-endpoints',
      evidence: 'VERIFIED',
    },
    {
      count: 4,
      text: 'Separate into 4 stems',
      source: 'GitHub code index file id 56107380064 ([CLAW] skill table of musicapi.ai endpoints)',
      evidence: 'INFERRED',
    },
  ],
  full: [
    {
      count: 12,
      text: 'You can convert songs generated by our platform into 12 tracks of vocals and instruments through this API.',
      source: 'https://docs.aimusicapi.ai/stems-full, https://docs.musicapi.ai/stems-full',
      evidence: 'VERIFIED',
    },
    {
      count: null,
      text: 'Full multi-stem separation',
      source: 'https://musicapi.ai/docs/guides/output-endpoints',
      evidence: 'VERIFIED',
    },
    {
      count: 24,
      text: 'one Verdigris full-stem request succeeded at 75 credits and returned 24 synchronized MP3 stems',
      source: 'GitHub code index file id 58747331154 ([SKY] "MusicAPI.ai instrumental-music API", live run 2026-07-15, api.musicapi.ai)',
      evidence: 'INFERRED',
    },
    {
      count: 24,
      text: 'Separate into 24 stems',
      source: 'GitHub code index file id 56107380064 ([CLAW])',
      evidence: 'INFERRED',
    },
  ],
} as const;

/**
 * INFERRED (another Suno reseller, not our upstream), PARTIAL. https://docs-zh.mjapiapp.com/api/suno/sheng-cheng-cha-xun,
 * a "stems-all" task answer (createdAt 2025-06-27). The stored copy stops inside the 4th item, whose `imageUrl` is
 * cut; it is left out. Titles are "<source title> (<Stem>)"; the source song here had an empty title, hence the
 * leading space. Field names are that reseller's (musicId, audioUrl…), not ours.
 */
export const stemsFullTaskTitledParen = {
  status: 'SUCCESS',
  message: 'success',
  jobId: '2beb7b93-5835-4613-8b0b-23b199f1736c',
  data: {
    jobId: '2beb7b93-5835-4613-8b0b-23b199f1736c',
    action: 'stems-all',
    progress: '100%',
    mv: 'chirp-v4',
    quota: '60',
    hookUrl: null,
    musics: [
      {
        musicId: '6af2cd86-b5c6-4f6e-8bf5-814ab4d1f43d',
        prompt: 'I love Chinese dumplings',
        title: ' (Vocals)',
        tags: '',
        imageUrl: 'https://cdn.ttapi.io/suno/2025-06-27/2cceb69f-7c01-491d-8591-5b6ff16a25d8.jpg',
        imageLargeUrl: 'https://cdn.ttapi.io/suno/2025-06-27/2cceb69f-7c01-491d-8591-5b6ff16a25d8.jpg',
        audioUrl: 'https://cdn.ttapi.io/suno/2025-06-27/3457b854-7ae9-48d7-b714-6d2a8b120b2f.mp3',
        videoUrl: 'https://cdn1.suno.ai/6af2cd86-b5c6-4f6e-8bf5-814ab4d1f43d.mp4',
        duration: '8.12',
        createdAt: '2025-06-27T09:19:35.025Z',
      },
      {
        musicId: '29e80885-d2e0-4ccc-b693-5ce2164dcc9d',
        prompt: 'I love Chinese dumplings',
        title: ' (Backing Vocals)',
        tags: '',
        imageUrl: 'https://cdn.ttapi.io/suno/2025-06-27/d584d792-7916-4d5d-887b-db15d9aeaf73.jpg',
        imageLargeUrl: 'https://cdn.ttapi.io/suno/2025-06-27/d584d792-7916-4d5d-887b-db15d9aeaf73.jpg',
        audioUrl: 'https://cdn.ttapi.io/suno/2025-06-27/dfa84e67-4cc2-426b-a143-05fefc7b5258.mp3',
        videoUrl: 'https://cdn1.suno.ai/29e80885-d2e0-4ccc-b693-5ce2164dcc9d.mp4',
        duration: '8.12',
        createdAt: '2025-06-27T09:19:35.025Z',
      },
      {
        musicId: 'c148ceb2-18c7-41db-812a-310023e52c6d',
        prompt: '',
        title: ' (Drums)',
        tags: '',
        imageUrl: 'https://cdn.ttapi.io/suno/2025-06-27/3d8a9950-1f8f-4996-b80e-272c47f73864.jpg',
        imageLargeUrl: 'https://cdn.ttapi.io/suno/2025-06-27/3d8a9950-1f8f-4996-b80e-272c47f73864.jpg',
        audioUrl: 'https://cdn.ttapi.io/suno/2025-06-27/f09d6348-988c-4963-8b1c-8c9589b28790.mp3',
        videoUrl: 'https://cdn1.suno.ai/c148ceb2-18c7-41db-812a-310023e52c6d.mp4',
        duration: '8.12',
        createdAt: '2025-06-27T09:19:35.025Z',
      },
    ],
  },
} as const;

/** The 4th item's visible fields in the same answer (its imageUrl is cut by the stored copy). */
export const stemsFullTaskTitledParenFourth = {
  musicId: 'ce68071d-41b3-4410-bcd1-cf43af3df8a7',
  prompt: '',
  title: ' (Bass)',
  tags: '',
} as const;

/**
 * INFERRED (Suno's own feed, relayed by a Chinese Suno-reseller guide), "two"-stem split (stem_type_group_name "Two"),
 * created_at 2024-12-25. GitHub code index file id 52794741267 (a markdown guide "场景一：stems声曲分离 Vocals
 * Instrumental"; the index did not name its repository), section "C.获取结果" (GET /suno/feed/…). Two items, the
 * fields that matter to us kept verbatim, the rest of each item (user/handle fields) left out. Titles are
 * "<source title> - <Stem>". This is the only "dash" example found; the brief called it stemsFullTaskTitledDash, but
 * it is a two-stem (basic) split.
 */
export const stemsBasicTaskTitledDash = [
  {
    id: '5f3587e2-75fb-4c36-84b3-3ec113897a4c',
    title: '骑在梦想龙的脊背 - Vocals',
    status: 'complete',
    audio_url: 'https://cdn1.suno.ai/5f3587e2-75fb-4c36-84b3-3ec113897a4c.mp3',
    metadata: {
      duration: 217.24,
      prompt:
        '在那遥远的星空之下，如今谁还在彷徨？\n就像无法游泳的鱼儿，我却只能责怪自己没有坚强的鳍片。\n快将彷徨化成力量，快把挫折当做指南。\n直到梦想实现之前，我坚定地守候着。\n昨天流逝了岁月，明天我将追随风的脚步，攀上高峰。\n呼唤吧，让我们出发，骑在梦想龙的脊背，穿越命运的坎坷。\n摆脱困境的束缚，即使失去了一切，人仍然渴望温暖的拥抱。\n人之所以能体会到他人的快乐，是因为心灵的善良。\n快将彷徨化成力量，快把挫折当做指南。\n我还是那只无法游泳的鱼儿，责怪自己没有坚强的鳍片。',
      stem_from_id: 'a624123d-22cc-4d4d-bf28-78d312f61597',
      tags: 'Chinese',
      type: 'stem',
    },
  },
  {
    id: '9c85d619-4cac-4561-8fa3-604c116fa1c5',
    title: '骑在梦想龙的脊背 - Instrumental',
    status: 'complete',
    audio_url: 'https://cdn1.suno.ai/9c85d619-4cac-4561-8fa3-604c116fa1c5.mp3',
    metadata: {
      duration: 217.24,
      prompt: '',
      stem_from_id: 'a624123d-22cc-4d4d-bf28-78d312f61597',
      tags: 'Chinese',
      type: 'stem',
    },
  },
] as const;

/**
 * INFERRED (another Suno reseller documenting Suno's own split, not our upstream). https://docs.kie.ai/suno-api/separate-vocals:
 * "split_stem returns up to 12 independent stems — vocals, backing vocals, drums, bass, guitar, keyboard, strings,
 * brass, woodwinds, percussion, synth, FX/other." (table form, capitalised, below). Our upstream's pages give the
 * count (12) but no names.
 */
export const stemNamesTwelve = [
  'Vocals',
  'Backing Vocals',
  'Drums',
  'Bass',
  'Guitar',
  'Keyboard',
  'Strings',
  'Brass',
  'Woodwinds',
  'Percussion',
  'Synth',
  'FX/Other',
] as const;

/**
 * INFERRED, verbatim. https://docs.rs/suno-core/0.30.0/suno_core/struct.Stem.html (a Suno client): a stem clip's
 * title has a trailing parenthetical label, and `metadata.stem_type_group_name` is structured (e.g. "Backing_Vocals").
 * Also docs.rs/suno-core/0.22.1 (older wording). No `stem_type` field was seen anywhere.
 */
export const stemLabelNotes = {
  v0_22_1: 'a title whose trailing parenthetical is the stem label (e.g. "My Song (Vocals)")',
  v0_30_0:
    'The stem label, preferring the structured metadata.stem_type_group_name (normalised, e.g. Backing_Vocals -> Backing Vocals) and falling back to the trailing parenthetical of the stem clip’s title.',
} as const;

// ─── Persona and voice ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * VERIFIED (prose). https://docs.musicapi.ai/create-voice: "POST https://api.musicapi.ai/api/v1/sonic/create-voice".
 * The docs.aimusicapi.ai navigation also lists "create voice POST" (e.g. https://docs.aimusicapi.ai/doc-2058752).
 * The stored page shows no body example and no task answer.
 */
export const createVoiceDocumented = {
  method: 'POST',
  url: 'https://api.musicapi.ai/api/v1/sonic/create-voice',
  text: 'Create a custom voice persona from an audio file containing clear vocals. This is an async endpoint — submit the audio URL, receive a task_id, then poll for the result.Credits cost: 4',
  workflow: [
    'Submit a publicly accessible audio URL (MP3 or WAV, >10s, single clear speaker)',
    'Receive a task_id in the response',
    'Poll GET /api/v1/sonic/task/{task_id} until the task completes',
    'The completed task returns a persona_id',
    'Use the persona_id with POST /api/v1/sonic/create (task_type: persona_music) to generate music with that voice',
  ],
} as const;

/**
 * INFERRED. Field names from third-party code calling https://api.aimusicapi.ai/api/v1/sonic/create-voice:
 * GitHub code index file id 71008645263 (a Next.js route: `{ audio_url, webhook_url, webhook_secret }`, with a test,
 * file id 71193035534) and file id 70919683155 ([B44] createSonicVoice: `{ audio_url }`, "Docs: POST
 * /api/v1/sonic/create-voice (4 credits) → task_id → poll … → { data: { persona_id, name } }"). The values below are
 * placeholders, not documented values; only the KEYS are evidence. `name` is accepted by [B44]'s own function but
 * never sent upstream.
 */
export const createVoiceBody = {
  audio_url: '<public MP3/WAV URL>',
  webhook_url: '<https url>',
  webhook_secret: '<secret>',
} as const;

/**
 * INFERRED. [B44] file id 70919683155: "Completed voice tasks return { code: 200, data: { persona_id, name } }" —
 * `data` an OBJECT, not the clip array of other Sonic tasks. UNVERIFIED: no official example.
 */
export const createVoiceTaskAnswerKeysInferred = {
  code: 200,
  dataKeys: ['persona_id', 'name'],
} as const;

/**
 * VERIFIED. https://docs.aimusicapi.ai/llms.txt: "sonic [create persona(Unavailable)](https://docs.aimusicapi.ai/api-32136902.md):
 * **Due to official restrictions, this is currently unavailable!**". docs.musicapi.ai navigation snapshots show both
 * "create persona(Unavailable)" (e.g. https://docs.musicapi.ai/webhook-guide) and plain "create persona" (e.g.
 * https://docs.musicapi.ai/create-voice); the January 2026 changelog still prices it (1 credit).
 */
export const createPersonaUnavailable = {
  aimusicapi: '**Due to official restrictions, this is currently unavailable!**',
  url: 'https://docs.aimusicapi.ai/api-32136902.md',
} as const;

// ─── Answers that come at once ─────────────────────────────────────────────────────────────────────────────────

/**
 * VERIFIED. https://docs.musicapi.ai/get-credits (GET https://api.musicapi.ai/api/v1/get-credits, "Modified at
 * 2025-05-26"), identical on https://docs.sunoapi.com/get-credits ("Modified at 2025-07-15"). No code/message wrapper.
 */
export const getCreditsAnswer = {
  credits: 50,
  extra_credits: 0,
} as const;

/**
 * VERIFIED. https://docs.musicapi.ai/special-scenarios (answer to POST /api/v1/sonic/upload, "Approximately 20 seconds
 * to receive the official clip_id"). The clip_id value really is the placeholder "abc123-def456-..." on the page.
 */
export const uploadAnswerPartial = {
  code: 200,
  message: 'success',
  clip_id: 'abc123-def456-...',
} as const;

/**
 * VERIFIED, PARTIAL. https://docs.musicapi.ai/special-scenarios, answer to POST /api/v1/sonic/persona: the stored copy
 * shows `{"code": 200, "persona_id": "persona-a` and stops (the value is cut).
 */
export const personaAnswerPartial = { code: 200, persona_id: 'persona-a' } as const;

/**
 * VERIFIED, PARTIAL. https://docs.musicapi.ai/lyrics-generation (POST /api/v1/sonic/lyrics, "Example"). The first
 * result is complete; the stored copy cuts the second result's lyrics (kept cut) and never reaches `message`. The
 * schema on the page: code integer, results array [object {2}] (title, lyrics), message string.
 */
export const lyricsAnswerPartial = {
  code: 200,
  results: [
    {
      title: 'Whisper of Shadows',
      lyrics:
        "[Verse]\nIn the alley dark as night\nLonely whispers out of sight\nI hear footsteps cold and tight\nEchoes of a fearsome fright\n\n[Verse 2]\nCandles flicker in the rain\nShadows dance they feel my pain\nHollow hearts and silent chains\nIn this void we all remain\n\n[Chorus]\nScreaming in the silence deep\nMonsters in my tangled sleep\nIn the dark where secrets creep\nPromises we couldn't keep\n\n[Verse 3]\nWindows shattered whisper slow\nBroken dreams that never show\nFaces lost in undertow\nMemories of what we know\n\n[Bridge]\nHands that reach but never find\nHope is just a state of mind\nIn the night the stars aligned\nBut they left our souls behind\n\n[Chorus]\nScreaming in the silence deep\nMonsters in my tangled sleep\nIn the dark where secrets creep\nPromises we couldn't keep",
    },
    {
      title: 'Midnight Shadows',
      lyrics: '[Verse]\nMidnight shadows creeping up the wall\nVoices whisper secrets in the hall\nDarkness pa',
    },
  ],
} as const;

// ─── Riffusion (deprecated) ────────────────────────────────────────────────────────────────────────────────────

/**
 * VERIFIED. https://docs.musicapi.ai/riffusion-create-with-lyrics (POST https://api.musicapi.ai/api/v1/riffusion/create).
 * Note: no `task_type`. Schema: custom_mode boolean required, lyrics optional, title optional, make_instrumental
 * boolean required, prompt optional, sound optional, mv enum required "FUZZ-1.1 Pro", "FUZZ-1.0 Pro", "FUZZ-1.1",
 * "FUZZ-1.0". The family is labelled "riffusion(Deprecated)" in every current navigation.
 */
export const riffusionCreateBody = {
  mv: 'FUZZ-1.1 Pro',
  lyrics:
    '[Verse]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nDreams that only grow\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNighttime come alive\nMystery in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
  custom_mode: true,
  title: 'Starts',
  sound: 'pop',
  make_instrumental: false,
} as const;

/**
 * VERIFIED. https://docs.sunoapi.com/create-music-with-description-riffusion (POST /api/v1/riffusion/create); its
 * documented answer is `submitAnswer`. The same body shape is on https://docs.musicapi.ai/riffusion-craete-with-prompt
 * (sic, the page's URL).
 */
export const riffusionDescriptionBody = {
  mv: 'FUZZ-1.1 Pro',
  prompt: 'r&b pop song',
  custom_mode: false,
} as const;

/**
 * VERIFIED. https://docs.musicapi.ai/riffusion-extend-music (POST /api/v1/riffusion/create). The page's task_type
 * enum: create_music, extend_music, cover_music, extend_upload_music, cover_upload_music, replace_music,
 * swap_music_sound, swap_music_vocals, replace_upload_music, swap_upload_music_sound, swap_upload_music_vocals.
 * continue_at is typed "integer" there.
 */
export const riffusionExtendBody = {
  custom_mode: true,
  lyrics:
    '[Verse]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nDreams that only grow\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNighttime come alive\nMystery in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
  title: 'Starts',
  sound: 'pop',
  continue_at: 10,
  continue_clip_id: 'f524dd12-cb7a-4eb6-b2fb-780f0ed07d9c',
  task_type: 'extend_music',
  mv: 'FUZZ-1.1 Pro',
} as const;

/**
 * VERIFIED. https://docs.musicapi.ai/api-314451567 (POST https://api.musicapi.ai/api/v1/riffusion/upload: "Upload your
 * own songs and get a clip id for subsequent operations"; url "must be copyright-free music").
 */
export const riffusionUploadBody = {
  url: 'https://audio.jukehost.co.uk/Ij5SXdAJKLg4tggS8T1xIH1Z0DuOWq5e.mp3',
} as const;

/**
 * VERIFIED, PARTIAL. https://docs.musicapi.ai/riffusion-get (GET https://api.musicapi.ai/api/v1/riffusion/task/{task_id}:
 * "If the generation is complete, two songs will be returned. If you only receive one song, you can continue to
 * poll."). The stored copy cuts the first item's lyrics (kept cut, ends "…(Oh, oh, oh)\nY"); the rest is unseen.
 * Schema on the page: code integer; data array [object {11}]: clip_id, title, lyrics, image_url, audio_url,
 * video_url (null), created_at, mv, duration (NUMBER, unlike Sonic's string), timestamp (object), state; message.
 */
export const riffusionTaskAnswer = {
  code: 200,
  data: [
    {
      clip_id: '3b497e86-c6cf-4598-b999-94a1bfa912f6',
      title: 'Harbor',
      lyrics:
        "[Verse 1]\nYou walk around like you've got it all figured out\nActing like you see right through me\nBut baby, there's so much you don't know about\nThe way I feel when you're not here with me\nYou think I'm fine when I laugh at your jokes\nYou think I'm strong when I don't cry\nBut underneath all these smiles that I show\nThere's a whole other person you've never tried\n[Pre-Chorus]\nTo understand, to really see\nWhat's hiding underneath\nAll the walls that I put up\nWhen you're standing next to me\n[Chorus]\nYou don't know how I count the hours\nTill you text me back again\nYou don't know I save all your voicemails\nPlay them over and again\nYou think you know me so well\nBut there's so much I don't tell\nYou don't know, you don't know\nHow deep these feelings go\n(Oh, oh, oh)\nY",
    },
  ],
} as const;

// ─── 410 Gone ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * NOT FOUND (null): no stored page or third-party source shows the BODY of a 410 answer. Only the status is
 * documented, for the endpoints in `gone410Documented`. Tests must not pin a 410 body; map on the status.
 */
export const gone410Body = null;

/**
 * VERIFIED, verbatim. Which calls answer 410 Gone, per the docs.
 */
export const gone410Documented = [
  {
    what: 'Nuro create and task read',
    text: 'The Nuro API has been deprecated and is no longer available. New requests to POST /api/v1/nuro/create and GET /api/v1/nuro/task/{id} return HTTP 410 Gone, and existing task IDs can no longer be queried.',
    source: 'https://docs.aimusicapi.ai/doc-2058753',
  },
  {
    what: 'Producer /create with any task_type but create_music (aimusicapi brand)',
    text: 'Must be create_music. Other values are retired (HTTP 410).',
    source: 'https://docs.aimusicapi.ai/doc-2058752',
  },
  {
    what: 'Producer music_variation, swap_music_vocals, swap_music_sound (musicapi brand, since 2026-04/05)',
    text: 'The music_variation, swap_music_vocals, and swap_music_sound operations remain unsupported and return HTTP 410 Gone.',
    source: 'https://docs.musicapi.ai/producer-api-examples',
  },
] as const;

/**
 * VERIFIED: Riffusion is labelled "riffusion(Deprecated)" in the docs navigation (docs.aimusicapi.ai and
 * docs.musicapi.ai); no page says it answers 410. UNVERIFIED what a call answers today.
 */
export const riffusionStatus = {
  label: 'riffusion(Deprecated)',
  gone410: null,
} as const;

// ─── Documented request bodies, per endpoint ───────────────────────────────────────────────────────────────────

/** One documented (or, if so marked, inferred) example body of an endpoint. */
export interface DocumentedBody {
  source: string;
  evidence: 'VERIFIED' | 'INFERRED';
  body: Readonly<Record<string, unknown>>;
}

/**
 * Endpoint path → the example bodies the docs show for it, verbatim. An empty list means: the stored copy of that
 * endpoint's page stops before its example (the newer docs pages keep the navigation and the description only), so
 * no example body was seen. For those, the field inventory stays as docs/upstream.md §3 gives it (INFERRED).
 *
 * use_suno_cdn: it appears in NO documented example at all. It is a /sonic/create schema property (required in the
 * schema, "optional" in its description, [SKY]; required per [B44] 2026-09-03). No source, official or third-party,
 * shows it on /sonic/sample, /sonic/mashup, /sonic/upload-extend or /sonic/upload-cover; [B44]'s mashup body omits it,
 * and [SKY] warns "Their unique variables must not be sent to /sonic/create unless that endpoint also documents them".
 * INFERRED reading: send it on /sonic/create only.
 *
 * Placeholder values ("YOUR_CLIP_ID", "your-uploaded-clip-id", "...") are the docs' own.
 */
export const documentedBodies: Readonly<Record<string, readonly DocumentedBody[]>> = {
  '/api/v1/sonic/create': [
    {
      source: 'https://docs.musicapi.ai/sonic-instructions (custom mode example; no task_type in the example)',
      evidence: 'VERIFIED',
      body: {
        custom_mode: true,
        mv: 'sonic-v4-5',
        title: 'Starry Night',
        tags: 'pop, dreamy',
        prompt: '[Verse]\nStars they shine above me\nMoonlight softly glows\n\n[Chorus]\nStarry night, starry night\nLet your light ignite',
      },
    },
    {
      source: 'https://docs.musicapi.ai/sonic-instructions (description mode example)',
      evidence: 'VERIFIED',
      body: {
        custom_mode: false,
        mv: 'sonic-v4-5',
        gpt_description_prompt: 'An upbeat summer pop song about road trips and freedom, with catchy hooks and positive energy',
      },
    },
    {
      source: 'https://docs.musicapi.ai/sonic-instructions (auto lyrics example)',
      evidence: 'VERIFIED',
      body: {
        custom_mode: true,
        auto_lyrics: true,
        mv: 'sonic-v4-5',
        prompt: 'pop song',
        title: 'Midnight Dreams',
        tags: 'r&b, smooth, romantic',
      },
    },
    {
      source: 'https://docs.musicapi.ai/faq (vocal gender example; "prompt": "..." as on the page)',
      evidence: 'VERIFIED',
      body: {
        custom_mode: true,
        mv: 'sonic-v4-5',
        vocal_gender: 'f',
        prompt: '...',
        tags: 'pop',
      },
    },
    {
      source: 'https://docs.musicapi.ai/faq (instrumental example)',
      evidence: 'VERIFIED',
      body: {
        custom_mode: false,
        mv: 'sonic-v4-5',
        make_instrumental: true,
        gpt_description_prompt: 'A peaceful piano melody',
      },
    },
    {
      source: 'https://docs.musicapi.ai/special-scenarios (extend uploaded audio)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'extend_upload_music',
        continue_clip_id: 'your-uploaded-clip-id',
        continue_at: 0.1,
        custom_mode: true,
        mv: 'sonic-v4-5',
        prompt: '[Verse 2]\nContinuing the song...\n\n[Chorus]\nNew chorus lyrics',
        tags: 'pop, upbeat',
      },
    },
    {
      source: 'https://docs.musicapi.ai/special-scenarios (cover uploaded audio)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'cover_upload_music',
        continue_clip_id: 'your-uploaded-clip-id',
        custom_mode: true,
        mv: 'sonic-v4-5',
        prompt: '[Verse]\nNew lyrics for the cover...\n\n[Chorus]\nCover chorus',
        tags: 'jazz, smooth, acoustic',
        audio_weight: 0.6,
      },
    },
    {
      source: 'https://docs.musicapi.ai/create-persona-music (older page; persona_music)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'persona_music',
        custom_mode: true,
        prompt:
          '[Verse]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nDreams that only grow\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNighttime come alive\nMystery in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
        title: 'Starts',
        tags: 'pop',
        persona_id: 'c08806c1-34fa-4290-a78d-0c623eb1dd1c',
        mv: 'sonic-v3-5',
      },
    },
    {
      source:
        'https://musicapi.ai/docs/guides/extend-and-cover and https://musicapi.ai/music-extender-api (extend; no continue_at, no custom_mode)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'extend_music',
        continue_clip_id: 'YOUR_CLIP_ID',
        mv: 'sonic-v5',
      },
    },
    {
      source: 'https://musicapi.ai/docs/guides/extend-and-cover (cover)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'cover_music',
        continue_clip_id: 'YOUR_CLIP_ID',
        tags: 'lo-fi, acoustic, mellow',
        mv: 'sonic-v5',
      },
    },
    {
      source:
        'GitHub code index file id 58700747207 ([SKY] Sonic request-variable guide, 2026-07-15; sends use_suno_cdn on /sonic/create only)',
      evidence: 'INFERRED',
      body: {
        task_type: 'create_music',
        custom_mode: false,
        mv: 'sonic-v5-5',
        gpt_description_prompt:
          'Warm nocturnal neo-soul about choosing patience over urgency; brushed drums, electric piano, restrained lead vocal, intimate verses, open chorus, concise bridge, and a resolved ending.',
        make_instrumental: false,
        use_suno_cdn: false,
      },
    },
  ],
  '/api/v1/sonic/persona': [
    {
      source: 'https://docs.musicapi.ai/special-scenarios (current)',
      evidence: 'VERIFIED',
      body: {
        name: 'My Custom Voice',
        clip_id: 'your-uploaded-clip-id',
        describe: 'Warm, soulful vocal with smooth tone',
        styles: 'soul, r&b, smooth',
      },
    },
    {
      source: 'https://docs.musicapi.ai/create-persona (older page, superseded field names)',
      evidence: 'VERIFIED',
      body: {
        name: 'test persona',
        description: 'Pop, rap, rhythmic male bass',
        continue_clip_id: 'a2632456-62b0-405c-9de8-2ba509cf24fe',
      },
    },
  ],
  '/api/v1/sonic/stems/basic': [
    {
      source: 'https://docs.musicapi.ai/stems-basic',
      evidence: 'VERIFIED',
      body: {
        clip_id: '8ce9770b-ec3b-4029-a3e3-4b8db20da7d1',
      },
    },
    {
      source: 'https://musicapi.ai/docs/guides/output-endpoints',
      evidence: 'VERIFIED',
      body: {
        clip_id: 'your_clip_id',
      },
    },
  ],
  '/api/v1/sonic/stems/full': [
    {
      source: 'https://docs.musicapi.ai/stems-full',
      evidence: 'VERIFIED',
      body: {
        clip_id: '8ce9770b-ec3b-4029-a3e3-4b8db20da7d1',
      },
    },
  ],
  '/api/v1/sonic/wav': [
    {
      source: 'https://musicapi.ai/docs/guides/output-endpoints',
      evidence: 'VERIFIED',
      body: {
        clip_id: 'your_clip_id',
      },
    },
  ],
  '/api/v1/sonic/replace-section': [
    {
      source: 'https://musicapi.ai/replace-section-api (marketing page example)',
      evidence: 'VERIFIED',
      body: {
        clip_id: 'YOUR_CLIP_ID',
        mv: 'sonic-v5',
        infill_start_s: 30,
        infill_end_s: 45,
        prompt: 'soaring chorus with layered harmonies',
      },
    },
  ],
  '/api/v1/sonic/lyrics': [
    {
      source: 'https://docs.musicapi.ai/lyrics-generation',
      evidence: 'VERIFIED',
      body: {
        description: 'a song about sky',
      },
    },
  ],
  '/api/v1/sonic/mashup': [
    {
      source:
        "GitHub code index file id 70940198113 ([B44] generateMashup, citing https://docs.aimusicapi.ai/api-32136904); keys only, values are that app's; NO use_suno_cdn",
      evidence: 'INFERRED',
      body: {
        mashup_clip_ids: ['<clip a>', '<clip b>'],
        custom_mode: false,
        mv: 'sonic-v5',
        gpt_description_prompt: '<description>',
      },
    },
  ],
  '/api/v1/sonic/create-voice': [
    {
      source: 'GitHub code index file id 71008645263 (keys only; see createVoiceBody)',
      evidence: 'INFERRED',
      body: {
        audio_url: '<public MP3/WAV URL>',
        webhook_url: '<https url>',
        webhook_secret: '<secret>',
      },
    },
  ],
  '/api/v1/sonic/sample': [],
  '/api/v1/sonic/upload-extend': [],
  '/api/v1/sonic/upload-cover': [],
  '/api/v1/sonic/upload': [],
  '/api/v1/sonic/bpm': [],
  '/api/v1/sonic/vox': [],
  '/api/v1/sonic/midi': [],
  '/api/v1/sonic/aligned-lyrics': [],
  '/api/v1/sonic/upsample-tags': [],
  '/api/v1/producer/create': [
    {
      source: 'https://docs.aimusicapi.ai/producer-api-examples §1 (with lyrics)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'create_music',
        mv: 'FUZZ-2.0',
        lyrics:
          '[Verse 1]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nWhere only love grows\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNight will divide my in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
        sound: 'pop',
        title: 'Starry Night',
        make_instrumental: false,
      },
    },
    {
      source: 'https://docs.aimusicapi.ai/producer-api-examples §2 (sound only)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'create_music',
        mv: 'FUZZ-2.0',
        sound:
          'upbeat electronic dance music with energetic synths, pulsing bass, and driving four-on-the-floor beat, perfect for club atmosphere with euphoric buildups and drops',
        make_instrumental: false,
      },
    },
    {
      source:
        'https://docs.musicapi.ai/producer-api-examples §1 (musicapi brand after the 2026-04 Lyria migration: no mv, no make_instrumental)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'create_music',
        lyrics:
          '[Verse 1]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nWhere only love grows\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNight will divide my in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
        sound: 'pop',
        title: 'Starry Night',
      },
    },
    {
      source:
        'https://docs.musicapi.ai/api-450367170 (musicapi brand only: replace_music, 12 credits; aimusicapi answers 410 for non-create_music task types)',
      evidence: 'VERIFIED',
      body: {
        task_type: 'replace_music',
        clip_id: 'abc123xyz789',
        starts_at: 30,
        ends_at: 45,
        instruction: 'Replace this segment with a heavy distorted guitar riff over double-bass drums and aggressive energy',
      },
    },
  ],
  '/api/v1/producer/lyrics-create': [],
  '/api/v1/producer/video-clip': [],
  '/api/v1/producer/upload': [],
  '/api/v1/producer/download': [],
  '/api/v1/riffusion/create': [
    {
      source: 'https://docs.musicapi.ai/riffusion-create-with-lyrics',
      evidence: 'VERIFIED',
      body: {
        mv: 'FUZZ-1.1 Pro',
        lyrics:
          '[Verse]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nDreams that only grow\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNighttime come alive\nMystery in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
        custom_mode: true,
        title: 'Starts',
        sound: 'pop',
        make_instrumental: false,
      },
    },
    {
      source: 'https://docs.sunoapi.com/create-music-with-description-riffusion',
      evidence: 'VERIFIED',
      body: {
        mv: 'FUZZ-1.1 Pro',
        prompt: 'r&b pop song',
        custom_mode: false,
      },
    },
    {
      source: 'https://docs.musicapi.ai/riffusion-extend-music',
      evidence: 'VERIFIED',
      body: {
        custom_mode: true,
        lyrics:
          '[Verse]\nStars they shine above me\nMoonlight softly glows\nWhispers in the night sky\nDreams that only grow\n\n[Verse 2]\nMidnight winds are calling\nCarrying a tune\nHeartbeats echo softly\nDancing with the moon\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way\n\n[Verse 3]\nShadows move and twinkle\nNighttime come alive\nMystery in the heavens\nStories that survive\n\n[Bridge]\nMagic fills the darkness\nWonder in the air\nEvery star a secret\nIn the sky I stare\n\n[Chorus]\nStarry night starry night\nLet your light ignite ignite\nBright as day bright as day\nGuide my way guide my way',
        title: 'Starts',
        sound: 'pop',
        continue_at: 10,
        continue_clip_id: 'f524dd12-cb7a-4eb6-b2fb-780f0ed07d9c',
        task_type: 'extend_music',
        mv: 'FUZZ-1.1 Pro',
      },
    },
  ],
  '/api/v1/riffusion/upload': [
    {
      source: 'https://docs.musicapi.ai/api-314451567',
      evidence: 'VERIFIED',
      body: {
        url: 'https://audio.jukehost.co.uk/Ij5SXdAJKLg4tggS8T1xIH1Z0DuOWq5e.mp3',
      },
    },
  ],
};

// ─── Errors ────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * NOT FOUND (null): no documented JSON body for an error answer (Sonic, Producer or generic). The error page gives
 * (type, HTTP code, message) rows only; the schemas "记录不存在", "参数不正确", "ErrorResponse" are named in the
 * navigation but their stored pages show nothing more. [B44] notes a `{ type, error }` shape for Producer — INFERRED.
 */
export const errorBody = null;

/**
 * VERIFIED, PARTIAL. https://docs.musicapi.ai/error-handling, "Error Types" table, rows exactly as the stored copy
 * shows them, in order; the copy stops inside the row after the last one here ("The song description con…").
 */
export const errorHandlingRows = [
  [400, "The 'mv' field is invalid. The model should be 'sonic-v3-5' or 'sonic-v4'."],
  [400, "The 'persona_id' field is required when task_type = persona_music."],
  [400, "The 'make_instrumental' field should be boolean."],
  [400, "The 'custom_mode' field should be boolean."],
  [400, 'The prompt character length should be less than 3000.'],
  [400, "The 'gpt_description_prompt' character length should be less than 200."],
  [400, 'The tags character length should be less than 200.'],
  [400, 'The title character length should be less than 80.'],
  [400, 'description is required.'],
  [400, 'The description character length should be less than 120.'],
  [400, 'name and continue_clip_id are required fields.'],
  [400, 'The name character length should be less than 80.'],
  [400, 'The description character length should be less than 200.'],
  [400, 'task not found.'],
  [400, 'missing task id.'],
  [401, 'Authorization header is missing.'],
  [401, 'Invalid authorization format.'],
  [403, 'The remaining credits are not enough. You can buy more one-time credit packs or subscribe.'],
  [403, 'You do not have an active subscription. Please check whether your renewal was successful.'],
  [403, 'The lyrics format is invalid. Please check and try again.'],
  [403, "The lyrics contain copyrighted content: 'specificError'. Please use original lyrics."],
  [403, "The lyrics contain inappropriate content: 'specificError'."],
  [403, 'The song description needs moderation review.'],
] as const;

// ─── Prices per brand ──────────────────────────────────────────────────────────────────────────────────────────

/** One price figure with its source. `credits: null` means the source names the operation but the figure is unseen. */
export interface PriceFigure {
  credits: number | null;
  source: string;
  evidence: 'VERIFIED' | 'INFERRED';
  seen?: string;
  note?: string;
}

/**
 * Credits per call, per brand, per operation, each figure with its source. Several figures per operation where the
 * sources disagree (first listed = the one the docs page states). Brands: aimusicapi = docs.aimusicapi.ai (the
 * gateway's default host), musicapi = docs.musicapi.ai + musicapi.ai guides, sunoapi = docs.sunoapi.com (older brand).
 */
export const pricesByBrand: Readonly<
  Record<'aimusicapi' | 'musicapi' | 'sunoapi', Readonly<Record<string, string | readonly PriceFigure[]>>>
> = {
  aimusicapi: {
    _note:
      "The stored copy of https://docs.aimusicapi.ai/ai-music-api-credits-usage-guide stops before its price table; Sonic generation figures below rest on [B44]'s transcription.",
    createMusic: [
      {
        credits: 14,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
        note: 'advanced models (v4.5+) or description mode; v6 ids since 2026-09-09 also 14',
      },
      {
        credits: 10,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
        note: 'custom lyrics on sonic-v3-5 / sonic-v4',
      },
    ],
    extend: [
      {
        credits: 10,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
      },
    ],
    remaster: [
      {
        credits: 10,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
      },
    ],
    addVocals: [
      {
        credits: 10,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
      },
    ],
    addInstrumental: [
      {
        credits: 10,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
      },
    ],
    concat: [
      {
        credits: 2,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
      },
    ],
    upload: [
      {
        credits: 2,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
      },
    ],
    download: [
      {
        credits: 2,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-04',
        note: 'POST /sonic/download, 2 per call',
      },
    ],
    wav: [
      {
        credits: 1,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-04',
        note: '"the legacy 1-credit /sonic/wav"',
      },
    ],
    stemsBasic: [
      {
        credits: 20,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
        note: '"vocal + instrumental"',
      },
    ],
    stemsFull: [
      {
        credits: 50,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
        note: '"12-track split"',
      },
    ],
    bpm: [
      {
        credits: 1,
        source: 'https://aimusicapi.featurebase.app/en/changelog/musicalnote-ai-music-api-january-2026-update',
        evidence: 'VERIFIED',
        seen: '2026-01-25',
      },
    ],
    vox: [
      {
        credits: 1,
        source: 'https://aimusicapi.featurebase.app/en/changelog/musicalnote-ai-music-api-january-2026-update',
        evidence: 'VERIFIED',
        seen: '2026-01-25',
      },
    ],
    upsampleTags: [
      {
        credits: 1,
        source: 'https://aimusicapi.featurebase.app/en/changelog/musicalnote-ai-music-api-january-2026-update',
        evidence: 'VERIFIED',
        seen: '2026-01-25',
      },
    ],
    createPersona: [
      {
        credits: 1,
        source: 'https://aimusicapi.featurebase.app/en/changelog/musicalnote-ai-music-api-january-2026-update',
        evidence: 'VERIFIED',
        seen: '2026-01-25',
      },
    ],
    mashup: [
      {
        credits: 10,
        source: 'https://aimusicapi.featurebase.app/en/changelog/musicalnote-ai-music-api-january-2026-update',
        evidence: 'VERIFIED',
        seen: '2026-01-25',
      },
      {
        credits: 14,
        source: 'docs/upstream.md §13 ([B44] 2026-09)',
        evidence: 'INFERRED',
        seen: '2026-09',
        note: '[B44]\'s own generateMashup still charges 10 "per docs" (file id 70940198113)',
      },
    ],
    replaceSection: [
      {
        credits: 10,
        source: 'https://aimusicapi.featurebase.app/en/changelog/musicalnote-ai-music-api-january-2026-update',
        evidence: 'VERIFIED',
        seen: '2026-01-25',
      },
      {
        credits: 10,
        source:
          'GitHub code index file id 70993231584 / 71218437287 ([B44] shared/sonicPricing.ts, "matched 1:1 to the upstream aimusicapi.ai Credits Usage Guide (audit 2026-09-03)")',
        evidence: 'INFERRED',
        seen: '2026-09-03',
      },
    ],
    createVoice: [
      {
        credits: 4,
        source: 'GitHub code index file id 70919683155 ([B44] createSonicVoice: "Docs: POST /api/v1/sonic/create-voice (4 credits)")',
        evidence: 'INFERRED',
      },
    ],
    producerCreate: [
      {
        credits: 10,
        source: 'https://docs.aimusicapi.ai/doc-2058751',
        evidence: 'VERIFIED',
      },
    ],
    producerLyrics: [
      {
        credits: 1,
        source: 'https://docs.aimusicapi.ai/doc-2058751',
        evidence: 'VERIFIED',
      },
    ],
    producerVideo: [
      {
        credits: 5,
        source: 'https://docs.aimusicapi.ai/doc-2058751',
        evidence: 'VERIFIED',
      },
    ],
    producerUpload: [
      {
        credits: 2,
        source: 'https://docs.aimusicapi.ai/doc-2058751',
        evidence: 'VERIFIED',
      },
    ],
    producerDownload: [
      {
        credits: 2,
        source: 'https://docs.aimusicapi.ai/doc-2058751',
        evidence: 'VERIFIED',
      },
      {
        credits: 2,
        source: 'https://docs.aimusicapi.ai/api-34286405',
        evidence: 'VERIFIED',
        note: '"Cost: 2 credits per download." auto-refund on failure',
      },
    ],
    taskRead: [
      {
        credits: 0,
        source: 'https://docs.aimusicapi.ai/doc-2058751',
        evidence: 'VERIFIED',
        note: '"Free" (Producer); Sonic polling free per docs/upstream.md §4',
      },
    ],
  },
  musicapi: {
    createMusic: [
      {
        credits: 15,
        source: 'https://docs.musicapi.ai/sonic-instructions',
        evidence: 'VERIFIED',
      },
      {
        credits: 15,
        source: 'https://docs.musicapi.ai/credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-06-19',
        note: '"All models: 15 credits per API call"',
      },
    ],
    extend: [
      {
        credits: 15,
        source: 'https://docs.musicapi.ai/sonic-instructions',
        evidence: 'VERIFIED',
      },
      {
        credits: 15,
        source: 'https://musicapi.ai/docs/guides/extend-and-cover',
        evidence: 'VERIFIED',
      },
    ],
    cover: [
      {
        credits: 15,
        source: 'https://docs.musicapi.ai/sonic-instructions',
        evidence: 'VERIFIED',
      },
      {
        credits: 15,
        source: 'https://musicapi.ai/docs/guides/extend-and-cover',
        evidence: 'VERIFIED',
      },
    ],
    personaMusic: [
      {
        credits: 15,
        source: 'https://docs.musicapi.ai/sonic-instructions',
        evidence: 'VERIFIED',
      },
    ],
    extendUploadMusic: [
      {
        credits: 15,
        source: 'https://docs.musicapi.ai/sonic-instructions',
        evidence: 'VERIFIED',
      },
    ],
    coverUploadMusic: [
      {
        credits: 15,
        source: 'https://docs.musicapi.ai/sonic-instructions',
        evidence: 'VERIFIED',
      },
    ],
    concat: [
      {
        credits: 2,
        source: 'https://docs.musicapi.ai/sonic-instructions',
        evidence: 'VERIFIED',
      },
    ],
    remaster: [
      {
        credits: 10,
        source: 'https://musicapi.ai/docs/guides/extend-and-cover',
        evidence: 'VERIFIED',
        note: '"remaster, add_instrumental, and add_vocals (10 credits each)"',
      },
      {
        credits: 15,
        source: 'GitHub code index file id 58700747207 ([SKY] 2026-07-15)',
        evidence: 'INFERRED',
      },
    ],
    addVocals: [
      {
        credits: 10,
        source: 'https://musicapi.ai/docs/guides/extend-and-cover',
        evidence: 'VERIFIED',
      },
      {
        credits: 15,
        source: 'GitHub code index file id 58700747207 ([SKY] 2026-07-15)',
        evidence: 'INFERRED',
      },
    ],
    addInstrumental: [
      {
        credits: 10,
        source: 'https://musicapi.ai/docs/guides/extend-and-cover',
        evidence: 'VERIFIED',
      },
      {
        credits: 15,
        source: 'GitHub code index file id 58700747207 ([SKY] 2026-07-15)',
        evidence: 'INFERRED',
      },
    ],
    stemsBasic: [
      {
        credits: 15,
        source: 'https://musicapi.ai/docs/guides/output-endpoints',
        evidence: 'VERIFIED',
        note: '"Vocals + instrumental (2 stems)"',
      },
      {
        credits: 15,
        source: 'GitHub code index file id 56107380064 ([CLAW])',
        evidence: 'INFERRED',
        note: '"4 stems"',
      },
    ],
    stemsFull: [
      {
        credits: 75,
        source: 'https://musicapi.ai/docs/guides/output-endpoints',
        evidence: 'VERIFIED',
        note: '"Full multi-stem separation"',
      },
      {
        credits: 75,
        source: 'GitHub code index file id 58747331154 ([SKY] live 2026-07-15)',
        evidence: 'INFERRED',
        seen: '2026-07-15',
        note: '24 stems returned',
      },
    ],
    wav: [
      {
        credits: 2,
        source: 'https://musicapi.ai/docs/guides/output-endpoints',
        evidence: 'VERIFIED',
      },
      {
        credits: 1,
        source: 'GitHub code index file id 58747331154 ([SKY] 2026-07-15, "WAV conversion at 1 credit")',
        evidence: 'INFERRED',
        seen: '2026-07-15',
      },
    ],
    batch: [
      {
        credits: null,
        source: 'https://musicapi.ai/docs/guides/output-endpoints',
        evidence: 'VERIFIED',
        note: 'POST /api/v1/sonic/batch, up to 10 items; figure cut off in the stored copy',
      },
    ],
    createVoice: [
      {
        credits: 4,
        source: 'https://docs.musicapi.ai/create-voice',
        evidence: 'VERIFIED',
      },
    ],
    lyrics: [
      {
        credits: 10,
        source: 'https://docs.musicapi.ai/credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-06-19',
        note: '"10 lyrics credits per API call" (separate lyrics credits)',
      },
      {
        credits: 0,
        source: 'GitHub code index file id 56107380064 ([CLAW])',
        evidence: 'INFERRED',
        note: '"Free"',
      },
    ],
    riffusion: [
      {
        credits: 12,
        source: 'https://docs.musicapi.ai/credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-06-19',
        note: '"All models: 12 credits per API call"',
      },
    ],
    nuro: [
      {
        credits: 10,
        source: 'https://docs.musicapi.ai/credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-06-19',
      },
    ],
    producerCreate: [
      {
        credits: 12,
        source: 'GitHub code index file id 56107380064 ([CLAW])',
        evidence: 'INFERRED',
      },
    ],
    producerReplaceMusic: [
      {
        credits: 12,
        source: 'https://docs.musicapi.ai/api-450367170',
        evidence: 'VERIFIED',
        note: '"the 12-credit charge is automatically refunded"',
      },
    ],
    upload: [
      {
        credits: 2,
        source: 'GitHub code index file id 56107380064 ([CLAW])',
        evidence: 'INFERRED',
      },
    ],
    bpm: [
      {
        credits: 1,
        source: 'GitHub code index file id 56107380064 ([CLAW])',
        evidence: 'INFERRED',
      },
    ],
    vox: [
      {
        credits: 1,
        source: 'GitHub code index file id 56107380064 ([CLAW])',
        evidence: 'INFERRED',
      },
    ],
  },
  sunoapi: {
    createMusic: [
      {
        credits: 10,
        source: 'https://docs.sunoapi.com/ai-music-api-credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-07-15',
        note: '"Suno ... All models: 10 credits per API call"',
      },
    ],
    riffusion: [
      {
        credits: 10,
        source: 'https://docs.sunoapi.com/ai-music-api-credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-07-15',
      },
      {
        credits: 10,
        source: 'https://docs.sunoapi.com/riffusion-api-instructions',
        evidence: 'VERIFIED',
        note: '"create tasks | 10 credits"',
      },
    ],
    riffusionUpload: [
      {
        credits: 2,
        source: 'https://docs.sunoapi.com/riffusion-api-instructions',
        evidence: 'VERIFIED',
        note: '"upload tasks | 2 credits"',
      },
    ],
    nuro: [
      {
        credits: 10,
        source: 'https://docs.sunoapi.com/ai-music-api-credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-07-15',
      },
    ],
    lyrics: [
      {
        credits: 2,
        source: 'https://docs.sunoapi.com/ai-music-api-credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-07-15',
      },
    ],
    upload: [
      {
        credits: 2,
        source: 'https://docs.sunoapi.com/ai-music-api-credits-usage-guide',
        evidence: 'VERIFIED',
        seen: '2025-07-15',
        note: '"Upload Local Music"',
      },
    ],
  },
};

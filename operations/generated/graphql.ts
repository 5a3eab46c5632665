/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** An accompaniment played under an uploaded a-cappella vocal. */
export type AddInstrumentalInput = {
  /** How closely to follow the source audio, 0 (loosely) to 1 (closely). */
  audioWeight?: number | null | undefined;
  /** A clip from `uploadMusic`, uploaded within the last 24 hours. */
  clipId: string | number;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** Vocals sung over an uploaded instrumental. */
export type AddVocalsInput = {
  /** How closely to follow the source audio, 0 (loosely) to 1 (closely). */
  audioWeight?: number | null | undefined;
  /** A clip from `uploadMusic`, uploaded within the last 24 hours. */
  clipId: string | number;
  /** The lyrics to sing (same length limits as `createMusic`). */
  lyrics: string;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** An audio file format. */
export type AudioFormat =
  /** Compressed MP3. */
  | 'MP3'
  /** Lossless WAV. */
  | 'WAV';

/** A new version of a clip in another style, with the song fields for the cover. */
export type CoverMusicInput = {
  /** How closely to follow the source audio, 0 (loosely) to 1 (closely). */
  audioWeight?: number | null | undefined;
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** The source clip (a clip id from a finished task, or from `uploadMusic` for the *Uploaded* operations). */
  clipId: string | number;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** A new song (two takes). Custom mode (`customMode: true`) takes your lyrics, title and style tags; description mode takes a sentence (`description`) and writes the rest. */
export type CreateMusicInput = {
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** A persona made from the voice in a clip. */
export type CreatePersonaInput = {
  /** The clip whose voice to capture (generated or uploaded). */
  clipId: string | number;
  /** What the voice is like, e.g. "warm, soulful" (at most 200 characters). */
  description?: string | null | undefined;
  /** A name for the persona (at most 80 characters). */
  name: string;
  /** Styles the voice suits, comma-separated. */
  styles?: string | null | undefined;
  /** Where they end, in seconds; at most 30 seconds after `vocalStart`. */
  vocalEnd?: number | null | undefined;
  /** Where the vocals to use start, in seconds (with `vocalEnd`). */
  vocalStart?: number | null | undefined;
  /** A vocal sample from `getVox` to shape the voice. */
  voxAudioId?: string | number | null | undefined;
};

/** A voice to capture as a persona: a public recording of one clear speaker or singer. */
export type CreateVoiceInput = {
  /** A public URL of an MP3 or WAV file longer than 10 seconds, with a single clear voice. */
  audioUrl: string;
};

/** Every value `errors[].extensions.code` can take (a closed set). Each value says what it means and what a UI should do. */
export type ErrorCode =
  /**
   * The request cannot be taken at all (invalid JSON, wrong content type, body too large, a cross-site GET without a CSRF header, a mutation over GET, too many operations in a batch).
   *
   * What a UI should do: A client bug: fix the request; retrying unchanged fails again.
   */
  | 'BAD_REQUEST'
  /**
   * An argument is invalid (format, length, range or a missing field). Nothing was sent upstream.
   *
   * What a UI should do: Show the message next to the input named by `extensions.field`; do not retry unchanged.
   */
  | 'BAD_USER_INPUT'
  /**
   * The signed-in user's credit budget for this window cannot cover this operation; `extensions.remaining` says what is left. Nothing was sent upstream.
   *
   * What a UI should do: Show `remaining` and `viewer.budget.resetsAt`; retrying before then fails again.
   */
  | 'BUDGET_EXCEEDED'
  /**
   * The upstream refused the lyrics or description (moderation, copyrighted lyrics, artist names).
   *
   * What a UI should do: Ask the user to change the lyrics or description; do not retry unchanged.
   */
  | 'CONTENT_REJECTED'
  /**
   * The caller may not do this (for example: no active upstream subscription, or a browser origin not allowed).
   *
   * What a UI should do: Tell the user this is not allowed for them; retrying does not help.
   */
  | 'FORBIDDEN'
  /**
   * The document is not valid GraphQL, or has more tokens than MAX_QUERY_TOKENS.
   *
   * What a UI should do: A client bug: fix the document.
   */
  | 'GRAPHQL_PARSE_FAILED'
  /**
   * The document does not fit the schema, or is over a limit (depth, aliases, directives, cost).
   *
   * What a UI should do: A client bug: regenerate the client against schema.graphql.
   */
  | 'GRAPHQL_VALIDATION_FAILED'
  /**
   * The account has too few credits for this operation.
   *
   * What a UI should do: Tell the user the account needs credits; retry only after they were added.
   */
  | 'INSUFFICIENT_CREDITS'
  /**
   * An unexpected gateway fault; details are in the server log under the request id.
   *
   * What a UI should do: Show a generic failure with the `x-request-id` of the response, for a report.
   */
  | 'INTERNAL_SERVER_ERROR'
  /**
   * The task, clip, persona or vox id does not exist for this caller, or is another user's.
   *
   * What a UI should do: Drop the item from the view: it is not this caller's (or does not exist); a clip from a shared link is the sharer's.
   */
  | 'NOT_FOUND'
  /**
   * Automatic persisted queries: the hash is not the sha256 of the document sent with it.
   *
   * What a UI should do: A client bug: hash the exact document text.
   */
  | 'PERSISTED_QUERY_MISMATCH'
  /**
   * Automatic persisted queries: the gateway does not know this hash yet.
   *
   * What a UI should do: Send the hash again with the document (Apollo and urql links do this by themselves).
   */
  | 'PERSISTED_QUERY_NOT_FOUND'
  /**
   * PERSISTED_OPERATIONS_ONLY is on: no operation of the gateway's manifest has this hash or documentId.
   *
   * What a UI should do: Deploy the app's manifest to the gateway (PERSISTED_OPERATIONS_FILE) before the app that uses it.
   */
  | 'PERSISTED_QUERY_NOT_IN_LIST'
  /**
   * PERSISTED_OPERATIONS_ONLY is on: a document sent as text is refused.
   *
   * What a UI should do: Send the hash (or documentId) of an operation in the trusted manifest instead.
   */
  | 'PERSISTED_QUERY_ONLY'
  /**
   * Too many requests; retry after `extensions.retryAfterSeconds` when present.
   *
   * What a UI should do: Wait `extensions.retryAfterSeconds`, then retry (for a subscription, close an open one first).
   */
  | 'RATE_LIMITED'
  /**
   * The gateway cannot record paid work right now (its store is unreachable, or its disk is full or read-only), or cannot read the task records a read needs (its store is unreachable). Nothing was sent upstream and nothing was charged.
   *
   * What a UI should do: Retry after `retryAfterSeconds`, with the same idempotencyKey if one was sent; say "try again in a moment", not that the work failed.
   */
  | 'STORE_UNAVAILABLE'
  /**
   * No API key was given, the upstream rejected it, or (with sign-in) the token is missing or invalid.
   *
   * What a UI should do: Sign the user in again (or refresh the token) and retry; over graphql-ws, reconnect with the new token.
   */
  | 'UNAUTHENTICATED'
  /**
   * The upstream answered with an error or a response the gateway cannot read.
   *
   * What a UI should do: Show a generic failure with the request id; retrying may not help.
   */
  | 'UPSTREAM_ERROR'
  /**
   * The upstream has retired what was asked for (HTTP 410 Gone: a deprecated family such as Riffusion or Nuro, or a retired task type). Nothing was charged.
   *
   * What a UI should do: Hide or disable the feature; retrying never helps.
   */
  | 'UPSTREAM_GONE'
  /**
   * The upstream did not answer in time. For a paid operation the task may still have been created.
   *
   * What a UI should do: Retry a read; for a paid mutation with `taskMayExist`, check `viewer.tasks` before paying again.
   */
  | 'UPSTREAM_TIMEOUT'
  /**
   * The upstream could not be reached or is failing (connection refused or reset, 502/503, circuit open).
   *
   * What a UI should do: Retry later (after `retryAfterSeconds` when given); show that the service is degraded.
   */
  | 'UPSTREAM_UNAVAILABLE';

/** An extension of a clip from a point in it, with the song fields for the new part. */
export type ExtendMusicInput = {
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** The source clip (a clip id from a finished task, or from `uploadMusic` for the *Uploaded* operations). */
  clipId: string | number;
  /** Where in the source to continue from, in seconds (for uploaded clips the upstream suggests 0.1). It must lie within the clip; the upstream checks that. */
  continueAt: number;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** One new song mixed from exactly two existing clips. */
export type MashupMusicInput = {
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** The two clips to mash up. */
  clipIds: Array<string | number>;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** The upstream generation model. */
export type MusicModel =
  /** sonic-v3-5: lyrics up to 3,000 characters. */
  | 'SONIC_V3_5'
  /** sonic-v4: lyrics up to 3,000 characters. */
  | 'SONIC_V4'
  /** sonic-v4-5: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V4_5'
  /** sonic-v4-5-plus: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V4_5_PLUS'
  /** sonic-v5: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V5'
  /** sonic-v5-5: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V5_5'
  /** sonic-v6, the newest generation: lyrics up to 5,000 characters; vocal gender. */
  | 'SONIC_V6'
  /** sonic-v6-mini: a faster, lighter sonic-v6. */
  | 'SONIC_V6_MINI'
  /** sonic-v6-wild: a more adventurous sonic-v6. */
  | 'SONIC_V6_WILD';

/** A new song sung by a persona (see `createPersona`). */
export type PersonaMusicInput = {
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** The persona to sing. */
  personaId: string | number;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** A Producer model. Since 2026-04 the upstream renders every one of them with its current model (docs/upstream.md §14). */
export type ProducerModel =
  /** FUZZ-0.8. */
  | 'FUZZ_0_8'
  /** FUZZ-1.0. */
  | 'FUZZ_1_0'
  /** FUZZ-1.0 Pro. */
  | 'FUZZ_1_0_PRO'
  /** FUZZ-1.1. */
  | 'FUZZ_1_1'
  /** FUZZ-1.1 Pro. */
  | 'FUZZ_1_1_PRO'
  /** FUZZ-2.0, the upstream default. */
  | 'FUZZ_2_0'
  /** FUZZ-2.0 Pro. */
  | 'FUZZ_2_0_PRO'
  /** FUZZ-2.0 Raw. */
  | 'FUZZ_2_0_RAW'
  /** FUZZ-3-Demo. */
  | 'FUZZ_3_DEMO';

/** A new Producer song (one take) from a sound description, lyrics, or both. */
export type ProducerMusicInput = {
  /** Suppress vocals, even when lyrics are given. */
  instrumental?: boolean | null | undefined;
  /** The lyrics, with markers such as `[Verse]` and `[Chorus]`. */
  lyrics?: string | null | undefined;
  /** The model; the upstream default is FUZZ_2_0. */
  model?: ProducerModel | null | undefined;
  /** A numeric seed, for a reproducible result. */
  seed?: string | null | undefined;
  /** The style, mood and instruments, in free text. Give it, `lyrics`, or both. */
  sound?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
};

/** A remaster of a generated clip (best within 24 hours of its creation). */
export type RemasterInput = {
  /** The generated clip to remaster. */
  clipId: string | number;
  /** The model to remaster with. */
  model?: MusicModel;
  /** How much the remaster may change (documented for SONIC_V5). */
  variation?: RemasterVariation | null | undefined;
};

/** How far a remaster may move from the original. */
export type RemasterVariation =
  /** Freer, more changed. */
  | 'HIGH'
  /** The upstream default. */
  | 'NORMAL'
  /** Close to the original. */
  | 'SUBTLE';

/** New lyrics sung over a time range of a clip. */
export type ReplaceSectionInput = {
  /** Also join the new section into the song, so the task holds the full song. */
  autoConcat?: boolean | null | undefined;
  /** The clip to change. */
  clipId: string | number;
  /** Where the section ends, in seconds; after `start`. */
  end: number;
  /** The song's lyrics around the section, for context. */
  lyrics: string;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** The new lyrics for the section. */
  sectionLyrics: string;
  /** Where the section starts, in seconds. */
  start: number;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
};

/** A Riffusion model (the `mv` enum of its docs). */
export type RiffusionModel =
  /** FUZZ-1.0. */
  | 'FUZZ_1_0'
  /** FUZZ-1.0 Pro. */
  | 'FUZZ_1_0_PRO'
  /** FUZZ-1.1. */
  | 'FUZZ_1_1'
  /** FUZZ-1.1 Pro. */
  | 'FUZZ_1_1_PRO';

/** A Riffusion task: a new song, or work on an existing clip (`taskType`). Custom mode takes lyrics (and title, sound); description mode a sentence. */
export type RiffusionMusicInput = {
  /** The clip to work on: required for every task type but CREATE, refused for CREATE. */
  clipId?: string | number | null | undefined;
  /** EXTEND and EXTEND_UPLOADED: where to continue, in whole seconds (required there). */
  continueAt?: number | null | undefined;
  /** true: you give `lyrics` (and usually `title` and `sound`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals. Sent only when given. */
  instrumental?: boolean | null | undefined;
  /** Custom mode: the lyrics (at most 5,000 characters). */
  lyrics?: string | null | undefined;
  /** The model. */
  model?: RiffusionModel;
  /** The style, in free text, e.g. "pop" (at most 1,000 characters). */
  sound?: string | null | undefined;
  /** What to do. */
  taskType?: RiffusionTaskType;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
};

/** What a Riffusion create does (its `task_type`). Only CREATE and EXTEND have documented examples; the others are listed by the docs with the same fields. */
export type RiffusionTaskType =
  /** Re-record a generated clip in another style. */
  | 'COVER'
  /** Re-record an uploaded clip. */
  | 'COVER_UPLOADED'
  /** A new song (two takes) from lyrics or a description. */
  | 'CREATE'
  /** Continue a generated clip from `continueAt`. */
  | 'EXTEND'
  /** Continue an uploaded clip (from `riffusionUploadMusic`) from `continueAt`. */
  | 'EXTEND_UPLOADED'
  /** Sing a part of a generated clip anew. */
  | 'REPLACE'
  /** Sing a part of an uploaded clip anew. */
  | 'REPLACE_UPLOADED'
  /** Keep the vocals of a generated clip, change its sound. */
  | 'SWAP_SOUND'
  /** Keep the vocals of an uploaded clip, change its sound. */
  | 'SWAP_UPLOADED_SOUND'
  /** Keep the sound of an uploaded clip, change its vocals. */
  | 'SWAP_UPLOADED_VOCALS'
  /** Keep the sound of a generated clip, change its vocals. */
  | 'SWAP_VOCALS';

/** A whole song grown from a short sample of a clip or of audio at a URL (give exactly one of the two). */
export type SampleMusicInput = {
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** The clip to sample. */
  sampleClipId?: string | number | null | undefined;
  /** Where the sample ends, in seconds; after `sampleStart`. */
  sampleEnd: number;
  /** Where the sample starts in the source, in seconds. */
  sampleStart: number;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** Instead of a clip: A public URL of the audio file (MP3 or WAV, at most 8 minutes) that the upstream fetches. */
  url?: string | null | undefined;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** Which part of a song a stem holds, read from the stem name the upstream gives (the suffix of the clip title, `<song> (Vocals)` or `<song> - Vocals`, or its metadata), never from the song title. A full split is documented as twelve stems (VOCALS to WOODWINDS) and has been seen with 24; a basic split as VOCALS and INSTRUMENTAL. A name the gateway does not know is OTHER. */
export type StemKind =
  /** Backing vocals and harmonies. */
  | 'BACKING_VOCALS'
  /** Bass line. */
  | 'BASS'
  /** Brass section. */
  | 'BRASS'
  /** Drum kit. */
  | 'DRUMS'
  /** Effects, risers and ambience. */
  | 'FX'
  /** Guitars. */
  | 'GUITAR'
  /** Everything but the vocals (basic two-stem split only). */
  | 'INSTRUMENTAL'
  /** Piano, organ and other keys. */
  | 'KEYBOARD'
  /** A stem whose name the gateway does not recognise; see `name`. */
  | 'OTHER'
  /** Percussion other than the drum kit. */
  | 'PERCUSSION'
  /** Bowed and plucked strings. */
  | 'STRINGS'
  /** Synthesizers and pads. */
  | 'SYNTH'
  /** Lead vocals. */
  | 'VOCALS'
  /** Woodwinds. */
  | 'WOODWINDS';

/** Which operation created a task. */
export type TaskKind =
  /** An accompaniment added to an uploaded vocal. */
  | 'ADD_INSTRUMENTAL'
  /** Vocals added to an uploaded instrumental. */
  | 'ADD_VOCALS'
  /** An extension joined to its source: the full song. */
  | 'CONCAT_MUSIC'
  /** A cover of a generated clip in another style. */
  | 'COVER_MUSIC'
  /** A cover of an uploaded clip. */
  | 'COVER_UPLOADED_MUSIC'
  /** A new song from lyrics and style, or from a description (two takes). */
  | 'CREATE_MUSIC'
  /** A voice captured from audio as a persona (`persona` once it has succeeded). */
  | 'CREATE_VOICE'
  /** An extension of a generated clip (the new part only). */
  | 'EXTEND_MUSIC'
  /** An extension of an uploaded clip. */
  | 'EXTEND_UPLOADED_MUSIC'
  /** A song mixed from two clips. */
  | 'MASHUP'
  /** A new song sung by a persona. */
  | 'PERSONA_MUSIC'
  /** A Producer clip re-encoded as MP3 or WAV (`audioUrl` or `wavUrl`). */
  | 'PRODUCER_DOWNLOAD'
  /** Producer lyrics (a clip with `title` and `lyrics`). */
  | 'PRODUCER_LYRICS'
  /** A Producer song (one take; its clip has `wavUrl`). */
  | 'PRODUCER_MUSIC'
  /** Audio uploaded to Producer (the new clip). */
  | 'PRODUCER_UPLOAD'
  /** A Producer music video (a clip with `videoUrl`). */
  | 'PRODUCER_VIDEO'
  /** A remaster of a generated clip. */
  | 'REMASTER'
  /** A clip with a time range sung anew. */
  | 'REPLACE_SECTION'
  /** A Riffusion song (two takes; Riffusion is deprecated upstream). */
  | 'RIFFUSION_MUSIC'
  /** A song grown from a sample. */
  | 'SAMPLE'
  /** A split of a song into vocals and instrumental. */
  | 'STEMS_BASIC'
  /** A split of a song into stems (twelve documented). */
  | 'STEMS_FULL'
  /** Submitted outside this gateway (or before it lost its memory of it); the upstream does not say. */
  | 'UNKNOWN'
  /** Audio from a URL, uploaded and covered. */
  | 'UPLOAD_AND_COVER'
  /** Audio from a URL, uploaded and extended. */
  | 'UPLOAD_AND_EXTEND';

/** The life of a task: PENDING → RUNNING → SUCCEEDED or FAILED. */
export type TaskStatus =
  /** The upstream gave up; see `error`. Final. */
  | 'FAILED'
  /** Accepted by the upstream, not started yet. */
  | 'PENDING'
  /** Being generated; audio may already stream. */
  | 'RUNNING'
  /** Done; every clip has its audio. */
  | 'SUCCEEDED';

/** Audio from a URL, uploaded and covered in one call. */
export type UploadAndCoverInput = {
  /** How closely to follow the source audio, 0 (loosely) to 1 (closely). */
  audioWeight?: number | null | undefined;
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** A public URL of the audio file (MP3 or WAV, at most 8 minutes) that the upstream fetches. */
  url: string;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** Audio from a URL, uploaded and extended in one call. */
export type UploadAndExtendInput = {
  /** Also join the extension to the upload, so the task holds the full song. */
  autoConcat?: boolean | null | undefined;
  /** Custom mode: let the upstream write the lyrics from the title and tags. */
  autoLyrics?: boolean | null | undefined;
  /** Where in the upload to continue from, in seconds. */
  continueAt: number;
  /** true: you give `lyrics` (and usually `title` and `tags`). false: you give `description`. */
  customMode?: boolean;
  /** Description mode: what the song is about and how it sounds (at most 400 characters). */
  description?: string | null | undefined;
  /** Make it without vocals; lyrics are then not needed. */
  instrumental?: boolean;
  /** Custom mode: the lyrics (3,000 characters for SONIC_V3_5/SONIC_V4, 5,000 for later models). */
  lyrics?: string | null | undefined;
  /** The model to generate with. */
  model?: MusicModel;
  /** Styles to avoid, with the same length limit as `tags`. */
  negativeTags?: string | null | undefined;
  /** How strictly to follow the style tags, 0 to 1. */
  styleWeight?: number | null | undefined;
  /** Style tags, comma-separated, e.g. "synthwave, female vocals" (200 characters for SONIC_V3_5/SONIC_V4, 1,000 for later models). */
  tags?: string | null | undefined;
  /** The title (at most 80 characters). */
  title?: string | null | undefined;
  /** A public URL of the audio file (MP3 or WAV, at most 8 minutes) that the upstream fetches. */
  url: string;
  /** Preferred voice (SONIC_V4_5 and later). */
  vocalGender?: VocalGender | null | undefined;
  /** How adventurous to be, 0 to 1. */
  weirdness?: number | null | undefined;
};

/** The singing voice to prefer (models SONIC_V4_5 and later). */
export type VocalGender =
  /** A female voice. */
  | 'FEMALE'
  /** A male voice. */
  | 'MALE';

/** The clip, and optionally the vocal range, to read vocal characteristics from. */
export type VoxInput = {
  /** A clip made or uploaded through the upstream. */
  clipId: string | number;
  /** Where they end, in seconds; at most 30 seconds after `vocalStart`. */
  vocalEnd?: number | null | undefined;
  /** Where the vocals to use start, in seconds (with `vocalEnd`). */
  vocalStart?: number | null | undefined;
};

export type CreatePersonaMutationVariables = Exact<{
  input: CreatePersonaInput;
}>;


export type CreatePersonaMutation = { createPersona: { id: string, name: string, clipId: string } | null };

export type GetBpmMutationVariables = Exact<{
  clipId: string | number;
}>;


export type GetBpmMutation = { getBpm: { clipId: string, bpm: number, minBpm: number | null, maxBpm: number | null } | null };

export type GetVoxMutationVariables = Exact<{
  input: VoxInput;
}>;


export type GetVoxMutation = { getVox: { voxAudioId: string, clipId: string, vocalStart: number | null, vocalEnd: number | null } | null };

export type GetWavMutationVariables = Exact<{
  clipId: string | number;
}>;


export type GetWavMutation = { getWav: { clipId: string, wavUrl: string } | null };

export type GetMidiMutationVariables = Exact<{
  clipId: string | number;
}>;


export type GetMidiMutation = { getMidi: { clipId: string, midiUrl: string, instruments: Array<{ name: string, notes: Array<{ pitch: number, start: number, end: number, velocity: number | null }> }> } | null };

export type GetLyricsTimelineMutationVariables = Exact<{
  clipId: string | number;
}>;


export type GetLyricsTimelineMutation = { getLyricsTimeline: { clipId: string, lines: Array<{ text: string, start: number, end: number, words: Array<{ text: string, start: number, end: number }> }> } | null };

export type UpsampleTagsMutationVariables = Exact<{
  tags: string;
}>;


export type UpsampleTagsMutation = { upsampleTags: { original: string, tags: string } | null };

export type UploadMusicMutationVariables = Exact<{
  url: string;
}>;


export type UploadMusicMutation = { uploadMusic: { clipId: string } | null };

export type GenerateLyricsMutationVariables = Exact<{
  description: string;
}>;


export type GenerateLyricsMutation = { generateLyrics: { drafts: Array<{ title: string | null, lyrics: string }> } | null };

export type CreditsQueryVariables = Exact<{ [key: string]: never; }>;


export type CreditsQuery = { credits: { subscriptionCredits: number, extraCredits: number, total: number } | null };

export type OperationCostsQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationCostsQuery = { operationCosts: Array<{ operation: string, credits: number | null, note: string | null, source: string }> };

export type ErrorCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type ErrorCodesQuery = { errorCodes: Array<{ code: ErrorCode, meaning: string, action: string }> };

export type StartedTaskFragment = { id: string, kind: TaskKind, status: TaskStatus };

export type ExtendMusicMutationVariables = Exact<{
  input: ExtendMusicInput;
}>;


export type ExtendMusicMutation = { extendMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ExtendUploadedMusicMutationVariables = Exact<{
  input: ExtendMusicInput;
}>;


export type ExtendUploadedMusicMutation = { extendUploadedMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type CoverMusicMutationVariables = Exact<{
  input: CoverMusicInput;
}>;


export type CoverMusicMutation = { coverMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type CoverUploadedMusicMutationVariables = Exact<{
  input: CoverMusicInput;
}>;


export type CoverUploadedMusicMutation = { coverUploadedMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ConcatMusicMutationVariables = Exact<{
  clipId: string | number;
}>;


export type ConcatMusicMutation = { concatMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type CreateMusicWithPersonaMutationVariables = Exact<{
  input: PersonaMusicInput;
}>;


export type CreateMusicWithPersonaMutation = { createMusicWithPersona: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type RemasterMusicMutationVariables = Exact<{
  input: RemasterInput;
}>;


export type RemasterMusicMutation = { remasterMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type AddVocalsMutationVariables = Exact<{
  input: AddVocalsInput;
}>;


export type AddVocalsMutation = { addVocals: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type AddInstrumentalMutationVariables = Exact<{
  input: AddInstrumentalInput;
}>;


export type AddInstrumentalMutation = { addInstrumental: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type UploadAndExtendMusicMutationVariables = Exact<{
  input: UploadAndExtendInput;
}>;


export type UploadAndExtendMusicMutation = { uploadAndExtendMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type UploadAndCoverMusicMutationVariables = Exact<{
  input: UploadAndCoverInput;
}>;


export type UploadAndCoverMusicMutation = { uploadAndCoverMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type SampleMusicMutationVariables = Exact<{
  input: SampleMusicInput;
}>;


export type SampleMusicMutation = { sampleMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type MashupMusicMutationVariables = Exact<{
  input: MashupMusicInput;
}>;


export type MashupMusicMutation = { mashupMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ReplaceSectionMutationVariables = Exact<{
  input: ReplaceSectionInput;
}>;


export type ReplaceSectionMutation = { replaceSection: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type TaskUpdatedSubscriptionVariables = Exact<{
  taskId: string | number;
}>;


export type TaskUpdatedSubscription = { taskUpdated: { observedAt: string, id: string, kind: TaskKind, status: TaskStatus, error: string | null, persona: { id: string, name: string | null } | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ id: string, kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } };

export type CreateMusicMutationVariables = Exact<{
  input: CreateMusicInput;
}>;


export type CreateMusicMutation = { createMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type SplitStemsFullMutationVariables = Exact<{
  clipId: string | number;
}>;


export type SplitStemsFullMutation = { splitStemsFull: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type SplitStemsBasicMutationVariables = Exact<{
  clipId: string | number;
}>;


export type SplitStemsBasicMutation = { splitStemsBasic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type CreateVoiceMutationVariables = Exact<{
  input: CreateVoiceInput;
}>;


export type CreateVoiceMutation = { createVoice: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ProducerCreateMusicMutationVariables = Exact<{
  input: ProducerMusicInput;
}>;


export type ProducerCreateMusicMutation = { producerCreateMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ProducerGenerateLyricsMutationVariables = Exact<{
  prompt: string;
}>;


export type ProducerGenerateLyricsMutation = { producerGenerateLyrics: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ProducerCreateVideoMutationVariables = Exact<{
  clipId: string | number;
}>;


export type ProducerCreateVideoMutation = { producerCreateVideo: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ProducerUploadMusicMutationVariables = Exact<{
  url: string;
}>;


export type ProducerUploadMusicMutation = { producerUploadMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type ProducerDownloadMutationVariables = Exact<{
  clipId: string | number;
  format: AudioFormat;
}>;


export type ProducerDownloadMutation = { producerDownload: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type RiffusionCreateMusicMutationVariables = Exact<{
  input: RiffusionMusicInput;
}>;


export type RiffusionCreateMusicMutation = { riffusionCreateMusic: { id: string, kind: TaskKind, status: TaskStatus } | null };

export type RiffusionUploadMusicMutationVariables = Exact<{
  url: string;
}>;


export type RiffusionUploadMusicMutation = { riffusionUploadMusic: { clipId: string } | null };

export type ClipFieldsFragment = { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null };

export type TaskFieldsFragment = { id: string, kind: TaskKind, status: TaskStatus, error: string | null, persona: { id: string, name: string | null } | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ id: string, kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> };

export type TaskQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskQuery = { task: { id: string, kind: TaskKind, status: TaskStatus, error: string | null, persona: { id: string, name: string | null } | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ id: string, kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } | null };

export type TasksQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type TasksQuery = { tasks: Array<{ id: string, kind: TaskKind, status: TaskStatus, error: string | null, persona: { id: string, name: string | null } | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ id: string, kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } | null> | null };

export type TaskWithDeferredStemsQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskWithDeferredStemsQuery = { task: { id: string, kind: TaskKind, status: TaskStatus } & ({ stems: Array<{ id: string, kind: StemKind, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } | { stems?: never }) | null };

export type ViewerQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  status?: Array<TaskStatus> | TaskStatus | null | undefined;
}>;


export type ViewerQuery = { viewer: { id: string, budget: { limit: number, used: number, remaining: number, resetsAt: string } | null, tasks: { edges: Array<{ cursor: string, node: { id: string, kind: TaskKind, status: TaskStatus, error: string | null, persona: { id: string, name: string | null } | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ id: string, kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } } | null>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type ViewerTaskUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ViewerTaskUpdatedSubscription = { viewerTaskUpdated: { observedAt: string, id: string, kind: TaskKind, status: TaskStatus, error: string | null, persona: { id: string, name: string | null } | null, clips: Array<{ id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null }>, stems: Array<{ id: string, kind: StemKind, name: string, clip: { id: string, title: string | null, status: TaskStatus, audioUrl: string | null, imageUrl: string | null, duration: number | null } }> } };

export const StartedTaskFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<StartedTaskFragment, unknown>;
export const ClipFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}}]} as unknown as DocumentNode<ClipFieldsFragment, unknown>;
export const TaskFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"persona"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}}]} as unknown as DocumentNode<TaskFieldsFragment, unknown>;
export const CreatePersonaDocument = {"__meta__":{"hash":"406e2953c29801adf2fb9f598347617db6db4ba89fc442f5225bfca58f9b779e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePersona"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePersonaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPersona"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clipId"}}]}}]}}]} as unknown as DocumentNode<CreatePersonaMutation, CreatePersonaMutationVariables>;
export const GetBpmDocument = {"__meta__":{"hash":"9cf9afa404ef355bbbae23d688c7c60456dcc7472d9fddab12dc23d37861ad61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GetBpm"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getBpm"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clipId"}},{"kind":"Field","name":{"kind":"Name","value":"bpm"}},{"kind":"Field","name":{"kind":"Name","value":"minBpm"}},{"kind":"Field","name":{"kind":"Name","value":"maxBpm"}}]}}]}}]} as unknown as DocumentNode<GetBpmMutation, GetBpmMutationVariables>;
export const GetVoxDocument = {"__meta__":{"hash":"4c2c7439b3578b806adde1793ac4c295bf3d53a72fcd23fca4b3d60731b35d73"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GetVox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VoxInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getVox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"voxAudioId"}},{"kind":"Field","name":{"kind":"Name","value":"clipId"}},{"kind":"Field","name":{"kind":"Name","value":"vocalStart"}},{"kind":"Field","name":{"kind":"Name","value":"vocalEnd"}}]}}]}}]} as unknown as DocumentNode<GetVoxMutation, GetVoxMutationVariables>;
export const GetWavDocument = {"__meta__":{"hash":"d6c0361077850c6dbe971e8b12c5e8f5c596112ad304d86fe5d0b6f38180f8b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GetWav"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getWav"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clipId"}},{"kind":"Field","name":{"kind":"Name","value":"wavUrl"}}]}}]}}]} as unknown as DocumentNode<GetWavMutation, GetWavMutationVariables>;
export const GetMidiDocument = {"__meta__":{"hash":"2d95fce6351b8e6d7481ed03df21b2e20a864ba00b2d6b1d0a1612b205fe18e9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GetMidi"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getMidi"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clipId"}},{"kind":"Field","name":{"kind":"Name","value":"midiUrl"}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pitch"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"velocity"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetMidiMutation, GetMidiMutationVariables>;
export const GetLyricsTimelineDocument = {"__meta__":{"hash":"2100c5914e69df6832be22c18a77a5646a471844729d6abb46490299a48efb17"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GetLyricsTimeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"getLyricsTimeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clipId"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"words"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetLyricsTimelineMutation, GetLyricsTimelineMutationVariables>;
export const UpsampleTagsDocument = {"__meta__":{"hash":"6fb14b8ea740bda73f38654a4fafb94c5a84c23579bdaccd48410990a992bc0a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsampleTags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsampleTags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"original"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}}]}}]} as unknown as DocumentNode<UpsampleTagsMutation, UpsampleTagsMutationVariables>;
export const UploadMusicDocument = {"__meta__":{"hash":"ca2f3da34deaee7b10bcc076c0ec6cc47250182f6175cc4810eeb21843130c4c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clipId"}}]}}]}}]} as unknown as DocumentNode<UploadMusicMutation, UploadMusicMutationVariables>;
export const GenerateLyricsDocument = {"__meta__":{"hash":"1dbf6ce9afdd0df58891eb09cc2c607955dede33c240103916302f3a2a49c802"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateLyrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateLyrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drafts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"lyrics"}}]}}]}}]}}]} as unknown as DocumentNode<GenerateLyricsMutation, GenerateLyricsMutationVariables>;
export const CreditsDocument = {"__meta__":{"hash":"d1b18e56af2bb039abc38324ad13fdeb38967e4829c65202f2537ec3a2219f44"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriptionCredits"}},{"kind":"Field","name":{"kind":"Name","value":"extraCredits"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]} as unknown as DocumentNode<CreditsQuery, CreditsQueryVariables>;
export const OperationCostsDocument = {"__meta__":{"hash":"8fa0191887064648f28c438aafe4624c3f622b321bba463b967672599cb4d617"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationCosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operationCosts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"credits"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<OperationCostsQuery, OperationCostsQueryVariables>;
export const ErrorCodesDocument = {"__meta__":{"hash":"f5c06b0bb4b5c134eaf6827ec87c2418ee4124cbc0eba44a4a939fc749d0f161"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ErrorCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errorCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"meaning"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]} as unknown as DocumentNode<ErrorCodesQuery, ErrorCodesQueryVariables>;
export const ExtendMusicDocument = {"__meta__":{"hash":"2cd79d26baeb07dba0ed6c7c48bc00371b6f6621dd449e7026970a85ffe1f2eb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExtendMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExtendMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extendMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ExtendMusicMutation, ExtendMusicMutationVariables>;
export const ExtendUploadedMusicDocument = {"__meta__":{"hash":"f41694ce22138612610a9c1b229f3728b7ad6e27159cb1d83bb76aa166bf4cb4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExtendUploadedMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ExtendMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"extendUploadedMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ExtendUploadedMusicMutation, ExtendUploadedMusicMutationVariables>;
export const CoverMusicDocument = {"__meta__":{"hash":"6a2ff7e46f39bb753d12fb0b10436e1f44afa5d41a0d063e5f6866dd3108d0e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CoverMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<CoverMusicMutation, CoverMusicMutationVariables>;
export const CoverUploadedMusicDocument = {"__meta__":{"hash":"084492add0d039de9766f9c12b93479ccb95ff1d338b63a1d4a6c3b11350284e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoverUploadedMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CoverMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverUploadedMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<CoverUploadedMusicMutation, CoverUploadedMusicMutationVariables>;
export const ConcatMusicDocument = {"__meta__":{"hash":"3f62b9f7cb2453702060f336cfe3c2e4fdb2a482bf924ad9bc243ca19f85358b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConcatMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"concatMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ConcatMusicMutation, ConcatMusicMutationVariables>;
export const CreateMusicWithPersonaDocument = {"__meta__":{"hash":"85dad6a3b6ee8088fe0f0fbbc4844a9929f75e5ba9d1314dcd4669b4f33e40f4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMusicWithPersona"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PersonaMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMusicWithPersona"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<CreateMusicWithPersonaMutation, CreateMusicWithPersonaMutationVariables>;
export const RemasterMusicDocument = {"__meta__":{"hash":"38d322b1a808d8428ae81f30ae623f9f0c482448dd24dad480db891706c3a850"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemasterMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemasterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"remasterMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<RemasterMusicMutation, RemasterMusicMutationVariables>;
export const AddVocalsDocument = {"__meta__":{"hash":"3ea58d3ce2545b2be163f3fe962f403fbca8254e5869eac940e8a94aa839f4e1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddVocals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddVocalsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addVocals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<AddVocalsMutation, AddVocalsMutationVariables>;
export const AddInstrumentalDocument = {"__meta__":{"hash":"5e88b48125b10307298cba4c2a17432d5db8500e65d644e39773ee60529abe5c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddInstrumental"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddInstrumentalInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addInstrumental"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<AddInstrumentalMutation, AddInstrumentalMutationVariables>;
export const UploadAndExtendMusicDocument = {"__meta__":{"hash":"4ab6fbe10c1ea9a35759fa97189abed39885525774360e97873e439c26132c5e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadAndExtendMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadAndExtendInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadAndExtendMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<UploadAndExtendMusicMutation, UploadAndExtendMusicMutationVariables>;
export const UploadAndCoverMusicDocument = {"__meta__":{"hash":"c2f8dafea0994a88573c349fce6f7c547d377f1b40865b0a26a1215aafba545c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadAndCoverMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadAndCoverInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadAndCoverMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<UploadAndCoverMusicMutation, UploadAndCoverMusicMutationVariables>;
export const SampleMusicDocument = {"__meta__":{"hash":"194179edc825b851cb0851da32c66310a964b04028be76926149642ae73b31e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SampleMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SampleMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sampleMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<SampleMusicMutation, SampleMusicMutationVariables>;
export const MashupMusicDocument = {"__meta__":{"hash":"b8f512eb05e53aa6736b2e7cd13a2977545887a03046d7f2eaa6d978dc71a9ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MashupMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MashupMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mashupMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<MashupMusicMutation, MashupMusicMutationVariables>;
export const ReplaceSectionDocument = {"__meta__":{"hash":"14f375f5ba35f08ba8a4dfcc08de3c722812bde0c3298f372d89bbe386e73c4c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplaceSection"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReplaceSectionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replaceSection"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ReplaceSectionMutation, ReplaceSectionMutationVariables>;
export const TaskUpdatedDocument = {"__meta__":{"hash":"c88533d28d10112a94e6d03615d783328d642f6b6e9fabd04e682852526612ca"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TaskUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"taskId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taskId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"persona"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<TaskUpdatedSubscription, TaskUpdatedSubscriptionVariables>;
export const CreateMusicDocument = {"__meta__":{"hash":"d261b3a40ef7299da493e8d807bbaec7401208b433500c21312cec8462e1b5fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateMusicMutation, CreateMusicMutationVariables>;
export const SplitStemsFullDocument = {"__meta__":{"hash":"a632c88a5e06f11d695fc3f3b0707340e4dcea194388d3e7f632a729a2fdf95d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SplitStemsFull"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"splitStemsFull"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SplitStemsFullMutation, SplitStemsFullMutationVariables>;
export const SplitStemsBasicDocument = {"__meta__":{"hash":"d01568f2f7471b10a98df790a7be051ddc9aa0434b1e8a097e00c22e5dc1c1ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SplitStemsBasic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"splitStemsBasic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SplitStemsBasicMutation, SplitStemsBasicMutationVariables>;
export const CreateVoiceDocument = {"__meta__":{"hash":"f3d4f6183841664e88738cdb60dc4b8c0b998ffe9844c5a9f79e733f475f5942"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateVoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateVoiceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createVoice"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CreateVoiceMutation, CreateVoiceMutationVariables>;
export const ProducerCreateMusicDocument = {"__meta__":{"hash":"9c10731274dd70cbea8bfdeebdb048e41475408ad372bd71a6c85a0611266a08"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProducerCreateMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ProducerMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"producerCreateMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ProducerCreateMusicMutation, ProducerCreateMusicMutationVariables>;
export const ProducerGenerateLyricsDocument = {"__meta__":{"hash":"10f5261a307b9998939c9df36abd4dc26cf7718957333e08dd42c74c43097d28"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProducerGenerateLyrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"producerGenerateLyrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"prompt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"prompt"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ProducerGenerateLyricsMutation, ProducerGenerateLyricsMutationVariables>;
export const ProducerCreateVideoDocument = {"__meta__":{"hash":"59838904c46da636311f8a8d1176247aed63fa4c5c5c6c6a4f2f26327a721f60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProducerCreateVideo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"producerCreateVideo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ProducerCreateVideoMutation, ProducerCreateVideoMutationVariables>;
export const ProducerUploadMusicDocument = {"__meta__":{"hash":"957ab161a2c9972ebb614a80c011dc0ec547afe3d5c3d10e25d4ece58a9d03b7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProducerUploadMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"producerUploadMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ProducerUploadMusicMutation, ProducerUploadMusicMutationVariables>;
export const ProducerDownloadDocument = {"__meta__":{"hash":"dd3f0d02bb2901e914fd10711aa3e7f537b2998d1103d7389ddb93690b6d3d62"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProducerDownload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"format"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AudioFormat"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"producerDownload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clipId"}}},{"kind":"Argument","name":{"kind":"Name","value":"format"},"value":{"kind":"Variable","name":{"kind":"Name","value":"format"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<ProducerDownloadMutation, ProducerDownloadMutationVariables>;
export const RiffusionCreateMusicDocument = {"__meta__":{"hash":"913862d8dc6d3d0af0727251316cd643b163cb301cf9c7d542ae92412c117c26"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiffusionCreateMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RiffusionMusicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riffusionCreateMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StartedTask"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StartedTask"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]} as unknown as DocumentNode<RiffusionCreateMusicMutation, RiffusionCreateMusicMutationVariables>;
export const RiffusionUploadMusicDocument = {"__meta__":{"hash":"9e93b8013009b9a2b087f3dea906858f7f3bed61fdc0e93a50fab2399a45f45c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RiffusionUploadMusic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"riffusionUploadMusic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clipId"}}]}}]}}]} as unknown as DocumentNode<RiffusionUploadMusicMutation, RiffusionUploadMusicMutationVariables>;
export const TaskDocument = {"__meta__":{"hash":"09bb6ea203851912f23a125749d5c2051406b619b8bce61a93f9696b5c7d3e8c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Task"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"persona"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<TaskQuery, TaskQueryVariables>;
export const TasksDocument = {"__meta__":{"hash":"5ccbd7fbd90fff6e7e4f3ce8b814a5fc427319e948107be20551195582116ea0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"persona"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<TasksQuery, TasksQueryVariables>;
export const TaskWithDeferredStemsDocument = {"__meta__":{"hash":"c90f5b8d35c9f20e1e0097859eb52dfbeaa3cc86ff960d68a9b1461de3efec77"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskWithDeferredStems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"InlineFragment","directives":[{"kind":"Directive","name":{"kind":"Name","value":"defer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"label"},"value":{"kind":"StringValue","value":"stems","block":false}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}}]} as unknown as DocumentNode<TaskWithDeferredStemsQuery, TaskWithDeferredStemsQueryVariables>;
export const ViewerDocument = {"__meta__":{"hash":"d45bfb65f25b015e57c74b6e4533525cdf7cb3712c3271680522fced240a094b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskStatus"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"persona"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const ViewerTaskUpdatedDocument = {"__meta__":{"hash":"bafe0b434688a9939874f0d32158370b67eb6d74723f8ecfafa6a520c40a3ba7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ViewerTaskUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewerTaskUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskFields"}},{"kind":"Field","name":{"kind":"Name","value":"observedAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClipFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Clip"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"audioUrl"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"persona"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"clips"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"clip"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClipFields"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerTaskUpdatedSubscription, ViewerTaskUpdatedSubscriptionVariables>;
/**
 * What the gateway asks of the upstream, in domain terms, and the upstream JSON body each request becomes.
 * Field names and which call takes which field are recorded with their sources in docs/upstream.md §3 and §9.
 */
import type { MusicModel, ProducerModel } from '../domain/models.js';

export const wireModel: Record<MusicModel, string> = {
  SONIC_V3_5: 'sonic-v3-5',
  SONIC_V4: 'sonic-v4',
  SONIC_V4_5: 'sonic-v4-5',
  SONIC_V4_5_PLUS: 'sonic-v4-5-plus',
  SONIC_V5: 'sonic-v5',
  SONIC_V5_5: 'sonic-v5-5',
  SONIC_V6: 'sonic-v6',
  SONIC_V6_WILD: 'sonic-v6-wild',
  SONIC_V6_MINI: 'sonic-v6-mini',
};

export const wireProducerModel: Record<ProducerModel, string> = {
  FUZZ_3_DEMO: 'FUZZ-3-Demo',
  FUZZ_2_0: 'FUZZ-2.0',
  FUZZ_2_0_PRO: 'FUZZ-2.0 Pro',
  FUZZ_2_0_RAW: 'FUZZ-2.0 Raw',
  FUZZ_1_1_PRO: 'FUZZ-1.1 Pro',
  FUZZ_1_1: 'FUZZ-1.1',
  FUZZ_1_0_PRO: 'FUZZ-1.0 Pro',
  FUZZ_1_0: 'FUZZ-1.0',
  FUZZ_0_8: 'FUZZ-0.8',
};

export type VocalGender = 'FEMALE' | 'MALE';
export type RemasterVariation = 'SUBTLE' | 'NORMAL' | 'HIGH';
export type AudioFormat = 'MP3' | 'WAV';

export interface ClipRequest {
  clipId: string;
}

/** Fields shared by every song-making call (create, extend, cover, persona, sample, mashup, upload-and-...). */
export interface MusicRequest {
  model: MusicModel;
  /** Custom mode: lyrics, title and tags are given; otherwise a description is. */
  customMode: boolean;
  lyrics?: string | null;
  title?: string | null;
  tags?: string | null;
  negativeTags?: string | null;
  description?: string | null;
  instrumental?: boolean | null;
  autoLyrics?: boolean | null;
  vocalGender?: VocalGender | null;
  styleWeight?: number | null;
  audioWeight?: number | null;
  weirdness?: number | null;
}

export type ExtendRequest = MusicRequest & ClipRequest & { continueAt: number };
export type CoverRequest = MusicRequest & ClipRequest;
export type PersonaMusicRequest = MusicRequest & { personaId: string };
export type UploadExtendRequest = MusicRequest & { url: string; continueAt: number; autoConcat?: boolean | null };
export type UploadCoverRequest = MusicRequest & { url: string };
export type SampleRequest = MusicRequest & {
  sampleClipId?: string | null;
  url?: string | null;
  sampleStart: number;
  sampleEnd: number;
};
export type MashupRequest = MusicRequest & { clipIds: string[] };

export interface RemasterRequest extends ClipRequest {
  model: MusicModel;
  variation?: RemasterVariation | null;
}

/** Adding a part (vocals or accompaniment) to an uploaded clip. */
export interface AddPartRequest extends ClipRequest {
  model: MusicModel;
  lyrics?: string | null;
  tags?: string | null;
  negativeTags?: string | null;
  vocalGender?: VocalGender | null;
  styleWeight?: number | null;
  audioWeight?: number | null;
  weirdness?: number | null;
}

export interface ReplaceSectionRequest extends ClipRequest {
  model: MusicModel;
  start: number;
  end: number;
  /** The song's lyrics around the section, for context. */
  lyrics: string;
  /** The new lyrics of the section. */
  sectionLyrics: string;
  tags?: string | null;
  negativeTags?: string | null;
  vocalGender?: VocalGender | null;
  autoConcat?: boolean | null;
}

export interface PersonaRequest extends ClipRequest {
  name: string;
  description?: string | null;
  styles?: string | null;
  voxAudioId?: string | null;
  vocalStart?: number | null;
  vocalEnd?: number | null;
}

export interface VoxRequest extends ClipRequest {
  vocalStart?: number | null;
  vocalEnd?: number | null;
}

export interface UrlRequest {
  url: string;
}
export interface TagsRequest {
  tags: string;
}
export interface DescriptionRequest {
  description: string;
}
export interface PromptRequest {
  prompt: string;
}

export interface ProducerMusicRequest {
  sound?: string | null;
  lyrics?: string | null;
  model?: ProducerModel | null;
  title?: string | null;
  seed?: string | null;
  instrumental?: boolean | null;
}

export interface ProducerDownloadRequest extends ClipRequest {
  format: AudioFormat;
}

export type WireBody = Record<string, unknown>;

/** Drops null and undefined so the upstream sees only what the client set. */
function compact(body: WireBody): WireBody {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null));
}

const genderCode = (g: VocalGender | null | undefined) => (g === 'FEMALE' ? 'f' : g === 'MALE' ? 'm' : undefined);

/** The song fields every song-making endpoint documents (no task_type: some endpoints take none). */
export function songBody(r: MusicRequest): WireBody {
  return compact({
    custom_mode: r.customMode,
    mv: wireModel[r.model],
    prompt: r.customMode ? r.lyrics : undefined,
    title: r.title,
    tags: r.tags,
    negative_tags: r.negativeTags,
    gpt_description_prompt: r.customMode ? undefined : r.description,
    make_instrumental: r.instrumental,
    auto_lyrics: r.autoLyrics,
    vocal_gender: genderCode(r.vocalGender),
    style_weight: r.styleWeight,
    audio_weight: r.audioWeight,
    weirdness_constraint: r.weirdness,
  });
}

/**
 * A song-making call of /api/v1/sonic/create with the given task_type. `use_suno_cdn` is a /sonic/create schema
 * property only (no source shows it on sample, mashup, upload-extend or upload-cover: docs/upstream.md §15.4), and
 * sources disagree on whether it is required there (§3.1); false is always accepted.
 */
export const createBody =
  (taskType: string) =>
  (r: MusicRequest): WireBody => ({ task_type: taskType, ...songBody(r), use_suno_cdn: false });

export const extendBody =
  (taskType: string) =>
  (r: ExtendRequest): WireBody => ({ ...createBody(taskType)(r), continue_clip_id: r.clipId, continue_at: r.continueAt });

export const coverBody =
  (taskType: string) =>
  (r: CoverRequest): WireBody => ({ ...createBody(taskType)(r), continue_clip_id: r.clipId });

export const concatBody = (r: ClipRequest): WireBody => ({ task_type: 'concat_music', continue_clip_id: r.clipId });

export const personaMusicBody = (r: PersonaMusicRequest): WireBody => ({
  ...createBody('persona_music')(r),
  persona_id: r.personaId,
});

export const remasterBody = (r: RemasterRequest): WireBody =>
  compact({
    task_type: 'remaster',
    continue_clip_id: r.clipId,
    mv: wireModel[r.model],
    variation_category: r.variation?.toLowerCase(),
  });

/** add_vocals carries lyrics in `prompt`, so it is a custom-mode call; add_instrumental carries none. */
export const addPartBody =
  (taskType: 'add_vocals' | 'add_instrumental') =>
  (r: AddPartRequest): WireBody =>
    compact({
      task_type: taskType,
      continue_clip_id: r.clipId,
      mv: wireModel[r.model],
      custom_mode: taskType === 'add_vocals' ? true : undefined,
      prompt: r.lyrics,
      tags: r.tags,
      negative_tags: r.negativeTags,
      vocal_gender: genderCode(r.vocalGender),
      style_weight: r.styleWeight,
      audio_weight: r.audioWeight,
      weirdness_constraint: r.weirdness,
    });

export const uploadExtendBody = (r: UploadExtendRequest): WireBody =>
  compact({ ...songBody(r), url: r.url, continue_at: r.continueAt, auto_concat: r.autoConcat });

export const uploadCoverBody = (r: UploadCoverRequest): WireBody => ({ ...songBody(r), url: r.url });

export const sampleBody = (r: SampleRequest): WireBody =>
  compact({
    ...songBody(r),
    sample_clip_id: r.sampleClipId,
    url: r.url,
    chop_sample_start_s: r.sampleStart,
    chop_sample_end_s: r.sampleEnd,
  });

export const mashupBody = (r: MashupRequest): WireBody => ({ ...songBody(r), mashup_clip_ids: r.clipIds });

export const replaceSectionBody = (r: ReplaceSectionRequest): WireBody =>
  compact({
    clip_id: r.clipId,
    mv: wireModel[r.model],
    infill_start_s: r.start,
    infill_end_s: r.end,
    prompt: r.lyrics,
    infill_lyrics: r.sectionLyrics,
    tags: r.tags,
    negative_tags: r.negativeTags,
    vocal_gender: genderCode(r.vocalGender),
    auto_concat: r.autoConcat,
  });

export const clipBody = (r: ClipRequest): WireBody => ({ clip_id: r.clipId });

export const personaBody = (r: PersonaRequest): WireBody =>
  compact({
    clip_id: r.clipId,
    name: r.name,
    describe: r.description,
    styles: r.styles,
    vox_audio_id: r.voxAudioId,
    vocal_start_s: r.vocalStart,
    vocal_end_s: r.vocalEnd,
  });

export const voxBody = (r: VoxRequest): WireBody => compact({ clip_id: r.clipId, vocal_start_s: r.vocalStart, vocal_end_s: r.vocalEnd });

export const urlBody = (r: UrlRequest): WireBody => ({ url: r.url });

/** Create voice (docs/upstream.md §3.5): the audio's public URL. `name` was never seen sent, so none is. */
export interface VoiceRequest {
  audioUrl: string;
}
export const voiceBody = (r: VoiceRequest): WireBody => ({ audio_url: r.audioUrl });
export const tagsBody = (r: TagsRequest): WireBody => ({ tags: r.tags });
export const descriptionBody = (r: DescriptionRequest): WireBody => ({ description: r.description });
export const promptBody = (r: PromptRequest): WireBody => ({ prompt: r.prompt });
export const emptyBody = (): WireBody => ({});

export const producerMusicBody = (r: ProducerMusicRequest): WireBody =>
  compact({
    task_type: 'create_music',
    sound: r.sound,
    lyrics: r.lyrics,
    mv: r.model ? wireProducerModel[r.model] : undefined,
    title: r.title,
    seed: r.seed,
    make_instrumental: r.instrumental,
  });

export const producerDownloadBody = (r: ProducerDownloadRequest): WireBody => ({
  clip_id: r.clipId,
  format: r.format.toLowerCase(),
});

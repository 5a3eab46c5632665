/**
 * The Riffusion family (deprecated upstream: "riffusion(Deprecated)" in every docs navigation): what a request asks
 * for and the body it becomes, field by field as docs.musicapi.ai documents POST /api/v1/riffusion/create and
 * /api/v1/riffusion/upload (docs/upstream.md §9.5). Its tasks are read through GET /api/v1/riffusion/task/{id}, whose
 * clips carry a `state` each like Sonic's (wire.ts reads both). A retired family answers 410: UPSTREAM_GONE.
 */
import type { RiffusionModel, RiffusionTaskType } from '../domain/models.js';
import type { WireBody } from './requests.js';

export const wireRiffusionModel: Record<RiffusionModel, string> = {
  FUZZ_1_1_PRO: 'FUZZ-1.1 Pro',
  FUZZ_1_0_PRO: 'FUZZ-1.0 Pro',
  FUZZ_1_1: 'FUZZ-1.1',
  FUZZ_1_0: 'FUZZ-1.0',
};

/** The `task_type` enum of the extend page (https://docs.musicapi.ai/riffusion-extend-music). */
export const wireRiffusionTaskType: Record<RiffusionTaskType, string> = {
  CREATE: 'create_music',
  EXTEND: 'extend_music',
  COVER: 'cover_music',
  EXTEND_UPLOADED: 'extend_upload_music',
  COVER_UPLOADED: 'cover_upload_music',
  REPLACE: 'replace_music',
  SWAP_SOUND: 'swap_music_sound',
  SWAP_VOCALS: 'swap_music_vocals',
  REPLACE_UPLOADED: 'replace_upload_music',
  SWAP_UPLOADED_SOUND: 'swap_upload_music_sound',
  SWAP_UPLOADED_VOCALS: 'swap_upload_music_vocals',
};

export interface RiffusionMusicRequest {
  taskType: RiffusionTaskType;
  model: RiffusionModel;
  /** Custom mode: lyrics (and title, sound) are given; otherwise a description (`prompt`). */
  customMode: boolean;
  lyrics?: string | null;
  title?: string | null;
  sound?: string | null;
  description?: string | null;
  instrumental?: boolean | null;
  /** The clip to work on, for every task type but CREATE. */
  clipId?: string | null;
  /** Where to continue, in whole seconds (the docs type it "integer"), for the EXTEND types. */
  continueAt?: number | null;
}

const compact = (body: WireBody): WireBody => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null));

/**
 * The documented create examples send no `task_type` (lyrics, description); the extend example sends one. So it is
 * sent for every type but CREATE, and `make_instrumental` only when the caller chose (the description example omits it).
 */
export const riffusionMusicBody = (r: RiffusionMusicRequest): WireBody =>
  compact({
    task_type: r.taskType === 'CREATE' ? undefined : wireRiffusionTaskType[r.taskType],
    custom_mode: r.customMode,
    mv: wireRiffusionModel[r.model],
    lyrics: r.customMode ? r.lyrics : undefined,
    title: r.title,
    sound: r.sound,
    prompt: r.customMode ? undefined : r.description,
    make_instrumental: r.instrumental,
    continue_clip_id: r.taskType === 'CREATE' ? undefined : r.clipId,
    continue_at: r.taskType === 'CREATE' ? undefined : r.continueAt,
  });

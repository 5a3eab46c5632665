/**
 * Every submitting upstream operation, as data: its path, the task kind it creates, its credit cost and how a
 * domain request becomes the upstream's JSON body. Resolvers derive GraphQL mutations from this table.
 * Paths, bodies and costs are recorded with their sources in docs/upstream.md.
 */
import type { MusicModel } from './types.js';

export const taskKinds = ['CREATE_MUSIC', 'STEMS_FULL', 'STEMS_BASIC', 'UNKNOWN'] as const;
export type TaskKind = (typeof taskKinds)[number];

export interface UpstreamOperation<Input> {
  kind: Exclude<TaskKind, 'UNKNOWN'>;
  path: string;
  /** Credits the upstream charges per task, from its credits guide; null when not published. */
  creditCost: number | null;
  /** Whether the upstream accepts `webhook_url`/`webhook_secret` on this call. */
  acceptsWebhook: boolean;
  toBody(input: Input): Record<string, unknown>;
}

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

export interface ClipRequest {
  clipId: string;
}

/** Fields shared by every song-making call of /api/v1/sonic/create. */
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
  vocalGender?: 'FEMALE' | 'MALE' | null;
  styleWeight?: number | null;
  audioWeight?: number | null;
  weirdness?: number | null;
}

/** Drops null and undefined so the upstream sees only what the client set. */
function compact(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null));
}

function musicBody(taskType: string, r: MusicRequest): Record<string, unknown> {
  return compact({
    task_type: taskType,
    custom_mode: r.customMode,
    mv: wireModel[r.model],
    prompt: r.customMode ? r.lyrics : undefined,
    title: r.title,
    tags: r.tags,
    negative_tags: r.negativeTags,
    gpt_description_prompt: r.customMode ? undefined : r.description,
    make_instrumental: r.instrumental,
    auto_lyrics: r.autoLyrics,
    vocal_gender: r.vocalGender === 'FEMALE' ? 'f' : r.vocalGender === 'MALE' ? 'm' : undefined,
    style_weight: r.styleWeight,
    audio_weight: r.audioWeight,
    weirdness_constraint: r.weirdness,
    // Sources disagree on whether this is required (docs/upstream.md §3.1); false is always accepted.
    use_suno_cdn: false,
  });
}

const clipBody = (r: ClipRequest) => ({ clip_id: r.clipId });

export const operations = {
  createMusic: {
    kind: 'CREATE_MUSIC',
    path: '/api/v1/sonic/create',
    creditCost: 15,
    acceptsWebhook: true,
    toBody: (r: MusicRequest) => musicBody('create_music', r),
  },
  stemsFull: {
    kind: 'STEMS_FULL',
    path: '/api/v1/sonic/stems/full',
    creditCost: null,
    acceptsWebhook: false,
    toBody: clipBody,
  },
  stemsBasic: {
    kind: 'STEMS_BASIC',
    path: '/api/v1/sonic/stems/basic',
    creditCost: null,
    acceptsWebhook: false,
    toBody: clipBody,
  },
} satisfies Record<string, UpstreamOperation<never>>;

export type OperationName = keyof typeof operations;

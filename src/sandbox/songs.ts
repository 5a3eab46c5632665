/**
 * The sandbox's Sonic endpoints that start tasks: /sonic/create with each task_type, upload-extend, upload-cover,
 * sample, mashup, replace-section, create-voice and the stems splits. Each checks its body as the upstream does (docs/upstream.md
 * §3) and says which clips its task will produce; what it costs is the documented price (contract.ts).
 */
import { audioUrl, failureAsked, flag, SandboxError, seconds, text, weight, type Body } from './checks.js';
import { requireClip, seed, type RouteContext, type SandboxRoute } from './route-kit.js';
import { olderModels, sampleOnlyModels, sonicModels } from './contract.js';
import { stemParts, type StemPart } from './music/song.js';
import type { ClipSeed } from './store.js';

const isOlderModel = (mv: string) => olderModels.includes(mv);

/** The `mv` of a body, one of the documented models; sample and mashup also take `sonic-v4-5-all` (§8). */
function model(body: Body, required = false, extra: readonly string[] = []): string {
  const mv = text(body, 'mv', 40, required) || 'sonic-v4-5';
  if (!sonicModels.includes(mv) && !extra.includes(mv)) throw new SandboxError(400, "The 'mv' field is invalid.");
  return mv;
}

function styleChecks(body: Body, mv: string): string {
  for (const field of ['style_weight', 'audio_weight', 'weirdness_constraint']) weight(body, field);
  const vocal = body.vocal_gender;
  if (vocal !== undefined && vocal !== 'f' && vocal !== 'm') throw new SandboxError(400, "The 'vocal_gender' field should be 'f' or 'm'.");
  text(body, 'negative_tags', isOlderModel(mv) ? 200 : 1000, false);
  return text(body, 'tags', isOlderModel(mv) ? 200 : 1000, false);
}

/** Two takes of a song from the song fields of a create-like body; `fallbackTitle` names them when no title is given. */
function songTakes(body: Body, fallbackTitle?: string, duration?: number, models: readonly string[] = []): ClipSeed[] {
  const mv = model(body, false, models);
  const custom = flag(body, 'custom_mode');
  const instrumental = flag(body, 'make_instrumental');
  const autoLyrics = flag(body, 'auto_lyrics');
  const tags = styleChecks(body, mv);
  const title = text(body, 'title', 80, false);
  const lyrics = text(body, 'prompt', isOlderModel(mv) ? 3000 : 5000, custom && !instrumental && !autoLyrics);
  const description = text(body, 'gpt_description_prompt', 400, !custom);
  const name = title || fallbackTitle || description.split(/\s+/).slice(0, 4).join(' ') || 'Untitled';
  return [1, 2].map((n) =>
    seed({
      title: n === 1 ? name : `${name} (take 2)`,
      tags,
      lyrics: instrumental ? '' : lyrics,
      description,
      model: mv,
      ...(duration === undefined ? {} : { duration }),
    }),
  );
}

type ClipMaker = (body: Body, ctx: RouteContext) => ClipSeed[];

function extend(body: Body, { store }: RouteContext): ClipSeed[] {
  const source = requireClip(store, body, 'continue_clip_id');
  const at = seconds(body, 'continue_at', true) ?? 0;
  if (at >= source.duration) throw new SandboxError(400, "The 'continue_at' field should be less than the clip duration.");
  return songTakes(body, `${source.title} (extended)`);
}

function cover(body: Body, { store }: RouteContext): ClipSeed[] {
  const source = requireClip(store, body, 'continue_clip_id');
  return songTakes(body, `${source.title} (cover)`, source.duration);
}

function uploadedSource(body: Body, { store }: RouteContext): ClipSeed {
  const source = requireClip(store, body, 'continue_clip_id');
  if (!source.uploaded) throw new SandboxError(400, 'This feature only works with tracks uploaded through our API.');
  return source;
}

function addPart(part: 'vocals' | 'instrumental'): ClipMaker {
  return (body, ctx) => {
    const source = uploadedSource(body, ctx);
    const mv = model(body, true);
    const tags = styleChecks(body, mv);
    const lyrics = text(body, 'prompt', isOlderModel(mv) ? 3000 : 5000, part === 'vocals');
    return [1, 2].map((n) =>
      seed({ title: `${source.title} (with ${part}${n === 2 ? ', take 2' : ''})`, tags, lyrics, model: mv, duration: source.duration }),
    );
  };
}

/** Each task_type /api/v1/sonic/create takes (§3.1). */
const createTaskTypes: Record<string, ClipMaker> = {
  create_music: (body) => songTakes(body),
  extend_music: extend,
  extend_upload_music: extend,
  cover_music: cover,
  cover_upload_music: cover,
  concat_music: (body, { store }) => {
    const source = requireClip(store, body, 'continue_clip_id');
    return [seed({ title: `${source.title} (full)`, tags: source.tags, lyrics: source.lyrics, model: source.model })];
  },
  persona_music: (body, { store, owner }) => {
    if (!body.persona_id) throw new SandboxError(400, "The 'persona_id' field is required when task_type = persona_music.");
    const persona = store.persona(text(body, 'persona_id', 100, true), owner);
    if (!persona) throw new SandboxError(400, 'record not found.');
    return songTakes(body, `${persona.name} sings`);
  },
  remaster: (body, { store }) => {
    const source = requireClip(store, body, 'continue_clip_id');
    const mv = model(body, true);
    const variation = body.variation_category;
    if (variation !== undefined && !['subtle', 'normal', 'high'].includes(String(variation))) {
      throw new SandboxError(400, "The 'variation_category' field should be subtle, normal or high.");
    }
    return [1, 2].map((n) =>
      seed({ title: `${source.title} (remaster ${n})`, tags: source.tags, lyrics: source.lyrics, model: mv, duration: source.duration }),
    );
  },
  add_vocals: addPart('vocals'),
  add_instrumental: addPart('instrumental'),
};

function taskRoute(kind: string, make: ClipMaker): SandboxRoute {
  return (body, ctx) => ({ task: { family: 'sonic', kind, clips: make(body, ctx), failWith: failureAsked(body) } });
}

const create: SandboxRoute = (body, ctx) => {
  const taskType = text(body, 'task_type', 40, false) || 'create_music';
  const make = createTaskTypes[taskType];
  if (!make) throw new SandboxError(400, `The 'task_type' field is invalid: ${taskType}.`);
  return taskRoute(taskType, make)(body, ctx);
};

export const fullStemNames = stemParts;
export const basicStemNames = ['Vocals', 'Instrumental'] as const;

/** The parts of a source's audio that one stem of a split keeps: a split of a stem keeps that stem or nothing. */
function partsOf(source: ClipSeed, stem: string): StemPart[] {
  const held = source.audio?.parts ?? stemParts;
  return stem === 'Instrumental' ? held.filter((p) => p !== 'Vocals') : held.filter((p) => p === stem);
}

function stems(names: readonly string[]): ClipMaker {
  return (body, { store }) => {
    const source = requireClip(store, body, 'clip_id');
    const song = source.audio?.song ?? source.id;
    return names.map((stem) =>
      seed({
        title: `${source.title} (${stem})`,
        tags: source.tags,
        model: source.model,
        duration: source.duration,
        audio: { song, parts: partsOf(source, stem) },
      }),
    );
  };
}

export const songRoutes: Record<string, SandboxRoute> = {
  '/api/v1/sonic/create': create,
  '/api/v1/sonic/upload-extend': taskRoute('upload_extend', (body) => {
    audioUrl(body);
    seconds(body, 'continue_at', true);
    flag(body, 'auto_concat');
    return songTakes(body, 'Uploaded song (extended)');
  }),
  '/api/v1/sonic/upload-cover': taskRoute('upload_cover', (body) => {
    audioUrl(body);
    return songTakes(body, 'Uploaded song (cover)');
  }),
  '/api/v1/sonic/sample': taskRoute('sample', (body, { store }) => {
    let title = 'Sampled song';
    if (body.sample_clip_id === undefined) audioUrl(body);
    else title = `${requireClip(store, body, 'sample_clip_id').title} (sampled)`;
    const start = seconds(body, 'chop_sample_start_s', true) ?? 0;
    const end = seconds(body, 'chop_sample_end_s', true) ?? 0;
    if (end <= start) throw new SandboxError(400, 'chop_sample_end_s should be greater than chop_sample_start_s.');
    return songTakes(body, title, undefined, sampleOnlyModels);
  }),
  '/api/v1/sonic/mashup': taskRoute('mashup', (body, { store }) => {
    const ids = body.mashup_clip_ids;
    if (!Array.isArray(ids) || ids.length !== 2) throw new SandboxError(400, 'mashup_clip_ids should hold exactly 2 clip ids.');
    const [a, b] = ids.map((id) => requireClip(store, { id }, 'id'));
    return songTakes(body, `${a?.title} × ${b?.title}`, undefined, sampleOnlyModels);
  }),
  '/api/v1/sonic/replace-section': taskRoute('replace_section', (body, { store }) => {
    const source = requireClip(store, body, 'clip_id');
    const mv = model(body, true);
    const start = seconds(body, 'infill_start_s', true) ?? 0;
    const end = seconds(body, 'infill_end_s', true) ?? 0;
    if (end <= start || end > source.duration) {
      throw new SandboxError(400, 'infill_end_s should be greater than infill_start_s and within the clip.');
    }
    const tags = styleChecks(body, mv);
    const lyrics = text(body, 'prompt', 5000, true);
    text(body, 'infill_lyrics', 5000, true);
    return [1, 2].map((n) => seed({ title: `${source.title} (replaced${n === 2 ? ', full' : ''})`, tags, lyrics, model: mv }));
  }),
  // §3.5: a voice from a public audio URL becomes a persona once the task succeeds; no clips.
  '/api/v1/sonic/create-voice': (body) => {
    const url = audioUrl(body, 'audio_url');
    const file = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '').replace(/\.\w+$/, '');
    return { task: { family: 'sonic', kind: 'create_voice', clips: [], failWith: failureAsked(body), voiceName: file || 'My Voice' } };
  },
  '/api/v1/sonic/stems/full': taskRoute('stems_full', stems(fullStemNames)),
  '/api/v1/sonic/stems/basic': taskRoute('stems_basic', stems(basicStemNames)),
};

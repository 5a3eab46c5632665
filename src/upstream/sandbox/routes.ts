/**
 * The sandbox's submitting endpoints, keyed by path: each checks its body as the upstream does and
 * returns the clips its task will produce. Shapes follow docs/upstream.md.
 */
import { randomUUID } from 'node:crypto';
import { wireModel } from '../operations.js';
import type { ClipSeed, SandboxStore } from './store.js';

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RouteResult {
  kind: string;
  clips: ClipSeed[];
  failWith: string | null;
}

export type SandboxRoute = (body: Record<string, unknown>, store: SandboxStore) => RouteResult;

const models = new Set(Object.values(wireModel));
const isOlderModel = (mv: string) => mv === 'sonic-v3-5' || mv === 'sonic-v4';

/** Any request text containing this marker makes its task end in the failed state. */
export const failMarker = 'sandbox:fail';

function text(body: Record<string, unknown>, field: string, max: number, required: boolean): string {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    if (required) throw new SandboxError(400, `${field} is required.`);
    return '';
  }
  if (typeof value !== 'string') throw new SandboxError(400, `${field} must be a string`);
  if (value.length > max) throw new SandboxError(400, `The ${field} character length should be less than ${max}.`);
  return value;
}

function failureAsked(body: Record<string, unknown>): string | null {
  return JSON.stringify(body).includes(failMarker) ? 'Generation failed (requested by sandbox:fail).' : null;
}

function seed(fields: Partial<ClipSeed> & { title: string }): ClipSeed {
  return {
    id: randomUUID(),
    tags: '',
    lyrics: '',
    description: '',
    model: 'sonic-v4-5',
    duration: 60 + Math.round(Math.random() * 18000) / 100,
    ...fields,
  };
}

function createMusic(body: Record<string, unknown>): RouteResult {
  const taskType = text(body, 'task_type', 40, true);
  if (taskType !== 'create_music') throw new SandboxError(400, `unsupported task_type ${taskType}`);
  const mv = text(body, 'mv', 40, false) || 'sonic-v4-5';
  if (!models.has(mv)) throw new SandboxError(400, "The 'mv' field is invalid.");
  for (const flag of ['custom_mode', 'make_instrumental', 'auto_lyrics']) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') {
      throw new SandboxError(400, `The '${flag}' field should be boolean.`);
    }
  }
  const custom = body.custom_mode === true;
  const instrumental = body.make_instrumental === true;
  const title = text(body, 'title', 80, false);
  const tags = text(body, 'tags', isOlderModel(mv) ? 200 : 1000, false);
  const lyrics = text(body, 'prompt', isOlderModel(mv) ? 3000 : 5000, custom && !instrumental && body.auto_lyrics !== true);
  const description = text(body, 'gpt_description_prompt', 400, !custom);
  const name = title || description.split(/\s+/).slice(0, 4).join(' ') || 'Untitled';
  const clips = [1, 2].map((n) =>
    seed({ title: n === 1 ? name : `${name} (take 2)`, tags, lyrics: instrumental ? '' : lyrics, description, model: mv }),
  );
  return { kind: 'create_music', clips, failWith: failureAsked(body) };
}

export const fullStemNames = [
  'Vocals',
  'Backing Vocals',
  'Drums',
  'Bass',
  'Guitar',
  'Keyboard',
  'Percussion',
  'Strings',
  'Synth',
  'FX',
  'Brass',
  'Woodwinds',
] as const;
export const basicStemNames = ['Vocals', 'Instrumental'] as const;

function stems(kind: string, names: readonly string[]): SandboxRoute {
  return (body, store) => {
    const clipId = text(body, 'clip_id', 100, true);
    const source = store.clip(clipId);
    if (!source) throw new SandboxError(400, 'record not found.');
    const clips = names.map((stem) =>
      seed({ title: `${source.title} (${stem})`, tags: source.tags, model: source.model, duration: source.duration }),
    );
    return { kind, clips, failWith: failureAsked(body) };
  };
}

export const sandboxRoutes: Record<string, SandboxRoute> = {
  '/api/v1/sonic/create': createMusic,
  '/api/v1/sonic/stems/full': stems('stems_full', fullStemNames),
  '/api/v1/sonic/stems/basic': stems('stems_basic', basicStemNames),
};

/**
 * What a sandbox route is: a function from a checked request body to a task it starts or an answer it gives, with
 * the helpers every route module uses to find the clip a request names and to make the clips a task will produce.
 */
import { randomUUID } from 'node:crypto';
import { SandboxError, text, type Body } from './checks.js';
import type { TaskFamily } from './contract.js';
import type { ClipSeed, SandboxStore } from './store.js';

/** A task a route starts: what it will produce, and whether it is to fail. */
export interface TaskSpec {
  family: TaskFamily;
  kind: string;
  clips: ClipSeed[];
  failWith: string | null;
  /** A create-voice task: the name of the persona it makes. */
  voiceName?: string;
}

/**
 * What a route does with a valid request: start a task, or answer at once. It costs the endpoint's documented price
 * (contract.ts) unless the route says otherwise (`cost`). `answer` runs only once the key's credits cover the cost,
 * so a refused request changes nothing.
 */
export type RouteResult = { cost?: number; task: TaskSpec } | { cost?: number; answer: () => unknown };

export interface RouteContext {
  store: SandboxStore;
  /** The bearer token of the request. */
  owner: string;
}

export type SandboxRoute = (body: Body, ctx: RouteContext) => RouteResult;

export function requireClip(store: SandboxStore, body: Body, field: string): ClipSeed {
  const clip = store.clip(text(body, field, 100, true));
  if (!clip) throw new SandboxError(400, 'record not found.');
  return clip;
}

export function seed(fields: Partial<ClipSeed> & { title: string }): ClipSeed {
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

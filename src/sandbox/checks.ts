/**
 * How sandbox endpoints read a request body the way the upstream does: typed fields, upstream-worded 400s, and the
 * shapes of what routes return. Shared by every route module.
 */
import { randomUUID } from 'node:crypto';
import type { ClipSeed, SandboxStore } from './store.js';

/** The two live families of task endpoints (docs/upstream.md §1). */
export type TaskFamily = 'sonic' | 'producer';

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Body = Record<string, unknown>;

/** A task a route starts: what it will produce, and whether it is to fail. */
export interface TaskSpec {
  family: TaskFamily;
  kind: string;
  clips: ClipSeed[];
  failWith: string | null;
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

/** Any request text containing this marker makes its task end in the failed state. */
export const failMarker = 'sandbox:fail';

export function failureAsked(body: Body): string | null {
  return JSON.stringify(body).includes(failMarker) ? 'Generation failed (requested by sandbox:fail).' : null;
}

/**
 * Any request text containing `sandbox:hold:<ms>` is answered that many milliseconds late (at most 60 s): a POST
 * held in flight, for tests of what a gateway that dies or stops meanwhile does.
 */
export function holdAsked(body: Body): number {
  const ms = /sandbox:hold:(\d{1,5})/.exec(JSON.stringify(body))?.[1];
  return ms ? Math.min(60_000, Number(ms)) : 0;
}

const missing = (value: unknown) => value === undefined || value === null || value === '';

export function text(body: Body, field: string, max: number, required: boolean): string {
  const value = body[field];
  if (missing(value)) {
    if (required) throw new SandboxError(400, `${field} is required.`);
    return '';
  }
  if (typeof value !== 'string') throw new SandboxError(400, `${field} must be a string`);
  if (value.length > max) throw new SandboxError(400, `The ${field} character length should be less than ${max}.`);
  return value;
}

export function flag(body: Body, field: string): boolean {
  const value = body[field];
  if (value !== undefined && typeof value !== 'boolean') throw new SandboxError(400, `The '${field}' field should be boolean.`);
  return value === true;
}

/** A number of seconds, or undefined when absent and not required. */
export function seconds(body: Body, field: string, required: boolean): number | undefined {
  const value = body[field];
  if (missing(value)) {
    if (required) throw new SandboxError(400, `${field} is required.`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new SandboxError(400, `The '${field}' field should be a non-negative number.`);
  }
  return value;
}

export function weight(body: Body, field: string): void {
  const value = body[field];
  if (value === undefined) return;
  if (typeof value !== 'number' || value < 0 || value > 1) throw new SandboxError(400, `The '${field}' field should be between 0 and 1.`);
}

export function audioUrl(body: Body, field = 'url'): string {
  const value = text(body, field, 2048, true);
  if (!/^https?:\/\/\S+$/.test(value)) {
    throw new SandboxError(400, 'Audio URL is not accessible. Please provide a public direct audio file URL.');
  }
  return value;
}

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

/** A small number derived from an id, so analysis answers are stable per clip. */
export function stableNumber(id: string, min: number, max: number): number {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return min + (hash % (max - min + 1));
}

/**
 * How sandbox endpoints read a request body the way the upstream does: typed fields and upstream-worded 400s.
 * Shared by every route module (what a route is and returns: route-kit.ts).
 */

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Body = Record<string, unknown>;

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

/** A small number derived from an id, so analysis answers are stable per clip. */
export function stableNumber(id: string, min: number, max: number): number {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return min + (hash % (max - min + 1));
}

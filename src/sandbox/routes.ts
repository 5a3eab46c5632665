/**
 * Every endpoint the sandbox serves for POST, keyed by path: the Sonic task-starting endpoints, the Sonic endpoints that
 * answer at once, Producer and Riffusion. What a route returns is described in checks.ts.
 */
import { answerRoutes } from './answers.js';
import type { SandboxRoute } from './route-kit.js';
import { producerRoutes } from './producer.js';
import { riffusionRoutes } from './riffusion.js';
import { songRoutes } from './songs.js';

export { SandboxError, failMarker } from './checks.js';
export { type RouteResult, type SandboxRoute } from './route-kit.js';
export { basicStemNames, fullStemNames } from './songs.js';

export const sandboxRoutes: Record<string, SandboxRoute> = { ...songRoutes, ...answerRoutes, ...producerRoutes, ...riffusionRoutes };

/** The retired Nuro family: every request to it answers 410 Gone (docs/upstream.md §9.4). */
export const retiredPrefix = '/api/v1/nuro/';

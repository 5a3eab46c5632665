/**
 * The health endpoints, for load balancers and orchestrators:
 * - `/health` is readiness: 200 `{"status":"ok"}` while this instance can take paid work; 503 with the reason while
 *   it drains (`"draining"`) or cannot record paid work (`"unavailable"`: the store is unreachable, its disk is full or
 *   read-only, or outcomes wait in the outbox), so that a load balancer sends paid work elsewhere;
 * - `/health/live` is liveness: 200 while the process runs and serves, whatever its store does, so that an
 *   orchestrator does not restart instances that only wait for Redis or for disk space.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoreState } from '../../store/health.js';
import { sendJson } from './reply.js';

export const healthPath = '/health';
export const livenessPath = '/health/live';

export interface HealthSources {
  draining(): boolean;
  store(): StoreState;
  upstream: 'sandbox' | 'live';
}

/** Answers a health request; false when `req` is not one. */
export function serveHealth(req: IncomingMessage, res: ServerResponse, sources: HealthSources): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.url?.split('?')[0];
  const { upstream } = sources;
  if (path === livenessPath) {
    sendJson(res, 200, { status: 'live', upstream });
    return true;
  }
  if (path !== healthPath) return false;
  if (sources.draining()) {
    sendJson(res, 503, { status: 'draining', upstream });
    return true;
  }
  const store = sources.store();
  if (!store.ready) sendJson(res, 503, { status: 'unavailable', reason: store.reason, upstream });
  else sendJson(res, 200, { status: 'ok', upstream });
  return true;
}

/**
 * GET /metrics (Prometheus text), kept from the public: on a port of its own (METRICS_PORT, not published to the
 * internet) and/or behind a bearer token (METRICS_TOKEN, compared in constant time). With neither, it is served on
 * the public port as before.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Metrics } from '../../observability/metrics.js';
import { sendError } from './reply.js';

export const metricsPath = '/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Answers GET /metrics, with the token check when a token is set. */
export function createMetricsEndpoint(metrics: Metrics, token: string | undefined) {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET') return sendError(res, 405, 'BAD_REQUEST', 'Metrics are read with GET.', { allow: 'GET' });
    if (expected && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      return sendError(res, 401, 'UNAUTHENTICATED', 'Metrics need "Authorization: Bearer <METRICS_TOKEN>".', {
        'www-authenticate': 'Bearer',
      });
    }
    const text = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(text);
  };
}

/** The metrics listener of METRICS_PORT: /metrics and nothing else. */
export function createMetricsServer(endpoint: ReturnType<typeof createMetricsEndpoint>): Server {
  return createServer((req, res) => {
    if (req.url?.split('?')[0] === metricsPath) return void endpoint(req, res).catch(() => res.destroy());
    sendError(res, 404, 'NOT_FOUND', `Only ${metricsPath} is served here.`);
  });
}

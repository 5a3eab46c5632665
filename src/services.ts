/** The long-lived parts of a gateway process, built once from the configuration. */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createMetrics, type Metrics } from './metrics.js';
import { MemoryTaskRegistry, type TaskRegistry } from './tasks/registry.js';
import { UpstreamClient } from './upstream/client.js';

export interface Services {
  config: Config;
  upstream: UpstreamClient;
  registry: TaskRegistry;
  logger: Logger;
  metrics: Metrics;
}

export function createServices(config: Config, logger: Logger): Services {
  const metrics = createMetrics();
  const upstream = new UpstreamClient({
    baseUrl: config.upstreamUrl,
    connectTimeoutMs: config.connectTimeoutMs,
    headersTimeoutMs: config.upstreamTimeoutMs,
    bodyTimeoutMs: config.upstreamTimeoutMs,
    onCall: (call) => {
      metrics.recordUpstreamCall(call);
      logger.debug({ upstream: call }, 'upstream call');
    },
  });
  return { config, upstream, registry: new MemoryTaskRegistry(), logger, metrics };
}

export async function closeServices(services: Services): Promise<void> {
  await services.upstream.close();
}

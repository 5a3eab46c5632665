/** The long-lived parts of a gateway process, built once from the configuration. */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { MemoryTaskRegistry, type TaskRegistry } from './tasks/registry.js';
import { UpstreamClient } from './upstream/client.js';

export interface Services {
  config: Config;
  upstream: UpstreamClient;
  registry: TaskRegistry;
  logger: Logger;
}

export function createServices(config: Config, logger: Logger): Services {
  const upstream = new UpstreamClient({
    baseUrl: config.upstreamUrl,
    connectTimeoutMs: config.connectTimeoutMs,
    headersTimeoutMs: config.upstreamTimeoutMs,
    bodyTimeoutMs: config.upstreamTimeoutMs,
    onCall: (call) => logger.debug({ upstream: call }, 'upstream call'),
  });
  return { config, upstream, registry: new MemoryTaskRegistry(), logger };
}

export async function closeServices(services: Services): Promise<void> {
  await services.upstream.close();
}

/** `npm start`: read the configuration, start the in-process sandbox when there is no key, serve. */
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config.js';
import type { Sandbox } from './upstream/sandbox/server.js';

/** This process's address as seen from this machine (a wildcard listener is reached on the loopback). */
function loopbackUrl({ address, family, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://127.0.0.1:${port}`;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  // The rest of the gateway (GraphQL, the schema, undici, ...) loads only once the configuration is valid, so a bad
  // value is reported at once rather than after a second of loading.
  const [{ createGateway }, { createLogger }, { closeServices, createServices }, { createSandbox }, { loadTracing }, { webhookPath }] =
    await Promise.all([
      import('./gateway.js'),
      import('./logger.js'),
      import('./services.js'),
      import('./upstream/sandbox/server.js'),
      import('./tracing/tracing.js'),
      import('./live/webhooks.js'),
    ]);
  const logger = createLogger(config.logLevel, undefined, [config.apiKey, config.metricsToken, config.auth?.jwtSecret]);

  let sandbox: Sandbox | undefined;
  if (config.sandbox) {
    sandbox = createSandbox({ taskMs: config.sandboxTaskMs, latencyMs: config.sandboxLatencyMs });
    config.upstreamUrl = await sandbox.listen(config.sandboxPort, '127.0.0.1');
    logger.info(
      `No AIMUSICAPI_API_KEY set: using the built-in sandbox upstream at ${config.upstreamUrl} ` +
        `(simulated and free; tasks finish in ${config.sandboxTaskMs / 1000} s).`,
    );
  }

  const tracing = await loadTracing(config);
  if (tracing) logger.info(`Tracing: OTLP/HTTP to ${config.tracing.endpoint}, ${config.tracing.sampleRatio * 100} % of new traces sampled.`);
  const services = createServices(config, logger, tracing);
  const gateway = createGateway(services);
  const url = await gateway.listen(config.port, config.host);
  logger.info(`aimusic-graphql ready: GraphiQL at ${url}/graphql, health at ${url}/health`);
  if (sandbox && !config.webhookBaseUrl) {
    // The in-process sandbox can reach this process, so tasks ask it for signed webhooks as they would ask the real
    // upstream with PUBLIC_URL: a task's end reaches subscribers when it happens, not at the next poll.
    config.webhookBaseUrl = loopbackUrl(gateway.server.address() as AddressInfo);
    logger.info(`The sandbox sends its webhooks to ${config.webhookBaseUrl}${webhookPath}.`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await gateway.close();
    await closeServices(services);
    await sandbox?.close();
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('aimusic-graphql failed to start:', err instanceof Error ? err.message : err);
  }
  process.exit(1);
});

/** `npm start`: read the configuration, start the in-process sandbox when there is no key, serve. */
import { ConfigError, loadConfig } from './config.js';
import type { Sandbox } from './upstream/sandbox/server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // The rest of the gateway (GraphQL, the schema, undici, ...) loads only once the configuration is valid, so a bad
  // value is reported at once rather than after a second of loading.
  const [{ createGateway }, { createLogger }, { closeServices, createServices }, { createSandbox }, { loadTracing }] = await Promise.all([
    import('./gateway.js'),
    import('./logger.js'),
    import('./services.js'),
    import('./upstream/sandbox/server.js'),
    import('./tracing/tracing.js'),
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

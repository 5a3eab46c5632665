/**
 * `npm start`: read the configuration, start the in-process sandbox when there is no key, bind the listener, resolve
 * and freeze the configuration (the sandbox's URL, this process's own address for the sandbox's webhooks), then
 * build the services and the gateway and serve.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, resolveConfig } from './config.js';
import type { Sandbox } from './sandbox/index.js';

/** This process's address as seen from this machine (a wildcard listener is reached on the loopback). */
function loopbackUrl({ address, family, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://127.0.0.1:${port}`;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}

/** The listener, bound before anything is built; until the gateway takes it over it answers 503 (starting). */
function bindListener(port: number, host: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
    res.end(JSON.stringify({ status: 'starting' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  // The rest of the gateway (GraphQL, the schema, undici, ...) loads only once the configuration is valid, so a bad
  // value is reported at once rather than after a second of loading.
  const [
    { createGateway, loadSchema },
    { createLogger },
    { closeServices, createServices },
    { createSandbox },
    { loadTracing },
    { webhookPath },
  ] = await Promise.all([
    import('./app/gateway.js'),
    import('./observability/logger.js'),
    import('./app/services.js'),
    import('./sandbox/index.js'),
    import('./observability/tracing.js'),
    import('./submit/webhook-request.js'),
  ]);
  const logger = createLogger(loaded.logLevel, undefined, [
    loaded.apiKey,
    loaded.metricsToken,
    loaded.auth?.jwtSecret,
    loaded.webhookSigningKey,
  ]);

  let sandbox: Sandbox | undefined;
  let upstreamUrl = loaded.upstreamUrl;
  if (loaded.sandbox) {
    sandbox = createSandbox({ taskMs: loaded.sandboxTaskMs, latencyMs: loaded.sandboxLatencyMs });
    upstreamUrl = await sandbox.listen(loaded.sandboxPort, '127.0.0.1');
    logger.info(
      `${loaded.sandboxAskedFor ? 'SANDBOX=true' : 'No AIMUSICAPI_API_KEY set'}: using the built-in sandbox upstream at ${upstreamUrl} ` +
        `(simulated and free; tasks finish in ${loaded.sandboxTaskMs / 1000} s).`,
    );
  }
  const server = await bindListener(loaded.port, loaded.host);
  // The in-process sandbox can reach this process, so tasks ask it for signed webhooks as they would ask the real
  // upstream with PUBLIC_URL: a task's end reaches subscribers when it happens, not at the next poll.
  const webhookBaseUrl = loaded.webhookBaseUrl ?? (sandbox ? loopbackUrl(server.address() as AddressInfo) : undefined);
  const config = resolveConfig(loaded, { upstreamUrl, webhookBaseUrl });
  if (sandbox && !loaded.webhookBaseUrl) logger.info(`The sandbox sends its webhooks to ${config.webhookBaseUrl}${webhookPath}.`);

  const tracing = await loadTracing(config);
  if (tracing)
    logger.info(`Tracing: OTLP/HTTP to ${config.tracing.endpoint}, ${config.tracing.sampleRatio * 100} % of new traces sampled.`);
  const services = createServices(config, logger, tracing);
  const gateway = createGateway(services, { server, schema: await loadSchema(config) });
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

// Run by test/tracing.test.ts in a child process (node --import tsx): builds a gateway from the configuration given
// as JSON in argv[2], the way src/main.ts does, and prints which modules of node_modules were loaded on the way.
import { registerHooks } from 'node:module';

const loaded = new Set();
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    if (result.url.includes('/node_modules/')) loaded.add(result.url.replace(/.*\/node_modules\//, ''));
    return result;
  },
});
const src = new URL('../../src/', import.meta.url);
const { loadConfig } = await import(new URL('config.ts', src).href);
const { createServices, closeServices } = await import(new URL('app/services.ts', src).href);
const { createGateway } = await import(new URL('app/gateway.ts', src).href);
const { loadTracing } = await import(new URL('observability/tracing.ts', src).href);
const { pino } = await import('pino');

const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const dataDir = mkdtempSync(join(tmpdir(), 'aimusic-data-'));
const env = {
  AIMUSICAPI_BASE_URL: 'http://127.0.0.1:9',
  AIMUSICAPI_API_KEY: 'probe-key-0123',
  DATA_DIR: dataDir,
  ...JSON.parse(process.argv[2] ?? '{}'),
};
const config = loadConfig(env);
const tracing = await loadTracing(config);
const services = createServices(config, pino({ level: 'silent' }), tracing);
const gateway = createGateway(services);
const url = await gateway.listen(0);
await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
await gateway.close();
await closeServices(services);
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify({ tracing: Boolean(tracing), loaded: [...loaded] }));

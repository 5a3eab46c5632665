/** Test harness: a sandbox or fake upstream on 127.0.0.1, a gateway in front of it, and a GraphQL caller. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createGateway, loadSchema, type Gateway } from '../../src/app/gateway.js';
import { closeServices, createServices } from '../../src/app/services.js';
import { type Services } from '../../src/context.js';
import type { Tracing } from '../../src/observability/tracing.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { removeDataDir, tempDataDir } from './stores.js';

export const keyA = 'test-key-alpha-0001';
export const keyB = 'test-key-bravo-0002';

/** A clock tests move by hand, so task progress is exact and instant. */
export function manualClock(start = Date.parse('2026-11-25T00:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

export async function startSandbox(taskMs = 1000, now?: () => number): Promise<Sandbox> {
  const sandbox = createSandbox({ taskMs, ...(now ? { now } : {}) });
  await sandbox.listen(0);
  return sandbox;
}

export interface TestGateway {
  url: string;
  gateway: Gateway;
  services: Services;
  close(): Promise<void>;
}

export async function startGateway(
  upstreamUrl: string,
  env: Record<string, string> = {},
  port = 0,
  tracing?: Tracing,
): Promise<TestGateway> {
  // A DATA_DIR of its own (unless the test gives one), removed on close.
  const ownDataDir = env.DATA_DIR ? undefined : tempDataDir();
  // No rate limit unless a test sets one: suites that send many requests must not trip it by accident. No freshness
  // window either: a suite that reads a task again expects the upstream's answer of now (the window's own suite,
  // test/freshness-window.test.ts, turns it on).
  const config: Config = loadConfig({
    AIMUSICAPI_BASE_URL: upstreamUrl,
    AIMUSICAPI_API_KEY: keyA,
    RATE_LIMIT_PER_MINUTE: '0',
    UPSTREAM_READS_PER_MINUTE_PER_CALLER: '0',
    TASK_READ_MAX_AGE_MS: '0',
    ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}),
    ...env,
  });
  const services = createServices(config, pino({ level: 'silent' }), tracing);
  const gateway = createGateway(services, { schema: await loadSchema(config) });
  const url = await gateway.listen(port, '127.0.0.1');
  return {
    url,
    gateway,
    services,
    async close() {
      await gateway.close();
      await closeServices(services);
      if (ownDataDir) removeDataDir(ownDataDir);
    },
  };
}

/** A sandbox and a gateway in front of it for one describe block: started before its tests, closed after them. */
export function sandboxGateway(
  env: Record<string, string> = {},
  sandbox: { taskMs?: number; now?: () => number } = {},
): { sandbox: Sandbox; gw: TestGateway } {
  const setup = {} as { sandbox: Sandbox; gw: TestGateway };
  beforeAll(async () => {
    setup.sandbox = await startSandbox(sandbox.taskMs, sandbox.now);
    setup.gw = await startGateway(setup.sandbox.url, env);
  });
  afterAll(async () => {
    await setup.gw.close();
    await setup.sandbox.close();
  });
  return setup;
}

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

export const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

/** A scripted upstream: each request is recorded and answered by `handler`. */
export interface FakeUpstream {
  url: string;
  requests: { method: string; path: string; body: string; headers: IncomingMessage['headers'] }[];
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  close(): Promise<void>;
}

export async function startFakeUpstream(handler: FakeUpstream['handler'] = (_req, res) => res.end('{}')): Promise<FakeUpstream> {
  const fake = { requests: [], handler } as unknown as FakeUpstream;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      fake.requests.push({ method: req.method ?? '', path: req.url ?? '', body, headers: req.headers });
      fake.handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * The sandbox upstream: an HTTP server that simulates the AI Music API contract (docs/upstream.md) so that the
 * gateway runs and is tested offline. Bearer auth, one task per POST, time-driven task states, upstream-shaped errors.
 * Every request is recorded in `calls` so tests can assert what reached the upstream.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { holdAsked } from './checks.js';
import { checkFields, endpoints, priceOf } from './contract.js';
import { coverSvg, transcriptionMidi, wavFile } from './files.js';
import { clipSamples, sampleRate } from './music/song.js';
import { retiredPrefix, SandboxError, sandboxRoutes, type RouteResult } from './routes.js';
import { insufficientCredits, SandboxStore } from './store.js';
import { SandboxWebhookSender } from './deliveries.js';
import { taskAnswer } from './task-answers.js';
import type { TaskFamily } from './contract.js';

export interface SandboxOptions {
  /** How long a task takes from submission to its final state (default 20000 ms). */
  taskMs?: number;
  now?: () => number;
  /** Credits each key starts with (default 100000). */
  credits?: number;
  /** How often (real time) finished tasks' webhooks are looked for (default 250 ms). */
  webhookCheckMs?: number;
  /** Added before every API answer (not media files): what a real upstream across the internet costs (default 0). */
  latencyMs?: number;
  /** Path prefixes that answer 410 Gone from the start, as a retired family does (Nuro's always does). */
  retired?: readonly string[];
}

export interface SandboxCall {
  method: string;
  path: string;
  /** The bearer token sent, or null. */
  apiKey: string | null;
  body: unknown;
  /** When it arrived (epoch ms, real time). */
  at: number;
}

export interface Sandbox {
  readonly server: Server;
  readonly store: SandboxStore;
  /** Every request received, oldest first. */
  readonly calls: SandboxCall[];
  /** Webhook callbacks for tasks submitted with `webhook_url`; `deliverDue()` sends the due ones now. */
  readonly webhooks: SandboxWebhookSender;
  /** Base URL once listening, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** From now on, every request under `prefix` (e.g. `/api/v1/riffusion/`) answers 410 Gone; `restore` undoes it. */
  retire(prefix: string): void;
  restore(prefix: string): void;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json', headers: Record<string, string> = {}): void {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

/** Media is public, like a CDN's: any page may read it, which the live page's mixer needs to decode the stems. */
const publicMedia = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=3600' };

function sendError(res: ServerResponse, status: number, message: string): void {
  send(res, status, { code: status, message });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new SandboxError(413, 'request body too large');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SandboxError(400, 'body must be a JSON object');
}

function bearer(req: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const calls: SandboxCall[] = [];
  const sandbox = { calls, url: '' } as { -readonly [K in keyof Sandbox]: Sandbox[K] };
  // Its clock: the given one (tests move it by hand), moved on further by POST /_sandbox/advance (for tests that run
  // the sandbox as a process of its own, so that a task ends when the test says, not after some real time).
  let advancedMs = 0;
  const clock = options.now ?? Date.now;
  const now = () => clock() + advancedMs;
  const store = new SandboxStore(options.taskMs ?? 20_000, () => sandbox.url, now, options.credits);
  const webhooks = new SandboxWebhookSender(store, now);
  const retired = new Set<string>([retiredPrefix, ...(options.retired ?? [])]);

  /**
   * Charges `owner` the endpoint's documented price for a valid request and carries it out: a task's id (and its
   * webhook, where the endpoint takes one), or the answer.
   */
  function carryOut(owner: string, path: string, result: RouteResult, body: Record<string, unknown>): unknown {
    const cost = result.cost ?? priceOf(path, body);
    if (store.credits(owner) < cost) throw new SandboxError(403, insufficientCredits);
    if ('task' in result) {
      const { family, kind, clips, failWith, voiceName } = result.task;
      const task = store.addTask(owner, kind, clips, failWith, family, cost, voiceName);
      if (endpoints[path]?.webhook) webhooks.register(task, body);
      return { message: 'success', task_id: task.id };
    }
    const answer = result.answer();
    store.spend(owner, cost);
    return answer;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    const file = /^\/files\/([\w-]+)\.(wav|svg|mid)$/.exec(path);
    if (req.method === 'GET' && file) {
      const [, id = '', ext] = file;
      if (ext === 'mid') return send(res, 200, transcriptionMidi(id), 'audio/midi', publicMedia);
      return ext === 'wav'
        ? send(res, 200, wavFile(clipSamples(store.audioOf(id)), sampleRate), 'audio/wav', publicMedia)
        : send(res, 200, coverSvg(id), 'image/svg+xml', publicMedia);
    }
    const apiKey = bearer(req);
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    // What reached this sandbox, for tests that run it as a process of its own: no keys, no bodies.
    if (req.method === 'GET' && path === '/_sandbox/calls') {
      const deliveries = webhooks.deliveries.map(({ taskId, event, status }) => ({ taskId, event, status }));
      return send(res, 200, { calls: calls.map(({ method, path, at }) => ({ method, path, at })), webhooks: deliveries });
    }
    if (req.method === 'POST' && path === '/_sandbox/advance') {
      const ms = Number(url.searchParams.get('ms'));
      if (!Number.isFinite(ms) || ms < 0) return sendError(res, 400, 'ms must be a number of milliseconds, 0 or more.');
      advancedMs += ms;
      return send(res, 200, { advancedMs });
    }
    calls.push({ method: req.method ?? '', path, apiKey, body, at: Date.now() });
    if (options.latencyMs) await sleep(options.latencyMs);
    if (!req.headers.authorization) return sendError(res, 401, 'Authorization header is missing.');
    if (!apiKey) return sendError(res, 401, 'Invalid authorization format.');

    // The body of a 410 is documented nowhere (docs/upstream.md §15.3): this one is the sandbox's own.
    if ([...retired].some((prefix) => path.startsWith(prefix))) {
      return send(res, 410, { type: 'gone', error: 'This API has been deprecated and is no longer available.' });
    }
    const taskPath = /^\/api\/v1\/(sonic|producer|riffusion)\/task\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && taskPath) {
      const family = taskPath[1] as TaskFamily;
      const task = store.task(decodeURIComponent(taskPath[2] ?? ''), apiKey, family);
      // Producer errors come as {type, error} (docs/upstream.md §9.3); Sonic's as {code, message}.
      if (!task && family === 'producer') return send(res, 404, { type: 'not_found', error: 'Task not found.' });
      if (!task) return sendError(res, 400, 'task not found.');
      return send(res, 200, taskAnswer(store, task));
    }
    if (req.method === 'GET' && path === '/api/v1/get-credits') {
      return send(res, 200, { credits: store.credits(apiKey), extra_credits: 0 });
    }
    const route = sandboxRoutes[path];
    if (req.method === 'POST' && route) {
      const hold = holdAsked(body ?? {});
      if (hold > 0) await sleep(hold);
      checkFields(path, body ?? {});
      return send(res, 200, carryOut(apiKey, path, route(body ?? {}, { store, owner: apiKey }), body ?? {}));
    }
    return sendError(res, 404, `no route for ${req.method} ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof SandboxError) return sendError(res, err.status, err.message);
      sendError(res, 500, 'internal sandbox error');
    });
  });

  Object.assign(sandbox, {
    server,
    store,
    webhooks,
    retire: (prefix: string) => void retired.add(prefix),
    restore: (prefix: string) => void retired.delete(prefix),
    async listen(port = 0, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      const address = server.address() as AddressInfo;
      sandbox.url = `http://${host}:${address.port}`;
      webhooks.start(options.webhookCheckMs ?? 250);
      return sandbox.url;
    },
    async close() {
      webhooks.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return sandbox as Sandbox;
}

/**
 * The typed HTTP client for the upstream: one keep-alive undici Pool per origin, explicit timeouts, every failure
 * a GatewayError. Writes (POST) are sent once and never retried here: a POST that may have reached the upstream
 * may have started paid work.
 */
import { Pool } from 'undici';
import { GatewayError, type ErrorCode } from '../errors.js';
import { errorFromAnswer, errorFromTransport, isErrorAnswer } from './errors.js';
import type { TaskFamily, UpstreamOperation } from './operations.js';
import type { TaskSnapshot } from './types.js';
import { toProducerTaskSnapshot, toTaskSnapshot } from './wire.js';

export interface UpstreamClientOptions {
  /** Origin plus optional base path, e.g. `https://api.aimusicapi.ai`. */
  baseUrl: string;
  connections?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Called after every upstream call, for metrics and logs. Never given the API key. */
  onCall?: (call: UpstreamCall) => void;
}

export interface UpstreamCall {
  method: 'GET' | 'POST';
  path: string;
  status: number | null;
  durationMs: number;
  error: ErrorCode | null;
}

/** Largest upstream answer read; anything longer is a malformed answer, not a memory problem. */
const maxBodyBytes = 4 * 1024 * 1024;

export class UpstreamClient {
  private readonly pool: Pool;
  private readonly basePath: string;

  constructor(private readonly options: UpstreamClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/$/, '');
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 64,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connect: { timeout: options.connectTimeoutMs ?? 5_000 },
      headersTimeout: options.headersTimeoutMs ?? 30_000,
      bodyTimeout: options.bodyTimeoutMs ?? 30_000,
    });
  }

  /** GET /api/v1/{family}/task/{id}: the task's clips and the status they add up to. */
  async getTask(apiKey: string, taskId: string, family: TaskFamily = 'sonic'): Promise<TaskSnapshot> {
    const answer = await this.get(apiKey, `/api/v1/${family}/task/${encodeURIComponent(taskId)}`);
    return family === 'producer' ? toProducerTaskSnapshot(taskId, answer) : toTaskSnapshot(taskId, answer);
  }

  /**
   * Calls one operation of the table, once, and maps its answer: a submitted task's id, or the operation's result.
   * `extra` carries gateway-added fields such as webhook settings.
   */
  async submit<Input, Result>(
    apiKey: string,
    operation: UpstreamOperation<Input, Result>,
    input: Input,
    extra: Record<string, unknown> = {},
  ): Promise<Result> {
    const answer =
      operation.method === 'GET'
        ? await this.get(apiKey, operation.path)
        : await this.post(apiKey, operation.path, { ...operation.toBody(input), ...extra });
    return operation.toResult(answer, input);
  }

  /** A GET: the parsed JSON answer, or a GatewayError. */
  get(apiKey: string, path: string): Promise<unknown> {
    return this.call('GET', path, apiKey);
  }

  /** A POST, sent once: the parsed JSON answer, or a GatewayError. */
  post(apiKey: string, path: string, body: Record<string, unknown>): Promise<unknown> {
    return this.call('POST', path, apiKey, body);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async call(method: 'GET' | 'POST', path: string, apiKey: string, json?: unknown): Promise<unknown> {
    const started = performance.now();
    let status: number | null = null;
    try {
      const res = await this.pool.request({
        method,
        path: this.basePath + path,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: 'application/json',
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: json === undefined ? null : JSON.stringify(json),
      });
      status = res.statusCode;
      const text = await readText(res.body);
      const parsed = parseJson(text);
      if (isErrorAnswer(status, parsed)) {
        throw errorFromAnswer(status, parsed, res.headers['retry-after'], [apiKey]);
      }
      if (parsed === undefined) {
        throw new GatewayError('UPSTREAM_ERROR', 'The upstream sent a malformed response: the body is not JSON.', {
          upstreamStatus: status,
        });
      }
      this.report(method, path, status, started, null);
      return parsed;
    } catch (err) {
      const error = errorFromTransport(err, [apiKey]);
      this.report(method, path, status, started, error.code);
      throw error;
    }
  }

  private report(method: 'GET' | 'POST', path: string, status: number | null, started: number, error: ErrorCode | null) {
    this.options.onCall?.({ method, path, status, durationMs: performance.now() - started, error });
  }
}

async function readText(body: AsyncIterable<Buffer> & { text(): Promise<string> }): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBodyBytes) {
      throw new GatewayError('UPSTREAM_ERROR', 'The upstream sent a malformed response: the body is too large.');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

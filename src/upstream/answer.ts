/**
 * One upstream HTTP exchange, read to its end: the status, the Retry-After header and the body as text. A GET (every
 * task read, the hot path of a gateway whose clients poll) goes through undici's dispatch API with a handler that only
 * collects the body's chunks: undici's promise API would make an AsyncResource, a header object and a Readable
 * stream per answer, about a tenth of a task read's CPU, for a body that is read whole anyway. A POST keeps the
 * promise API for its abort signal (shutdown stops waiting for paid work: src/upstream/client.ts).
 *
 * Both fail with a `CutExchange`: undici's error (a timeout, a body over the pool's maxResponseSize, a refused
 * connection), which src/upstream/faults.ts turns into a GatewayError, and the status if the answer had begun.
 */
import type { Dispatcher, Pool } from 'undici';

export interface Answer {
  status: number;
  retryAfter: string | undefined;
  text: string;
}

/** What a dispatched GET needs besides its path: its headers, and how long to wait for the headers and each body pause. */
export interface GetOptions {
  path: string;
  headers: Record<string, string>;
  headersTimeout: number;
  bodyTimeout: number;
}

/** An exchange that failed: undici's error, and the answer's status when its headers had come (the body was cut). */
export class CutExchange {
  constructor(
    readonly cause: unknown,
    readonly status: number | null,
  ) {}
}

const utf8Bom = 0xfeff;

/** The body as text: UTF-8, without a byte-order mark (as undici's `body.text()` reads it). */
function decode(chunks: Buffer[]): string {
  const text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === utf8Bom ? text.slice(1) : text;
}

/** The first Retry-After among undici's raw headers (name, value, name, value, ...). */
function retryAfterOf(rawHeaders: readonly (Buffer | string)[] | null | undefined): string | undefined {
  if (!rawHeaders) return undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as Buffer | string;
    if (name.length === 11 && name.toString().toLowerCase() === 'retry-after') return rawHeaders[i + 1]?.toString();
  }
  return undefined;
}

/** A GET through `pool`, read whole. */
export function dispatchGet(pool: Pool, options: GetOptions): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let status: number | null = null;
    let retryAfter: string | undefined;
    const chunks: Buffer[] = [];
    const handler: Dispatcher.DispatchHandler = {
      onConnect() {},
      onHeaders(statusCode, rawHeaders) {
        // An informational answer (1xx) comes before the real one.
        if (statusCode < 200) return true;
        status = statusCode;
        retryAfter = retryAfterOf(rawHeaders);
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        resolve({ status: status ?? 0, retryAfter, text: decode(chunks) });
      },
      onError(err) {
        reject(new CutExchange(err, status));
      },
    };
    pool.dispatch({ method: 'GET', ...options }, handler);
  });
}

/** A POST through `pool` (its body JSON), read whole; `signal` aborts it. */
export async function requestPost(
  pool: Pool,
  options: { path: string; headers: Record<string, string>; body: string; signal: AbortSignal },
): Promise<Answer> {
  let status: number | null = null;
  try {
    const res = await pool.request({ method: 'POST', ...options });
    status = res.statusCode;
    const header = res.headers['retry-after'];
    return { status, retryAfter: Array.isArray(header) ? header[0] : header, text: await res.body.text() };
  } catch (err) {
    throw new CutExchange(err, status);
  }
}

/**
 * What a GraphQL request's body may be, checked before yoga sees it: a JSON or GraphQL content type (anything else
 * is 415: it is either a mistake or a browser "simple request" that skipped CORS), and at most MAX_BODY_BYTES
 * (413, without reading past the limit; a GET's URL likewise, 414). The body read here is handed to yoga.
 */
import type { IncomingMessage } from 'node:http';

const acceptedTypes = new Set(['application/json', 'application/graphql-response+json', 'application/graphql+json', 'application/graphql']);

export type BodyVerdict = { ok: true; body: Buffer | undefined } | { ok: false; status: 413 | 414 | 415; message: string };

/**
 * The whole body, or undefined as soon as it passes `maxBytes` (the rest is not read). With the stream's events
 * rather than `for await`: every request reads a body, and the async iterator costs more than the rest of this.
 */
export function readBodyUpTo(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      settle();
      req.pause(); // the rest stays unread; the refusal closes the connection
      resolve(undefined);
    };
    const onEnd = () => {
      settle();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      settle();
      reject(err);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

export async function readGraphQLBody(req: IncomingMessage, maxBytes: number): Promise<BodyVerdict> {
  // A GET carries its document in the URL: held to the same limit as a body, as graphql-ws messages are.
  if (req.method === 'GET' && (req.url?.length ?? 0) > maxBytes) {
    return { ok: false, status: 414, message: `The request URL is longer than ${maxBytes} bytes: send the request as a POST.` };
  }
  // Only a POST carries GraphQL; yoga answers other methods (PUT, DELETE, ...: 405 with `Allow`) without its body.
  if (req.method !== 'POST') return { ok: true, body: undefined };
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!acceptedTypes.has(type)) {
    return {
      ok: false,
      status: 415,
      message: `Unsupported content type "${type || 'none'}": send the request as application/json.`,
    };
  }
  // Media types are case-insensitive (RFC 9110), yoga's parser is not: it is handed the type in lower case.
  const given = req.headers['content-type']!;
  const asGiven = given.startsWith(type) && (given.length === type.length || given[type.length] === ';');
  if (!asGiven) req.headers['content-type'] = given.replace(/^[^;]*/, type);
  const tooLarge = { ok: false, status: 413, message: `The request body is larger than ${maxBytes} bytes.` } as const;
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge;
  const body = await readBodyUpTo(req, maxBytes);
  return body ? { ok: true, body } : tooLarge;
}

/**
 * Static files for browsers (the live page, GraphiQL): each served compressed as the browser asks (brotli, else
 * gzip, by `Accept-Encoding`), with an `ETag`. A file under a hashed URL (`/assets/<name>.<hash>.<ext>`, the hash of
 * its content) never changes, so it is `public, max-age=31536000, immutable` and a browser keeps it; a page that
 * names them is small and `no-cache` (revalidated by its ETag, answered 304 when unchanged). Each compressed form is
 * made once, on first request, off the event loop.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptedEncoding, compress, compressFromBytes, type Encoding } from '../transport/http/compression.js';

export interface StaticAsset {
  type: string;
  body: Buffer;
  etag: string;
  /** Under a hashed URL: cached for a year. Otherwise revalidated on every use. */
  immutable: boolean;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

const hashOf = (body: Buffer) => createHash('sha256').update(body).digest('base64url');

export function staticAsset(type: string, body: string | Buffer, immutable: boolean): StaticAsset {
  const bytes = Buffer.from(body);
  return { type, body: bytes, etag: `"${hashOf(bytes).slice(0, 32)}"`, immutable, encoded: {} };
}

/** `/assets/<name>.<hash>.<ext>`: a URL that names this content and no other. */
export function hashedPath(name: string, ext: string, body: string | Buffer): string {
  return `/assets/${name}.${hashOf(Buffer.from(body)).slice(0, 16)}.${ext}`;
}

/** The body in `encoding`, compressed once and kept. */
export function encode(asset: StaticAsset, encoding: Encoding): Promise<Buffer> {
  asset.encoded[encoding] ??= compress(asset.body, encoding);
  return asset.encoded[encoding];
}

/** Answers a GET or HEAD with the asset: 304 when the browser has it, else its body, compressed if it gains. */
export async function sendAsset(req: IncomingMessage, res: ServerResponse, asset: StaticAsset): Promise<void> {
  const encoding = asset.body.length >= compressFromBytes ? acceptedEncoding(req.headers['accept-encoding']) : undefined;
  const etag = encoding ? `${asset.etag.slice(0, -1)}-${encoding}"` : asset.etag;
  const headers: Record<string, string | number> = {
    'content-type': asset.type,
    'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    vary: 'Accept-Encoding',
  };
  const wanted = req.headers['if-none-match'];
  if (wanted && wanted.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const body = encoding ? await encode(asset, encoding) : asset.body;
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

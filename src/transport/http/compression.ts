/**
 * Response compression, one rule for every HTTP answer (GraphQL answers from yoga and the fast path, the pages'
 * files): brotli if the client accepts it, else gzip, only for bodies of at least `compressFromBytes` (below that,
 * compression gains less than it costs), made off the event loop.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** Smaller than this, compression gains less than it costs (about one TCP packet). */
export const compressFromBytes = 1024;

/** The media types answers are compressed in (and so vary by Accept-Encoding): JSON results and HTML pages. */
export const compressible = /^(application\/(json|graphql-response\+json)|text\/html)\b/;

/** The best encoding an `Accept-Encoding` allows (q=0 refuses one), brotli first; undefined for none. */
export function acceptedEncoding(header: string | string[] | null | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of String(header).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*');
  const allows = (name: Encoding) => (accepted.get(name) ?? wildcard ?? 0) > 0;
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : undefined;
}

export function compress(body: Buffer | string, encoding: Encoding): Promise<Buffer> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return encoding === 'br'
    ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : gzipAsync(bytes, { level: 6 });
}

/**
 * GraphQL answers (and GraphiQL's page) compressed when the client accepts it and they are large enough to gain
 * (src/transport/http/compression.ts), with `Vary: Accept-Encoding`. Streams (SSE, multipart) are left alone: their
 * parts must reach the client as they come. Runs after the caching headers are set (its ETag names the uncompressed
 * answer, so a compressed one gets its own).
 */
import type { Plugin } from 'graphql-yoga';
import { acceptedEncoding, compress, compressFromBytes, compressible } from '../transport/http/compression.js';
import { varyWith } from './use-http-caching.js';

export function useCompression(): Plugin {
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      if (!response.body || !compressible.test(type) || response.headers.has('content-encoding')) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('vary', varyWith(headers.get('vary'), 'Accept-Encoding'));
      const encoding = acceptedEncoding(request.headers.get('accept-encoding'));
      const body = await response.text();
      if (!encoding || Buffer.byteLength(body) < compressFromBytes) {
        return setResponse(new fetchAPI.Response(body, { status: response.status, statusText: response.statusText, headers }));
      }
      const compressed = await compress(body, encoding);
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(compressed.length));
      const etag = headers.get('etag');
      if (etag) headers.set('etag', `${etag.slice(0, -1)}-${encoding}"`);
      setResponse(new fetchAPI.Response(new Uint8Array(compressed), { status: response.status, statusText: response.statusText, headers }));
    },
  };
}

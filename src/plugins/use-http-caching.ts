/**
 * HTTP caching headers on every GraphQL answer yoga writes (the HTTP fast path writes its own: POSTs, never kept):
 * - a GET answered without errors whose every root field is the same for every caller (src/transport/http/cache-policy.ts)
 *   is `Cache-Control: public, max-age=N` with a strong `ETag`, and a GET whose `If-None-Match` names that ETag gets
 *   304 with no body;
 * - everything else depends on the caller (its key, its user, its rate limit) and is `private, no-store`, with
 *   `Vary: Authorization`;
 * - every answer has `Vary: Origin`, because its CORS headers depend on the request's Origin (and are absent
 *   without one), so a shared cache never hands one origin's answer to another; a public one also `Vary: Accept`
 *   (the same result as JSON or multipart), with an ETag of its own per media type.
 * GraphiQL's page is `no-cache` with an ETag (revalidated, 304 when unchanged); event streams are left as they are.
 */
import { createHash } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { publicMaxAge } from '../transport/http/cache-policy.js';
import { compressible } from '../transport/http/compression.js';

/** Adds `tokens` to a Vary header value, once each. */
export function varyWith(current: string | null, ...tokens: string[]): string {
  const have = (current ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const token of tokens) if (!have.some((t) => t.toLowerCase() === token.toLowerCase())) have.push(token);
  return have.join(', ');
}

const isStream = (result: unknown) => typeof result === 'object' && result !== null && Symbol.asyncIterator in result;

export function useHttpCaching(): Plugin {
  /** Per request: the public max-age of everything it executed, or null once anything in it depends on the caller. */
  const ages = new WeakMap<Request, number | null>();
  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return; // graphql-ws: no HTTP answer
      const age = request.method === 'GET' ? (publicMaxAge(args.schema, args.document, args.operationName) ?? null) : null;
      const before = ages.get(request);
      ages.set(request, before === null || age === null ? null : Math.min(before ?? age, age));
      return {
        onExecuteDone({ result }) {
          if (isStream(result) || (result as ExecutionResult).errors?.length) ages.set(request, null);
        },
      };
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      if (type.startsWith('text/event-stream')) return;
      // Copied name by name (lower-cased): whatwg-node's Headers, built from a plain object with capitalised names (yoga's
      // multipart answer), loses them once a name is deleted from the copy.
      const headers = new fetchAPI.Headers();
      response.headers.forEach((value, name) => headers.append(name.toLowerCase(), value));
      headers.set('vary', varyWith(headers.get('vary'), 'Origin'));
      // GraphiQL's page (src/web/graphiql-page.ts): small, the same for everyone, revalidated on each visit; its URL
      // answers GraphQL too, so it varies by Accept.
      const page = type.startsWith('text/html') && response.status === 200;
      if (page) headers.set('vary', varyWith(headers.get('vary'), 'Accept'));
      const age = page ? 0 : ages.get(request);
      if (request.method !== 'GET' || response.status !== 200 || age === undefined || age === null) {
        headers.set('cache-control', 'private, no-store');
        headers.set('vary', varyWith(headers.get('vary'), 'Authorization'));
        return setResponse(new fetchAPI.Response(response.body, { status: response.status, statusText: response.statusText, headers }));
      }
      const body = await response.text();
      // The media type is part of what is tagged: the same result as JSON and as multipart is two representations.
      const etag = `"${createHash('sha256').update(`${type}\n`).update(body).digest('base64url').slice(0, 32)}"`;
      headers.set('cache-control', page ? 'no-cache' : `public, max-age=${age}`);
      headers.set('etag', etag);
      // Which representation it is depends on Accept (JSON, graphql-response+json, multipart): a shared cache must know.
      headers.set('vary', varyWith(headers.get('vary'), 'Accept'));
      // Kept whole here, it goes out with a length (a stream's chunked framing does not carry over).
      headers.delete('transfer-encoding');
      headers.delete('connection');
      // A tag may name the compressed answer (src/plugins/use-compression.ts adds `-br` or `-gzip`): the same content.
      const held = (request.headers.get('if-none-match') ?? '')
        .split(',')
        .map((tag) => tag.trim().replace(/^W\//, ''))
        .find((tag) => tag === '*' || tag.replace(/-(br|gzip)"$/, '"') === etag);
      if (held) {
        if (held !== '*') headers.set('etag', held);
        headers.delete('content-length');
        headers.delete('content-type');
        // The 200 it stands for varies by encoding too (src/plugins/use-compression.ts, which skips bodiless answers).
        if (compressible.test(type)) headers.set('vary', varyWith(headers.get('vary'), 'Accept-Encoding'));
        return setResponse(new fetchAPI.Response(null, { status: 304, headers }));
      }
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    },
  };
}

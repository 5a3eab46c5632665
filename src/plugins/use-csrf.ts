/**
 * CSRF prevention for browser requests. A browser sends some cross-site requests without asking the server first
 * (a CORS preflight): GETs, and POSTs with a form or text content type. POSTs of those types are refused before this
 * (src/transport/http/body.ts accepts only JSON and GraphQL types). A GET that a browser sends from another site must carry one
 * of these headers, which a browser adds only after a preflight the CORS settings allow.
 *
 * A GET from anything else (curl, a server, a GraphQL client in Node, the gateway's own page) needs no header: the
 * GraphQL-over-HTTP spec lets any client send queries as GETs, and a GET runs only queries, which change nothing.
 * A browser says where a request comes from with `Origin` (fetch and XHR in CORS mode) and `Sec-Fetch-Site` (fetch
 * metadata, sent by every current browser to HTTPS and localhost, for every kind of request: fetch, <img>, <script>,
 * forms). Neither is compared with the request's own `Host`: what is the gateway's own comes from the configuration
 * (src/access/origin.ts). A page on a rebound DNS name is "same-origin" to its browser, so `same-origin` counts only
 * when the name the browser reached (`Host`) is one the configuration names.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

export const csrfHeaders = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'];

/** The origin rules the check needs (src/access: Access). */
export interface CsrfOrigins {
  /** Whether an origin is named in CORS_ORIGINS. */
  originListed(origin: string): boolean;
  /** Whether an origin is the gateway's own, by the configuration. */
  originIsOwn(origin: string): boolean;
  /** Whether a `Host` header names the gateway, by the configuration. */
  hostIsOwn(host: string | undefined): boolean;
}

/** Whether a browser marked this request as sent by a page that is not the gateway's own. */
function fromAnotherSite(headers: Headers, origins: CsrfOrigins): boolean {
  const origin = headers.get('origin');
  // "null" (sandboxed frames, file: pages) and garbage are not the gateway's own page either.
  if (origin !== null) return !origins.originIsOwn(origin);
  const site = headers.get('sec-fetch-site');
  if (site === null || site === 'none') return false; // not a browser's mark, or the user's own navigation
  return !(site === 'same-origin' && origins.hostIsOwn(headers.get('host') ?? undefined));
}

/**
 * A GET whose `Origin` is named in CORS_ORIGINS needs no header either: the deployer trusts that site, and a browser
 * sends `Origin` only on requests a page made in CORS mode (fetch, EventSource, which cannot add headers), never on
 * an <img> or a link.
 */
export function useCsrf(origins: CsrfOrigins): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: csrfHeaders }) as Plugin & Required<Pick<Plugin, 'onRequestParse'>>;
  return {
    onRequestParse(payload) {
      const { headers } = payload.request;
      if (!fromAnotherSite(headers, origins)) return;
      const origin = headers.get('origin');
      if (origin !== null && origins.originListed(origin)) return;
      return prevention.onRequestParse(payload);
    },
  };
}

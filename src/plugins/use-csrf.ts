/**
 * CSRF prevention for browser requests. A browser sends some cross-site requests without asking the server first
 * (a CORS preflight): GETs, and POSTs with a form or text content type. POSTs of those types are refused before this
 * (src/transport/http/body.ts accepts only JSON and GraphQL types). A GET that a browser sends from another site must carry one
 * of these headers, which a browser adds only after a preflight the CORS settings allow.
 *
 * A GET from anything else (curl, a server, a GraphQL client in Node, the gateway's own page) needs no header: the
 * GraphQL-over-HTTP spec lets any client send queries as GETs, and a GET runs only queries, which change nothing.
 * A browser says where a request comes from with `Sec-Fetch-Site` (fetch metadata, sent by every current browser to
 * HTTPS and localhost, for every kind of request: fetch, <img>, <script>, forms) and, for fetch() and XHR, `Origin`.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

export const csrfHeaders = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'];

/** Whether a browser marked this request as sent by a page of another site (or another origin). */
function fromAnotherSite(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site !== 'same-origin' && site !== 'none';
  const origin = headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host !== headers.get('host');
  } catch {
    return true; // "null" (sandboxed frames, file: pages) or garbage: not the gateway's own page
  }
}

/**
 * `listed`: whether an origin is named in CORS_ORIGINS. A GET whose `Origin` is such a site needs no header either:
 * the deployer trusts that site, and a browser sends `Origin` only on requests a page made in CORS mode (fetch,
 * EventSource, which cannot add headers), never on an <img> or a link.
 */
export function useCsrf(listed: (origin: string) => boolean = () => false): Plugin {
  const prevention = useCSRFPrevention({ requestHeaders: csrfHeaders }) as Plugin & Required<Pick<Plugin, 'onRequestParse'>>;
  return {
    onRequestParse(payload) {
      const { headers } = payload.request;
      if (!fromAnotherSite(headers)) return;
      const origin = headers.get('origin');
      if (origin !== null && listed(origin)) return;
      return prevention.onRequestParse(payload);
    },
  };
}

/**
 * CSRF prevention for browser requests. A browser sends some cross-site requests without asking the server first
 * (a CORS preflight): GETs, and POSTs with a form or text content type. POSTs of those types are refused before this
 * (src/http/body.ts accepts only JSON and GraphQL types), and a GET must carry one of these headers, which a browser
 * adds only after a preflight the CORS settings allow.
 */
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';

export const csrfHeaders = ['x-graphql-yoga-csrf', 'graphql-require-preflight', 'apollo-require-preflight'];

export function csrfPlugin(): Plugin {
  return useCSRFPrevention({ requestHeaders: csrfHeaders }) as Plugin;
}

/**
 * The live task page at `/`: a static HTML page and script (no build step), plus the graphql-ws browser client from
 * its package. Files are read once at start.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';

const require = createRequire(import.meta.url);

interface Asset {
  type: string;
  body: Buffer;
}

function asset(type: string, body: string | Buffer): Asset {
  return { type, body: Buffer.from(body) };
}

/** Returns a handler that serves the page's routes and answers false for any other request. */
export function createWebPage(options: { demoClipId?: string; signIn?: boolean }): (req: IncomingMessage, res: ServerResponse) => boolean {
  const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
  const pageConfig = `<script>window.APP_CONFIG = ${JSON.stringify(options).replace(/</g, '\\u003c')};</script>`;
  const assets: Record<string, Asset> = {
    '/': asset('text/html; charset=utf-8', read('./index.html').replace('<script src="/assets/', `${pageConfig}\n  <script src="/assets/`)),
    '/app.js': asset('text/javascript; charset=utf-8', read('./app.js')),
    '/mixer.js': asset('text/javascript; charset=utf-8', read('./mixer.js')),
    '/viewer.js': asset('text/javascript; charset=utf-8', read('./viewer.js')),
    '/assets/graphql-ws.js': asset(
      'text/javascript; charset=utf-8',
      readFileSync(require.resolve('graphql-ws/package.json').replace(/package\.json$/, 'umd/graphql-ws.min.js')),
    ),
  };
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const found = req.method === 'GET' || req.method === 'HEAD' ? assets[path] : undefined;
    if (!found) return false;
    res.writeHead(200, { 'content-type': found.type, 'content-length': found.body.length, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : found.body);
    return true;
  };
}

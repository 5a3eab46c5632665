/**
 * The browser pages: the live task page at `/` (static HTML and scripts, no build step, plus the graphql-ws browser
 * client from its package) and GraphiQL's files. Every script is served under a hashed URL, compressed and cached
 * for a year (src/web/static-assets.ts); the page that names them is small and revalidated. The live page's files
 * are read once at start; GraphiQL's are made when first asked for (src/web/graphiql-page.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphiqlFiles, isGraphiQLAsset } from './graphiql-page.js';
import { hashedPath, sendAsset, staticAsset, type StaticAsset } from './static-assets.js';

const require = createRequire(import.meta.url);
const script = 'text/javascript; charset=utf-8';

/**
 * Returns a handler that serves the pages' routes: it answers true for a request it takes (answered, maybe after a
 * moment: a compressed form may be made first) and false for any other, at once.
 */
export function createWebPage(options: { demoClipId?: string; signIn?: boolean }): (req: IncomingMessage, res: ServerResponse) => boolean {
  const read = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
  const assets = new Map<string, StaticAsset>();
  /** Each script under its hashed path; the page's `src` attributes are rewritten to them. */
  const scripts: Record<string, string> = {
    '/assets/graphql-ws.js': readFileSync(
      require.resolve('graphql-ws/package.json').replace(/package\.json$/, 'umd/graphql-ws.min.js'),
      'utf8',
    ),
    '/mixer.js': read('./mixer.js'),
    '/viewer.js': read('./viewer.js'),
    '/app.js': read('./app.js'),
  };
  let html = read('./index.html');
  for (const [src, body] of Object.entries(scripts)) {
    const path = hashedPath(src.replace(/^.*\//, '').replace(/\.js$/, ''), 'js', body);
    assets.set(path, staticAsset(script, body, true));
    html = html.replace(`src="${src}"`, `src="${path}"`);
  }
  const pageConfig = `<script>window.APP_CONFIG = ${JSON.stringify(options).replace(/</g, '\\u003c')};</script>`;
  assets.set(
    '/',
    staticAsset('text/html; charset=utf-8', html.replace('<script src="/assets/', `${pageConfig}\n  <script src="/assets/`), false),
  );

  const fail = (res: ServerResponse) => (err: unknown) => {
    if (!res.headersSent)
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`Could not serve this file: ${(err as Error).message}`);
    else res.destroy();
  };
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '').split('?')[0] ?? '';
    const found = assets.get(path);
    if (found) {
      sendAsset(req, res, found).catch(fail(res));
      return true;
    }
    if (!isGraphiQLAsset(path)) return false;
    graphiqlFiles()
      .then((graphiql) => {
        const asset = graphiql.assets.get(path);
        if (asset) return sendAsset(req, res, asset);
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('No such file.');
      })
      .catch(fail(res));
    return true;
  };
}

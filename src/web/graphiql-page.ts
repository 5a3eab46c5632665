/**
 * GraphiQL as a small page plus files under hashed URLs, instead of yoga's one 9 MB HTML answer that a browser
 * downloads again on every visit: its script, stylesheet, the editor's three web workers and its icon become
 * assets (src/web/static-assets.ts: compressed, cached for a year), and the page that names them is a few KB. The
 * files are GraphiQL's own (@graphql-yoga/render-graphiql), made when GraphiQL is first asked for (its page or any of
 * its files: another instance behind a load balancer may have served the page), not at start.
 */
import { hashedPath, staticAsset, type StaticAsset } from './static-assets.js';

export interface GraphiQLFiles {
  /** Path → file, for every asset the page names. */
  assets: Map<string, StaticAsset>;
  /** The page for these options (yoga's GraphiQL options: title, tabs, endpoint, ...). */
  page(options: Record<string, unknown> & { title?: string }): string;
}

let files: Promise<GraphiQLFiles> | undefined;

/** GraphiQL's files, loaded and hashed once. */
export function graphiqlFiles(): Promise<GraphiQLFiles> {
  files ??= build();
  return files;
}

/** Whether `path` may be one of GraphiQL's files (they are made on demand). */
export const isGraphiQLAsset = (path: string) => path.startsWith('/assets/graphiql');

async function build(): Promise<GraphiQLFiles> {
  const { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } = await import('@graphql-yoga/render-graphiql/graphiql');
  const assets = new Map<string, StaticAsset>();
  const add = (name: string, ext: string, type: string, body: string | Buffer) => {
    const path = hashedPath(name, ext, body);
    assets.set(path, staticAsset(type, body, true));
    return path;
  };
  const icon = /^data:([^;]+);base64,(.*)$/s.exec(favicon);
  const iconPath = icon ? add('graphiql-icon', 'ico', icon[1]!, Buffer.from(icon[2]!, 'base64')) : favicon;
  const cssPath = add('graphiql', 'css', 'text/css; charset=utf-8', css);
  const jsPath = add('graphiql', 'js', 'text/javascript; charset=utf-8', js);
  const workers = {
    editorWorkerService: add('graphiql-editor-worker', 'js', 'text/javascript; charset=utf-8', editorWorkerService),
    json: add('graphiql-json-worker', 'js', 'text/javascript; charset=utf-8', jsonWorker),
    graphql: add('graphiql-graphql-worker', 'js', 'text/javascript; charset=utf-8', graphqlWorker),
  };
  // Inside <script>: no "</script>" can end it early.
  const inScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    assets,
    page: (options) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${iconPath}" />
    <link rel="stylesheet" href="${cssPath}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${inScript(workers)};
      self['MonacoEnvironment'] = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
    </script>
    <script src="${jsPath}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(
        window.document.querySelector('#root'),
        ${inScript(options)},
      );
    </script>
  </body>
</html>
`,
  };
}

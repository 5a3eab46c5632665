/**
 * `npm start` (and `npm run sandbox`, `npm run doctor`): builds dist/ when it is missing or older than the sources,
 * then runs the compiled entry point in this same process, with NODE_ENV=production unless it is set (graphql-js
 * skips its development-only checks then). Usage: node scripts/start.mjs [dist entry, default dist/main.js] [its
 * arguments...]; the entry sees its own arguments from process.argv[2] on, as if it were run directly.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

process.env.NODE_ENV ||= 'production';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, process.argv[2] ?? 'dist/main.js');
// The entry's own arguments start at argv[2], as when it is run with `node <entry> ...`.
if (process.argv.length > 2) process.argv.splice(2, 1);

// dist/ of a production image has no compiler and no sources: nothing to check or build there.
const { existsSync } = await import('node:fs');
if (existsSync(join(root, 'src'))) {
  const { build, isStale } = await import('./build.mjs');
  if (isStale()) build();
}
await import(pathToFileURL(entry).href);

/**
 * Trusted documents: the manifest `npm run codegen` writes for operations/*.graphql (the client preset's persisted
 * documents, `{ "<hex sha256 of the text>": "<document text>" }`), or a client app's own manifest in the same format
 * (PERSISTED_OPERATIONS_FILE). Every entry is checked against its hash when it is loaded, so a hand-edited manifest
 * cannot make a hash stand for another document.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config.js';

/** operations/generated/persisted-documents.json, from src/persisted/ and from dist/persisted/ alike. */
export const bundledManifestPath = fileURLToPath(new URL('../../operations/generated/persisted-documents.json', import.meta.url));

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** Hash → document text. A missing file is an empty manifest unless `required`; a malformed one is a ConfigError. */
export function loadManifest(path: string, required: boolean): ReadonlyMap<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (!required && (err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new ConfigError(`PERSISTED_OPERATIONS_FILE: cannot read ${path} (${(err as Error).message}); run npm run codegen.`);
  }
  let entries: [string, unknown][];
  try {
    entries = Object.entries(JSON.parse(text) as Record<string, unknown>);
  } catch {
    throw new ConfigError(`PERSISTED_OPERATIONS_FILE: ${path} is not JSON.`);
  }
  for (const [hash, document] of entries) {
    if (typeof document !== 'string' || sha256Hex(document) !== hash) {
      throw new ConfigError(`PERSISTED_OPERATIONS_FILE: in ${path}, "${hash}" is not the sha256 of its document.`);
    }
  }
  return new Map(entries as [string, string][]);
}

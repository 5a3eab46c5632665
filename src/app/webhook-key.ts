/**
 * The server's webhook key, from which each task's webhook secret is derived (src/submit/webhook-request.ts). It is
 * kept apart from the database, so that a copy of the database cannot sign a delivery:
 * - WEBHOOK_SIGNING_KEY, when set (at least 32 characters; with REDIS_URL every instance must have the same one,
 *   since any instance may receive any task's webhook);
 * - else, without Redis, `DATA_DIR/webhook-signing.key`: 32 random bytes made at the first start that asks for
 *   webhooks, owner-only (0600, tightened at start if looser), never in gateway.db or its backups;
 * - else, with Redis and the in-process sandbox, a key of this process (the sandbox's tasks live no longer);
 * - with Redis and PUBLIC_URL but no WEBHOOK_SIGNING_KEY, the gateway does not start: the message says why.
 * Without webhooks (no PUBLIC_URL, no in-process sandbox) there is no key; an existing key file is still read, so
 * that deliveries for tasks made earlier still verify.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../config.js';
import { privateDir, privateFileMode, tighten } from '../store/sqlite/private-files.js';
import { StoreOpenError } from '../store/open.js';

export const webhookKeyFile = 'webhook-signing.key';

export function loadWebhookKey(config: Config, withRedis: boolean, logger: Logger): Uint8Array | undefined {
  if (config.webhookSigningKey) return Buffer.from(config.webhookSigningKey, 'utf8');
  if (!withRedis) return keyFile(config.dataDir, config.webhookBaseUrl !== undefined, logger);
  if (!config.webhookBaseUrl) return undefined;
  if (config.sandbox) return randomBytes(32);
  throw new ConfigError(
    'Invalid configuration:\n  WEBHOOK_SIGNING_KEY: required with REDIS_URL and PUBLIC_URL (at least 32 characters, the same on every ' +
      "instance): each task's webhook secret is derived from it, and any instance may receive any task's webhook",
  );
}

/** The key in DATA_DIR: read, or made when `create` (webhooks are asked for) and there is none yet. */
function keyFile(dataDir: string, create: boolean, logger: Logger): Uint8Array | undefined {
  const path = join(dataDir, webhookKeyFile);
  const report = (message: string) => logger.warn(`DATA_DIR is private to the gateway: ${message}`);
  try {
    const text = readFileSync(path, 'utf8').trim();
    tighten(path, privateFileMode, report);
    const key = Buffer.from(text, 'base64url');
    if (key.length < 32) throw new Error('it holds less than 32 bytes of key');
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new StoreOpenError(`DATA_DIR ${JSON.stringify(dataDir)}: ${webhookKeyFile} cannot be used (${(err as Error).message}).`);
    }
  }
  if (!create) return undefined;
  privateDir(dataDir, report);
  const key = randomBytes(32);
  try {
    // 'wx': of two processes starting on one DATA_DIR, one writes it and the other reads what it wrote.
    writeFileSync(path, `${key.toString('base64url')}\n`, { mode: privateFileMode, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return keyFile(dataDir, false, logger);
    throw new StoreOpenError(`DATA_DIR ${JSON.stringify(dataDir)}: ${webhookKeyFile} cannot be written (${(err as Error).message}).`);
  }
  logger.info(
    `Webhook secrets are derived from a key made in ${join(dataDir, webhookKeyFile)} (owner-only; keep it out of backups of gateway.db).`,
  );
  return key;
}

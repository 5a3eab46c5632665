/**
 * No silent sandbox in production: with SANDBOX=false (as the Docker image sets it) a gateway without a key refuses to
 * start and says which setting to set; with SANDBOX=true it runs the sandbox because it was asked to, and says so
 * (unset, `npm start` without a key keeps the sandbox of the README's first command: test/main.test.ts). On the
 * in-process sandbox its demo clip is everyone's, also with sign-in on, while any other clip must be the user's own.
 * (SANDBOX=true beside a key is refused as a contradiction: test/config.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { demoClip } from '../src/sandbox/index.js';
import { codes, gql } from './support/helpers.js';
import { gatewayProcesses, refusedGatewayStart } from './support/processes.js';
import { removeDataDir, tempDataDir } from './support/stores.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

describe('SANDBOX', { timeout: 60_000 }, () => {
  const start = gatewayProcesses();

  it('false, without a key: the start is refused (exit 1), and the message says to set AIMUSICAPI_API_KEY, or SANDBOX=true', async () => {
    const dataDir = tempDataDir();
    const refused = await refusedGatewayStart({ SANDBOX: 'false', DATA_DIR: dataDir }).finally(() => removeDataDir(dataDir));
    expect(refused).toMatchObject({ code: 1 });
    const { output } = refused as { output: string };
    expect(output).toContain('AIMUSICAPI_API_KEY: not set, and SANDBOX=false');
    expect(output).toContain('Set AIMUSICAPI_API_KEY to your upstream key, or SANDBOX=true to run the sandbox on purpose');
  });

  it("true: the sandbox runs because it was asked for, and the log says so; with sign-in, its demo clip is everyone's, another clip is NOT_FOUND", async () => {
    const webhookKey = 'a-webhook-signing-key-never-to-be-logged-0001';
    const child = await start({ SANDBOX: 'true', AUTH_JWT_SECRET: testJwtSecret, WEBHOOK_SIGNING_KEY: webhookKey, LOG_LEVEL: 'debug' });
    expect(await (await fetch(`${child.url}/health`)).json()).toMatchObject({ upstream: 'sandbox' });
    // The log reaches this process through a pipe, maybe after /health answered: waited for, not read once.
    await expect.poll(() => child.output()).toContain('SANDBOX=true: using the built-in sandbox upstream');
    const user = await signedIn('newcomer');
    const split = `mutation($c: ID!) { splitStemsBasic(clipId: $c) { id } }`;
    expect((await gql(child.url, split, { c: demoClip.id }, user)).data!.splitStemsBasic.id).toBeTruthy();
    expect(codes(await gql(child.url, split, { c: '5a4d8b0c-0000-4000-8000-00000000beef' }, user))).toEqual(['NOT_FOUND']);
    expect(child.output()).not.toContain(webhookKey);
  });
});

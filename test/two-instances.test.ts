/**
 * The same probes as on one instance, on two gateway instances sharing one Redis, with two signed-in users: what
 * a user made on one instance is theirs on the other (and nobody else's), a persisted query a user registered is
 * theirs alone, and an idempotency key is per user, whichever instance each request reaches.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/sandbox/index.js';
import { codes, gql, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { startRedis, type TestRedis } from './support/redis.js';
import { redis, requires } from './support/requirements.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

const taskMs = 10_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('two instances on one Redis, two users', requires(redis), () => {
  const clock = manualClock(Date.now());
  let redisServer: TestRedis;
  let sandbox: Sandbox;
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    redisServer = await startRedis();
    sandbox = await startSandbox(taskMs, clock.now);
    const env = { REDIS_URL: redisServer.url, AUTH_JWT_SECRET: testJwtSecret };
    a = await startGateway(sandbox.url, env);
    b = await startGateway(sandbox.url, env);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await sandbox.close();
    await redisServer.stop();
  });
  const posts = () => sandbox.calls.filter((c) => c.method === 'POST').length;

  it("a song Alice made and read on A is hers on B; Bob's request for its clip on B is NOT_FOUND with no upstream call", async () => {
    const alice = await signedIn(`alice-${randomUUID()}`);
    const bob = await signedIn(`bob-${randomUUID()}`);
    const id = (await gql(a.url, `mutation { createMusic(input: { description: "a song on A" }) { id } }`, {}, alice)).data!.createMusic.id;
    clock.advance(taskMs);
    const task = (await gql(a.url, `query($id: ID!) { task(id: $id) { status clips { id } } }`, { id }, alice)).data!.task;
    expect(task.status).toBe('SUCCEEDED');
    const clip = task.clips[0].id as string;
    const wav = `mutation($c: ID!) { getWav(clipId: $c) { wavUrl } }`;

    const before = posts();
    expect(codes(await gql(b.url, wav, { c: clip }, bob))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(b.url, `query($id: ID!) { task(id: $id) { id } }`, { id }, bob))).toEqual(['NOT_FOUND']);
    expect(posts()).toBe(before);
    expect((await gql(b.url, wav, { c: clip }, alice)).data!.getWav.wavUrl).toMatch(/^http/);
  });

  it('a persisted query Alice registered on A is served to her by hash on B, and is not found for Bob', async () => {
    const alice = await signedIn(`alice-${randomUUID()}`);
    const bob = await signedIn(`bob-${randomUUID()}`);
    const query = `{ viewer { id } } # registered by alice ${randomUUID()}`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const post = (url: string, body: Record<string, unknown>, headers: Record<string, string>) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }).then((res) => res.json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>);
    const registered = await post(a.url, { query, extensions }, alice);
    expect(registered.errors).toBeUndefined();
    expect(await post(b.url, { extensions }, alice)).toEqual(registered);
    expect((await post(b.url, { extensions }, bob)).errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(a.url, { extensions }, bob)).errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('an idempotency key replays for its user on the other instance, and is a new request for another user', async () => {
    const alice = await signedIn(`alice-${randomUUID()}`);
    const bob = await signedIn(`bob-${randomUUID()}`);
    const keyed = `mutation($k: String) { createMusic(input: { description: "one song, once" }, idempotencyKey: $k) { id } }`;
    const key = randomUUID();
    const before = posts();
    const first = (await gql(a.url, keyed, { k: key }, alice)).data!.createMusic.id;
    expect((await gql(b.url, keyed, { k: key }, alice)).data!.createMusic.id).toBe(first);
    expect(posts()).toBe(before + 1);
    const other = (await gql(b.url, keyed, { k: key }, bob)).data!.createMusic.id;
    expect(other).not.toBe(first);
    expect(posts()).toBe(before + 2);
    expect(codes(await gql(a.url, `query($id: ID!) { task(id: $id) { id } }`, { id: first }, bob))).toEqual(['NOT_FOUND']);
  });
});

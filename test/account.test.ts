/**
 * Credits and prices: the credits query, what each operation costs, the upstream's refusal when credits run out, and
 * reading tasks the gateway did not submit (the family is found by asking each in turn).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationMutations } from '../src/resolvers/mutations.js';
import { schema } from '../src/schema/index.js';
import { seed } from '../src/sandbox/route-kit.js';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import { codes, gql, keyA, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';

const creditsQuery = '{ credits { subscriptionCredits credits extraCredits total } }';
const costsQuery = '{ operationCosts { operation credits note } }';
const bpm = `mutation($c: ID!) { getBpm(clipId: $c) { bpm } }`;
const timeline = `mutation($c: ID!) { getLyricsTimeline(clipId: $c) { words { text } } }`;

describe('credits, costs and task families', () => {
  const clock = manualClock();
  let sandbox: Sandbox;
  let gw: TestGateway;
  let costs: Record<string, number | null>;
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  const creditsOf = async (key: string) => (await gql(gw.url, creditsQuery, {}, as(key))).data!.credits.total as number;

  beforeAll(async () => {
    sandbox = await startSandbox(1000, clock.now);
    gw = await startGateway(sandbox.url);
    const res = await gql(gw.url, costsQuery);
    costs = Object.fromEntries(
      res.data!.operationCosts.map((c: { operation: string; credits: number | null }) => [c.operation, c.credits]),
    );
  });
  afterAll(async () => {
    await gw.close();
    await sandbox.close();
  });

  it('lists the cost of every mutation, with the docs.aimusicapi.ai figures', async () => {
    expect(Object.keys(costs).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
    expect(costs).toMatchObject({ createMusic: 14, extendMusic: 10, splitStemsFull: 50, splitStemsBasic: 20, getBpm: 1, uploadMusic: 2 });
    expect(costs).toMatchObject({ producerCreateMusic: 10, producerGenerateLyrics: 1, producerCreateVideo: 5 });
    const lyrics = (await gql(gw.url, costsQuery)).data!.operationCosts.find(
      (c: { operation: string }) => c.operation === 'generateLyrics',
    );
    expect(lyrics).toMatchObject({ credits: null, note: expect.stringContaining('lyrics credits') });
  });

  it('reads the credits left from GET /api/v1/get-credits', async () => {
    const res = await gql(gw.url, creditsQuery, {}, as('fresh-key-0003'));
    expect(res.data!.credits).toEqual({ subscriptionCredits: 100_000, credits: 100_000, extraCredits: 0, total: 100_000 });
    expect(sandbox.calls.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/get-credits', apiKey: 'fresh-key-0003' });
  });

  it('spends what operationCosts says, and gets a failed task refunded', async () => {
    const key = 'spender-key-0004';
    const start = await creditsOf(key);
    await gql(gw.url, bpm, { c: demoClip.id }, as(key));
    expect(await creditsOf(key)).toBe(start - costs.getBpm!);

    const failing = `mutation { createMusic(input: { description: "sandbox:fail please" }) { id } }`;
    expect((await gql(gw.url, failing, {}, as(key))).errors).toBeUndefined();
    expect(await creditsOf(key)).toBe(start - costs.getBpm! - costs.createMusic!);
    clock.advance(1000);
    expect(await creditsOf(key)).toBe(start - costs.getBpm!);
  });

  it('charges a lyrics timeline once per clip', async () => {
    const key = 'aligner-key-0005';
    const start = await creditsOf(key);
    for (let i = 0; i < 3; i++) expect((await gql(gw.url, timeline, { c: demoClip.id }, as(key))).errors).toBeUndefined();
    expect(await creditsOf(key)).toBe(start - costs.getLyricsTimeline!);
  });

  it('is INSUFFICIENT_CREDITS when the account runs dry, and nothing is made', async () => {
    const key = 'dry-key-0006';
    sandbox.store.setCredits(key, 1);
    const upload = `mutation { uploadMusic(url: "https://example.com/a.mp3") { clipId } }`;
    const res = await gql(gw.url, upload, {}, as(key));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_CREDITS', upstreamStatus: 403 });
    expect(await creditsOf(key)).toBe(1);
    const stems = await gql(gw.url, `mutation { splitStemsFull(clipId: "${demoClip.id}") { id } }`, {}, as(key));
    expect(stems.errors?.[0]?.extensions?.code).toBe('INSUFFICIENT_CREDITS');
    expect((await gql(gw.url, bpm, { c: demoClip.id }, as(key))).data!.getBpm.bpm).toBeGreaterThan(0);
    expect(await creditsOf(key)).toBe(0);
  });

  it('reads a task it has no record of once, from the Sonic endpoint: 100 unknown ids are 100 reads', async () => {
    const elsewhere = sandbox.store.addTask(keyA, 'create_music', [seed({ title: 'Elsewhere' })], null, 'sonic', 10);
    clock.advance(1000);
    let before = sandbox.calls.length;
    const res = await gql(gw.url, `query($id: ID!) { task(id: $id) { kind status clips { title } } }`, { id: elsewhere.id });
    expect(res.data!.task).toMatchObject({ kind: 'UNKNOWN', status: 'SUCCEEDED', clips: [{ title: 'Elsewhere' }] });
    expect(sandbox.calls.slice(before).map((c) => c.path)).toEqual([`/api/v1/sonic/task/${elsewhere.id}`]);

    const unknown = Array.from({ length: 100 }, (_, i) => `0000dead-0000-4000-8000-${String(i).padStart(12, '0')}`);
    before = sandbox.calls.length;
    const many = await gql(gw.url, `query($ids: [ID!]!) { tasks(ids: $ids) { id } }`, { ids: unknown });
    expect(many.data!.tasks).toEqual(unknown.map(() => null));
    expect(new Set(codes(many))).toEqual(new Set(['NOT_FOUND']));
    const reads = sandbox.calls.slice(before).map((c) => c.path);
    expect(reads).toHaveLength(100);
    expect(reads.every((path) => path.startsWith('/api/v1/sonic/task/'))).toBe(true);
  });

  it('is NOT_FOUND for a task no family has', async () => {
    const res = await gql(gw.url, `{ task(id: "0000dead-0000-4000-8000-00000000beef") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('exposes no Nuro (410 Gone in the sandbox as upstream), and Riffusion and createPersona only as deprecated mutations', async () => {
    const mutations = schema.getMutationType()!.getFields();
    const fields = [...Object.keys(mutations), ...Object.keys(schema.getQueryType()!.getFields())];
    expect(fields.filter((f) => /nuro/i.test(f))).toEqual([]);
    const deprecated = Object.values(mutations)
      .filter((f) => f.deprecationReason)
      .map((f) => f.name)
      .sort();
    expect(deprecated).toEqual(['createPersona', 'riffusionCreateMusic', 'riffusionUploadMusic']);
    expect(mutations.createPersona!.deprecationReason).toMatch(/unavailable.*createVoice/is);
    expect(mutations.riffusionCreateMusic!.deprecationReason).toMatch(/deprecated.*UPSTREAM_GONE/s);
    const res = await fetch(`${sandbox.url}/api/v1/nuro/create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keyA}` },
      body: '{}',
    });
    expect(res.status).toBe(410);
  });

  it('docs/api.md lists every operation with an example', () => {
    const page = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
    const section = page.slice(page.indexOf('## Operations'), page.indexOf('\n## ', page.indexOf('## Operations') + 1));
    for (const field of Object.keys(operationMutations)) expect(section, field).toMatch(new RegExp(`\\b${field}\\(`));
    expect(section).toMatch(/\bcredits\b/);
    expect(section).toMatch(/\boperationCosts\b/);
  });
});

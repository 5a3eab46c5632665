/**
 * Prices per brand: the table in force is chosen from the upstream host (api.aimusicapi.ai or api.musicapi.ai) and
 * held against the figures the research recorded per brand (test/cases/upstream-examples.ts `pricesByBrand`, each
 * with its source), an operator's OPERATION_COSTS_FILE replaces figures and is checked at start, and signed-in users'
 * budgets reserve what the table in force says.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../src/app/gateway.js';
import { closeServices, createServices } from '../src/app/services.js';
import { ConfigError, loadConfig, resolveConfig } from '../src/config.js';
import { type Sandbox, demoClip } from '../src/sandbox/index.js';
import { operationMutations } from '../src/resolvers/mutations.js';
import { documentedPrices } from './cases/documented.js';
import { pricesByBrand, type PriceFigure } from './cases/upstream-examples.js';
import { gql, keyA, startSandbox } from './support/helpers.js';
import { removeDataDir, tempDataDir } from './support/stores.js';
import { signedIn, testJwtSecret } from './support/tokens.js';

const costsQuery = '{ operationCosts { operation credits note source } }';
const splitFull = `mutation { splitStemsFull(clipId: "${demoClip.id}") { id } }`;

/** The mutations whose musicapi.ai figure the research found, and the `pricesByBrand.musicapi` key of each. */
const musicapiFigures: Record<string, string> = {
  createMusic: 'createMusic',
  extendMusic: 'extend',
  coverMusic: 'cover',
  createMusicWithPersona: 'personaMusic',
  extendUploadedMusic: 'extendUploadMusic',
  coverUploadedMusic: 'coverUploadMusic',
  concatMusic: 'concat',
  remasterMusic: 'remaster',
  addVocals: 'addVocals',
  addInstrumental: 'addInstrumental',
  splitStemsBasic: 'stemsBasic',
  splitStemsFull: 'stemsFull',
  getWav: 'wav',
  createVoice: 'createVoice',
  riffusionCreateMusic: 'riffusion',
  producerCreateMusic: 'producerCreate',
  uploadMusic: 'upload',
  getBpm: 'bpm',
  getVox: 'vox',
};
/** The figure a page states: the first one recorded for the operation. */
const stated = (brand: 'aimusicapi' | 'musicapi', key: string) => (pricesByBrand[brand][key] as readonly PriceFigure[])[0]!.credits;

/** A gateway whose prices come from `configuredUrl` while its calls go to the sandbox. */
async function gatewayPricedAs(configuredUrl: string, sandbox: Sandbox, env: Record<string, string> = {}) {
  const dataDir = tempDataDir();
  const loaded = loadConfig({ AIMUSICAPI_BASE_URL: configuredUrl, AIMUSICAPI_API_KEY: keyA, DATA_DIR: dataDir, ...env });
  const config = resolveConfig(loaded, { upstreamUrl: sandbox.url, webhookBaseUrl: undefined });
  const services = createServices(config, pino({ level: 'silent' }));
  const gateway = createGateway(services);
  const url = await gateway.listen(0, '127.0.0.1');
  return {
    url,
    config,
    async close() {
      await gateway.close();
      await closeServices(services);
      removeDataDir(dataDir);
    },
  };
}

const costsOf = async (url: string) =>
  Object.fromEntries(
    (await gql(url, costsQuery)).data!.operationCosts.map((c: { operation: string; credits: number | null }) => [c.operation, c.credits]),
  ) as Record<string, number | null>;

describe('the price table follows the upstream host', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    sandbox = await startSandbox();
    dir = mkdtempSync(join(tmpdir(), 'aimusic-prices-'));
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every mutation is priced under its own name (what operationCosts lists and OPERATION_COSTS_FILE names)', () => {
    for (const [field, spec] of Object.entries(operationMutations)) expect(spec.operation.name, field).toBe(field);
  });

  it('api.aimusicapi.ai: the aimusicapi figures', async () => {
    const gw = await gatewayPricedAs('https://api.aimusicapi.ai', sandbox);
    try {
      const costs = await costsOf(gw.url);
      expect(costs).toMatchObject(documentedPrices);
      expect(costs).toMatchObject({ splitStemsFull: stated('aimusicapi', 'stemsFull'), getWav: stated('aimusicapi', 'wav') });
      expect(costs.createVoice).toBe(stated('aimusicapi', 'createVoice'));
    } finally {
      await gw.close();
    }
  });

  it('api.musicapi.ai: the musicapi.ai figures (stems full 75, basic 15, wav 2), the others marked as taken from the other brand', async () => {
    const gw = await gatewayPricedAs('https://api.musicapi.ai', sandbox);
    try {
      expect(gw.config.operationCosts.brand).toBe('musicapi');
      const costs = await costsOf(gw.url);
      for (const [mutation, key] of Object.entries(musicapiFigures)) expect(costs[mutation], mutation).toBe(stated('musicapi', key));
      const rows = (await gql(gw.url, costsQuery)).data!.operationCosts as { operation: string; note: string | null; source: string }[];
      const midi = rows.find((r) => r.operation === 'getMidi')!;
      expect(midi.note).toContain('Not published for api.musicapi.ai');
      expect(midi.source).toContain('api.musicapi.ai');
      expect(rows.find((r) => r.operation === 'generateLyrics')).toMatchObject({
        credits: null,
        note: expect.stringContaining('lyrics credits'),
      });
    } finally {
      await gw.close();
    }
  });

  it('a budget reserves the table in force: 75 for a full split on api.musicapi.ai', async () => {
    // CLIP_ACCESS=any: the split is of the sandbox's demo clip, which no signed-in user made (ownership: ownership.test.ts).
    const signIn = { AUTH_JWT_SECRET: testJwtSecret, USER_CREDIT_BUDGET: '74', USER_BUDGET_WINDOW: '1d', CLIP_ACCESS: 'any' };
    const musicapi = await gatewayPricedAs('https://api.musicapi.ai', sandbox, signIn);
    try {
      const calls = sandbox.calls.length;
      const refused = await gql(musicapi.url, splitFull, {}, await signedIn('ada'));
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BUDGET_EXCEEDED', remaining: 74 });
      expect(refused.errors?.[0]?.message).toContain('costs 75 credits');
      expect(sandbox.calls.length).toBe(calls);
    } finally {
      await musicapi.close();
    }
    const aimusicapi = await gatewayPricedAs('https://api.aimusicapi.ai', sandbox, signIn);
    try {
      const passed = await gql(aimusicapi.url, splitFull, {}, await signedIn('ada'));
      expect(passed.errors).toBeUndefined();
      const budget = await gql(aimusicapi.url, '{ viewer { budget { used remaining } } }', {}, await signedIn('ada'));
      expect(budget.data!.viewer.budget).toMatchObject({
        used: documentedPrices.splitStemsFull,
        remaining: 74 - documentedPrices.splitStemsFull!,
      });
    } finally {
      await aimusicapi.close();
    }
  });

  it("OPERATION_COSTS_FILE: the operator's figures are listed, sourced and reserved", async () => {
    const file = join(dir, 'costs.json');
    writeFileSync(file, JSON.stringify({ splitStemsFull: 60, getBpm: 0 }));
    const gw = await gatewayPricedAs('https://api.musicapi.ai', sandbox, {
      OPERATION_COSTS_FILE: file,
      AUTH_JWT_SECRET: testJwtSecret,
      USER_CREDIT_BUDGET: '59',
      CLIP_ACCESS: 'any',
    });
    try {
      const rows = (await gql(gw.url, costsQuery, {}, await signedIn('bea'))).data!.operationCosts as {
        operation: string;
        credits: number;
        source: string;
      }[];
      expect(rows.find((r) => r.operation === 'splitStemsFull')).toMatchObject({ credits: 60, source: 'OPERATION_COSTS_FILE' });
      expect(rows.find((r) => r.operation === 'getBpm')).toMatchObject({ credits: 0, source: 'OPERATION_COSTS_FILE' });
      expect(rows.find((r) => r.operation === 'splitStemsBasic')).toMatchObject({ credits: stated('musicapi', 'stemsBasic') });
      const refused = await gql(gw.url, splitFull, {}, await signedIn('bea'));
      expect(refused.errors?.[0]?.message).toContain('costs 60 credits');
    } finally {
      await gw.close();
    }
  });

  it.each([
    ['an unknown operation', { splitStems: 75 }, '"splitStems"'],
    ['a figure that is not a number', { splitStemsFull: '75' }, '"splitStemsFull"'],
    ['a negative figure', { getWav: -1 }, '"getWav"'],
    ['a list instead of an object', [75], 'JSON object'],
  ])('OPERATION_COSTS_FILE with %s stops the configuration, naming it', (_what, content, named) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(content));
    const load = () => loadConfig({ AIMUSICAPI_API_KEY: keyA, OPERATION_COSTS_FILE: file });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/OPERATION_COSTS_FILE/);
    expect(load).toThrow(named);
  });

  it('a missing or unreadable file stops the configuration too', () => {
    expect(() => loadConfig({ AIMUSICAPI_API_KEY: keyA, OPERATION_COSTS_FILE: join(dir, 'nope.json') })).toThrow(
      /OPERATION_COSTS_FILE: cannot read/,
    );
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ splitStemsFull: 75 ');
    expect(() => loadConfig({ AIMUSICAPI_API_KEY: keyA, OPERATION_COSTS_FILE: notJson })).toThrow(/is not JSON/);
  });

  it('the gateway process does not start with a bad file: exit 1, the message names the operation', async () => {
    const file = join(dir, 'process.json');
    writeFileSync(file, JSON.stringify({ splitStemsFull: 75, stemsFull: 75 }));
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { PATH: process.env.PATH, AIMUSICAPI_API_KEY: keyA, OPERATION_COSTS_FILE: file, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('OPERATION_COSTS_FILE');
    expect(stderr).toContain('unknown operation "stemsFull"');
  });
});

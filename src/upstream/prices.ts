/**
 * What each paid operation costs in upstream credits. The two brands of the upstream publish different prices for the
 * same API (docs/upstream.md §13, §15.5: for example stems full 75 on musicapi.ai and 50 on aimusicapi.ai), so the
 * table is chosen from the upstream host, once at start, and an operator can set figures of their own
 * (OPERATION_COSTS_FILE, read by src/config.ts). Budgets reserve, and `operationCosts` lists, the table in force.
 * Plain data and small functions: src/config.ts loads this before anything else of the gateway.
 */
import { readFileSync } from 'node:fs';

/** The brands: api.aimusicapi.ai (the default, also for the sandbox and any other host) and api.musicapi.ai. */
export type Brand = 'aimusicapi' | 'musicapi';

export const brandHosts: Record<Brand, string> = { aimusicapi: 'api.aimusicapi.ai', musicapi: 'api.musicapi.ai' };

export interface Price {
  /** Credits per call; null when the upstream publishes none in regular credits. */
  credits: number | null;
  /** How the cost varies, or why it is uncertain. */
  note?: string;
}

const estimate = (parts: string) => `Not published separately: ${parts}.`;

/**
 * api.aimusicapi.ai: the docs.aimusicapi.ai Credits Guide as transcribed by [B44] (2026-09-03), the Producer
 * Instructions page, the January 2026 changelog; each figure's source is in docs/upstream.md §13, §14.1 and §15.5.
 */
const aimusicapi = {
  createMusic: { credits: 14, note: '10 in custom mode on SONIC_V3_5 or SONIC_V4; 14 otherwise.' },
  extendMusic: { credits: 10 },
  extendUploadedMusic: { credits: 10 },
  coverMusic: { credits: 14 },
  coverUploadedMusic: { credits: 14 },
  concatMusic: { credits: 2 },
  createMusicWithPersona: { credits: 10 },
  remasterMusic: { credits: 10 },
  addVocals: { credits: 10 },
  addInstrumental: { credits: 10 },
  uploadAndExtendMusic: { credits: 12, note: estimate('an upload (2) plus an extension (10)') },
  uploadAndCoverMusic: { credits: 16, note: estimate('an upload (2) plus a cover (14)') },
  sampleMusic: { credits: 14 },
  mashupMusic: { credits: 14, note: 'The January 2026 changelog said 10; the later credits guide 14.' },
  replaceSection: { credits: 10 },
  splitStemsFull: { credits: 50 },
  splitStemsBasic: { credits: 20 },
  createPersona: { credits: 1 },
  createVoice: { credits: 4 },
  getBpm: { credits: 1 },
  getVox: { credits: 1 },
  getWav: { credits: 1 },
  getMidi: { credits: 1 },
  getLyricsTimeline: { credits: 1, note: 'Charged on the first call per clip; later calls for the same clip are free.' },
  upsampleTags: { credits: 1 },
  uploadMusic: { credits: 2 },
  generateLyrics: {
    credits: null,
    note: 'Charged in separate lyrics credits, not regular credits; the current rate is not published.',
  },
  producerCreateMusic: { credits: 10 },
  producerGenerateLyrics: { credits: 1 },
  producerCreateVideo: { credits: 5 },
  producerUploadMusic: { credits: 2 },
  producerDownload: { credits: 2 },
  riffusionCreateMusic: { credits: 12, note: 'Not published for this brand: the api.musicapi.ai figure (docs.sunoapi.com: 10).' },
  riffusionUploadMusic: { credits: 2, note: 'Not published for this brand: the docs.sunoapi.com figure.' },
} satisfies Record<string, Price>;

/** The operations that have a price: every paid mutation, by its GraphQL name. */
export type PricedOperation = keyof typeof aimusicapi;
export const pricedOperations = Object.keys(aimusicapi) as PricedOperation[];

/**
 * api.musicapi.ai: musicapi.ai's own guides and docs.musicapi.ai (docs/upstream.md §13 "research18 additions",
 * §15.5). Operations it publishes no figure for take the api.aimusicapi.ai one (`pricesOf`).
 */
const musicapi: Partial<Record<PricedOperation, Price>> = {
  createMusic: { credits: 15, note: '"All models: 15 credits per API call"; a 2026-10 third-party reading says 20 on newer models.' },
  extendMusic: { credits: 15 },
  extendUploadedMusic: { credits: 15 },
  coverMusic: { credits: 15 },
  coverUploadedMusic: { credits: 15 },
  concatMusic: { credits: 2 },
  createMusicWithPersona: { credits: 15 },
  remasterMusic: { credits: 10 },
  addVocals: { credits: 10 },
  addInstrumental: { credits: 10 },
  uploadAndExtendMusic: { credits: 17, note: estimate('an upload (2) plus an extension (15)') },
  uploadAndCoverMusic: { credits: 17, note: estimate('an upload (2) plus a cover (15)') },
  splitStemsFull: { credits: 75 },
  splitStemsBasic: { credits: 15 },
  getWav: { credits: 2 },
  createVoice: { credits: 4 },
  uploadMusic: { credits: 2 },
  getBpm: { credits: 1 },
  getVox: { credits: 1 },
  generateLyrics: { credits: null, note: 'Charged in separate lyrics credits (10 per call), not regular credits.' },
  producerCreateMusic: { credits: 12 },
  riffusionCreateMusic: { credits: 12 },
};

const notPublished = `Not published for ${brandHosts.musicapi}: the ${brandHosts.aimusicapi} figure.`;

/** The brand whose prices apply to an upstream URL: api.musicapi.ai (or a subdomain of musicapi.ai), else aimusicapi. */
export function brandOf(upstreamUrl: string): Brand {
  const host = new URL(upstreamUrl).hostname.toLowerCase();
  return host === 'musicapi.ai' || host.endsWith('.musicapi.ai') ? 'musicapi' : 'aimusicapi';
}

/** Every operation's published price for a brand. */
export function pricesOf(brand: Brand): Record<PricedOperation, Price> {
  if (brand === 'aimusicapi') return { ...aimusicapi };
  return Object.fromEntries(
    pricedOperations.map((name) => {
      const own = musicapi[name];
      const fallback = aimusicapi[name] as Price;
      return [name, own ?? { credits: fallback.credits, note: [notPublished, fallback.note].filter(Boolean).join(' ') }];
    }),
  ) as Record<PricedOperation, Price>;
}

/** One entry of the table in force: the price and where it comes from. */
export interface CostEntry extends Price {
  source: string;
}

export type CostTable = Readonly<Record<PricedOperation, Readonly<CostEntry>>>;

/**
 * The table in force: the brand's published prices, with an operator's figures (already checked by
 * `readCostOverrides`) over them.
 */
export function costTable(brand: Brand, overrides: Partial<Record<PricedOperation, number>> = {}, overrideSource = 'override'): CostTable {
  const published = pricesOf(brand);
  const source = `published prices of ${brandHosts[brand]} (docs/upstream.md §13)`;
  return Object.fromEntries(
    pricedOperations.map((name) => {
      const own = overrides[name];
      const entry: CostEntry = own === undefined ? { ...published[name], source } : { credits: own, source: overrideSource };
      return [name, entry];
    }),
  ) as CostTable;
}

/**
 * Checks an operator's price list (the parsed JSON of OPERATION_COSTS_FILE): an object of operation name → credits.
 * Throws an Error whose message names the first unknown operation or the first figure that is not a number.
 */
export function readCostOverrides(value: unknown): Partial<Record<PricedOperation, number>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('must hold a JSON object of operation name → credits, e.g. {"splitStemsFull": 75}');
  }
  const known = new Set<string>(pricedOperations);
  const out: Partial<Record<PricedOperation, number>> = {};
  for (const [name, credits] of Object.entries(value)) {
    if (!known.has(name)) throw new Error(`unknown operation "${name}" (the operations are those \`operationCosts\` lists)`);
    if (typeof credits !== 'number' || !Number.isInteger(credits) || credits < 0) {
      throw new Error(`"${name}" must be a whole number of credits (0 or more), not ${JSON.stringify(credits)}`);
    }
    out[name as PricedOperation] = credits;
  }
  return out;
}

/**
 * The table in force for a brand, with the figures of an operator's file (JSON) over it when `file` is given. Throws
 * an Error whose message names the file and what is wrong with it.
 */
export function loadCostTable(brand: Brand, file: string | undefined): CostTable {
  if (!file) return costTable(brand);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  try {
    return costTable(brand, readCostOverrides(parsed), 'OPERATION_COSTS_FILE');
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
}

/**
 * The live task page in a real browser (Debian's headless Chromium driven by playwright-core): from an empty page,
 * create a song in the sandbox, split it into stems, watch the task over graphql-ws, and play the 12 stems.
 * Skipped where /usr/bin/chromium is missing, unless REQUIRE_CHROMIUM=1 (set by .ci/run, which installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/upstream/sandbox/server.js';
import { startGateway, startSandbox, type TestGateway } from './helpers.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
if (!available && process.env.REQUIRE_CHROMIUM === '1') throw new Error(`REQUIRE_CHROMIUM=1 but ${executablePath} does not exist.`);
if (!available) console.warn(`${executablePath} not found: the browser test is skipped (apt-get install chromium).`);

// Flags for a root user in a sandboxed machine with no network (see the env notes on Chromium here).
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

describe.skipIf(!available)('live task page in Chromium', () => {
  let sandbox: Sandbox;
  let gw: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    sandbox = await startSandbox(1500);
    gw = await startGateway(sandbox.url, { POLL_INTERVAL_MS: '150' });
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await sandbox?.close();
  });

  it('goes from an empty page to 12 playable stems, updated live', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${gw.url}/`);
    expect(await page.inputValue('#clipId')).toBe('');
    await expect.poll(() => page.textContent('[data-cost-for="splitStemsFull"]')).toBe('50 credits');

    await page.click('#create');
    await page.waitForFunction(() => (document.getElementById('clipId') as HTMLInputElement).value !== '', null, { timeout: 15_000 });
    const songClip = await page.inputValue('#clipId');
    expect(sandbox.store.clip(songClip)).toBeDefined();

    await page.click('#split');
    await page.waitForSelector('#tracks li audio', { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelectorAll('#tracks li audio').length === 12);
    expect(await page.textContent('#taskKind')).toBe('STEMS_FULL');

    // Every update arrived over the WebSocket, in order, ending with SUCCEEDED.
    const statuses = await page.$$eval('#events li', (items) => items.map((li) => (li as HTMLElement).dataset.status));
    expect(statuses[0]).toBe('PENDING');
    expect(statuses).toContain('RUNNING');
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    expect(statuses.indexOf('RUNNING')).toBeLessThan(statuses.indexOf('SUCCEEDED'));

    const kinds = await page.$$eval('#tracks li', (items) => items.map((li) => (li as HTMLElement).dataset.kind));
    expect(new Set(kinds).size).toBe(12);
    // Each player has loaded real audio and can play it.
    const players = await page.$$eval('#tracks li audio', async (audios) =>
      Promise.all(
        (audios as HTMLAudioElement[]).map(async (audio) => {
          audio.muted = true;
          if (audio.readyState < 1) await new Promise((resolve) => audio.addEventListener('loadedmetadata', resolve, { once: true }));
          await audio.play();
          const playing = !audio.paused;
          audio.pause();
          return { duration: audio.duration, playing };
        }),
      ),
    );
    expect(players).toHaveLength(12);
    for (const player of players) {
      expect(player.playing).toBe(true);
      expect(player.duration).toBeGreaterThan(1);
    }
    expect(pageErrors).toEqual([]);
    mkdirSync('test/artifacts', { recursive: true });
    await page.screenshot({ path: 'test/artifacts/live-page.png', fullPage: true });
  }, 60_000);
});

/**
 * The live task page in a real browser (Debian's headless Chromium driven by playwright-core): from an empty page,
 * create a song in the sandbox, split it into stems, watch the task over graphql-ws, and play the 12 stems in the
 * mixer (read back from the page's audio graph through `window.studio`).
 * Skipped where /usr/bin/chromium is missing, unless REQUIRE_CHROMIUM=1 (set by .ci/run, which installs it).
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/upstream/sandbox/server.js';
import { manualClock, startGateway, startSandbox, type TestGateway } from './helpers.js';
import { chromium as chromiumInstalled, chromiumPath as executablePath, requires } from './requirements.js';


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

const taskMs = 20_000;

describe('live task page in Chromium', requires(chromiumInstalled), () => {
  // The sandbox's tasks move only when the test moves this clock: each state is on the page before the next begins.
  const clock = manualClock(Date.now());
  let sandbox: Sandbox;
  let gw: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    sandbox = await startSandbox(taskMs, clock.now);
    gw = await startGateway(sandbox.url, { POLL_INTERVAL_MS: '150' });
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await sandbox?.close();
  });

  it('goes from an empty page to 12 stems playing in sync in the mixer, with solo, mute, seek and waveforms', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${gw.url}/`);
    expect(await page.inputValue('#clipId')).toBe('');
    await expect.poll(() => page.textContent('[data-cost-for="splitStemsFull"]')).toBe('50 credits');

    await page.click('#create');
    await expect.poll(() => sandbox.calls.filter((c) => c.method === 'POST').length).toBe(1);
    clock.advance(taskMs);
    await page.waitForFunction(() => (document.getElementById('clipId') as HTMLInputElement).value !== '', null, { timeout: 15_000 });
    const songClip = await page.inputValue('#clipId');
    expect(sandbox.store.clip(songClip)).toBeDefined();

    await page.click('#split');
    const shown = (status: string) =>
      page.waitForFunction(
        (s) =>
          document.getElementById('taskKind')?.textContent === 'STEMS_FULL' &&
          [...document.querySelectorAll<HTMLElement>('#events li')].some((li) => li.dataset.status === s),
        status,
        { timeout: 15_000 },
      );
    await shown('PENDING');
    clock.advance(taskMs / 2);
    await shown('RUNNING');
    clock.advance(taskMs / 2);
    await page.waitForFunction(() => document.querySelectorAll('#mixer li.stem canvas').length === 12, null, { timeout: 15_000 });
    expect(await page.textContent('#taskKind')).toBe('STEMS_FULL');

    // Every update arrived over the WebSocket, in order, ending with SUCCEEDED.
    const statuses = await page.$$eval('#events li', (items) => items.map((li) => (li as HTMLElement).dataset.status));
    expect(statuses[0]).toBe('PENDING');
    expect(statuses).toContain('RUNNING');
    expect(statuses.at(-1)).toBe('SUCCEEDED');
    expect(statuses.indexOf('RUNNING')).toBeLessThan(statuses.indexOf('SUCCEEDED'));

    const kinds = await page.$$eval('#mixer li.stem', (items) => items.map((li) => (li as HTMLElement).dataset.kind));
    expect(new Set(kinds).size).toBe(12);
    // Each stem keeps its own download link, to the sandbox's WAV of that stem.
    const links = await page.$$eval('#mixer a.download', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(12);
    for (const link of links) expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/[\w-]+\.wav$/);

    // Every waveform was drawn from decoded audio: each canvas has painted pixels, and not all of its columns alike.
    const painted = await page.$$eval('#mixer canvas.wave', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((c) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
        return count / (c.width * c.height);
      }),
    );
    expect(painted).toHaveLength(12);
    for (const share of painted) {
      expect(share).toBeGreaterThan(0.02);
      expect(share).toBeLessThan(1);
    }

    type Snapshot = {
      contextState: string;
      currentTime: number;
      playing: boolean;
      position: number;
      stems: { kind: string; startTime: number | null; gain: number }[];
    };
    const snapshot = () => page.evaluate(() => (window as unknown as { studio: { snapshot(): Snapshot } }).studio.snapshot());

    // One press of play: all 12 sources start at one AudioContext time, and the context runs past it.
    await page.click('#mixer .play');
    const playing = await snapshot();
    expect(playing.playing).toBe(true);
    const starts = new Set(playing.stems.map((s) => s.startTime));
    expect(starts.size).toBe(1);
    expect([...starts][0]).toEqual(expect.any(Number));
    await page.waitForFunction(
      (start) => {
        const s = (window as unknown as { studio: { snapshot(): Snapshot } }).studio.snapshot();
        return s.contextState === 'running' && s.currentTime > (start as number) + 0.2;
      },
      [...starts][0],
      { timeout: 10_000 },
    );
    expect(playing.stems.every((s) => s.gain === 1)).toBe(true);

    // Solo on the vocals: only the vocals' gain is open. Solo off, mute the drums: only the drums are closed.
    await page.click('#mixer li.stem[data-kind="VOCALS"] .solo');
    const soloed = await snapshot();
    expect(soloed.stems.filter((s) => s.gain > 0).map((s) => s.kind)).toEqual(['VOCALS']);
    await page.click('#mixer li.stem[data-kind="VOCALS"] .solo');
    await page.click('#mixer li.stem[data-kind="DRUMS"] .mute');
    const muted = await snapshot();
    expect(muted.stems.filter((s) => s.gain === 0).map((s) => s.kind)).toEqual(['DRUMS']);
    expect(muted.stems.filter((s) => s.gain === 1)).toHaveLength(11);

    // Pause, seek to 5 s, play: the sources start again together, from there.
    await page.click('#mixer .play');
    const paused = await snapshot();
    expect(paused.playing).toBe(false);
    expect(paused.stems.every((s) => s.startTime === null)).toBe(true);
    await page.$eval('#mixer .seek', (input) => {
      (input as HTMLInputElement).value = '5';
      input.dispatchEvent(new Event('input'));
    });
    expect((await snapshot()).position).toBe(5);
    await page.click('#mixer .play');
    const resumed = await snapshot();
    expect(new Set(resumed.stems.map((s) => s.startTime)).size).toBe(1);
    expect(resumed.position).toBeGreaterThanOrEqual(4.8);
    expect(resumed.position).toBeLessThan(8);

    expect(pageErrors).toEqual([]);
    mkdirSync('test/artifacts', { recursive: true });
    await page.screenshot({ path: 'test/artifacts/live-page.png', fullPage: true });

    // A basic split opens in the same mixer, with its two stems.
    const posts = sandbox.calls.filter((c) => c.method === 'POST').length;
    await page.click('#splitBasic');
    await expect.poll(() => sandbox.calls.filter((c) => c.method === 'POST').length).toBe(posts + 1);
    clock.advance(taskMs);
    await page.waitForFunction(() => document.querySelectorAll('#mixer li.stem canvas').length === 2, null, { timeout: 15_000 });
    const basic = await snapshot();
    expect(basic.stems.map((s) => s.kind)).toEqual(['VOCALS', 'INSTRUMENTAL']);
    expect(basic.playing).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

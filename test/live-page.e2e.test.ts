/**
 * The live task page in a real browser (Debian's headless Chromium driven by playwright-core): from an empty page,
 * create a song in the sandbox, split it into stems, watch the task over graphql-ws, and play the 12 stems in the
 * mixer (read back from the page's audio graph through `window.studio`).
 * Skipped where /usr/bin/chromium is missing, unless REQUIRE_CHROMIUM=1 (set by .ci/run, which installs it).
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { demoClip, type Sandbox } from '../src/sandbox/index.js';
import { gql, manualClock, startGateway, startSandbox, type TestGateway } from './support/helpers.js';
import { chromium as chromiumInstalled, chromiumPath as executablePath, requires } from './support/requirements.js';
import { hsToken, testJwtSecret } from './support/tokens.js';

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

/** Waits until the page shows a new task of `kind` and its first live event (so the sandbox has it). */
async function pendingTask(page: Page, kind: string) {
  await page.waitForFunction(
    (k) => document.getElementById('taskKind')?.textContent === k && document.querySelector('#events li[data-status="PENDING"]') !== null,
    kind,
  );
}

describe('live task page in Chromium', requires(chromiumInstalled), () => {
  // The sandbox's clock moves only when the test says, so the page sees every state whatever the machine's load.
  const clock = manualClock(Date.now());
  const taskMs = 1500;
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
    // Closed once the test is over: a page left open would play its stems on (and the audio costs CPU) during the next tests.
    onTestFinished(() => page.close());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${gw.url}/`);
    expect(await page.inputValue('#clipId')).toBe('');
    await expect.poll(() => page.textContent('[data-cost-for="splitStemsFull"]')).toBe('50 credits');

    await page.click('#create');
    await pendingTask(page, 'CREATE_MUSIC');
    clock.advance(taskMs);
    await page.waitForFunction(() => (document.getElementById('clipId') as HTMLInputElement).value !== '', null, { timeout: 15_000 });
    const songClip = await page.inputValue('#clipId');
    expect(sandbox.store.clip(songClip)).toBeDefined();

    // Three full splits of 1.5 s seen finish before: the progress bar of this one should fill in about 1.5 s.
    for (let i = 0; i < 3; i++) await gw.services.durations.record('STEMS_FULL', 1500, Date.now());
    await page.click('#split');
    await pendingTask(page, 'STEMS_FULL');
    await page.waitForSelector('#progress:not([hidden])');
    expect(await page.textContent('#progressText')).toMatch(/^about \d+ s left$/);
    mkdirSync('test/artifacts', { recursive: true });
    clock.advance(taskMs / 2);
    await page.waitForSelector('#events li[data-status="RUNNING"]');
    // The bar moves on the page's own timer while the task runs: wait until it has shown a few steps, then finish.
    await page.waitForFunction(
      () => (window as unknown as { studio: { progressShown: number[] } }).studio.progressShown.filter((f) => f > 0 && f < 1).length >= 3,
    );
    await page.screenshot({ path: 'test/artifacts/live-page-progress.png' });
    clock.advance(taskMs / 2);
    await page.waitForFunction(() => document.querySelectorAll('#mixer li.stem canvas').length === 12, null, { timeout: 15_000 });
    // The bar moved while the task ran (the page records each fraction it showed), and ended full.
    const shown = await page.evaluate(() => (window as unknown as { studio: { progressShown: number[] } }).studio.progressShown);
    const during = shown.slice(0, -1);
    expect(during.filter((f) => f > 0 && f < 1).length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < during.length; i++) expect(during[i]).toBeGreaterThan(during[i - 1]!);
    expect(shown.at(-1)).toBe(1);
    expect(await page.textContent('#progressText')).toBe('done');
    expect(await page.textContent('#taskKind')).toBe('STEMS_FULL');

    // Every update arrived over the WebSocket, in order, ending with SUCCEEDED.
    const statuses = await page.$$eval('#events li', (items) => items.map((li) => (li as HTMLElement).dataset.status));
    expect(statuses).toEqual(['PENDING', 'RUNNING', 'SUCCEEDED']);

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
      offset: number;
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

    // Pause, seek to 1 s, play: the sources start again together, from there.
    await page.click('#mixer .play');
    const paused = await snapshot();
    expect(paused.playing).toBe(false);
    expect(paused.stems.every((s) => s.startTime === null)).toBe(true);
    await page.$eval('#mixer .seek', (input) => {
      (input as HTMLInputElement).value = '1';
      input.dispatchEvent(new Event('input'));
    });
    expect((await snapshot()).position).toBe(1);
    await page.click('#mixer .play');
    const resumed = await snapshot();
    expect(resumed.playing).toBe(true);
    expect(new Set(resumed.stems.map((s) => s.startTime)).size).toBe(1);
    expect(resumed.offset).toBe(1);

    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: 'test/artifacts/live-page.png', fullPage: true });

    // A basic split opens in the same mixer, with its two stems.
    await page.click('#splitBasic');
    await pendingTask(page, 'STEMS_BASIC');
    clock.advance(taskMs);
    await page.waitForFunction(() => document.querySelectorAll('#mixer li.stem canvas').length === 2, null, { timeout: 15_000 });
    const basic = await snapshot();
    expect(basic.stems.map((s) => s.kind)).toEqual(['VOCALS', 'INSTRUMENTAL']);
    expect(basic.playing).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('with sign-in on: a followed task whose token expires shows why live updates stopped', async () => {
    // CLIP_ACCESS=any: the split is of the sandbox's demo clip, which no signed-in user made.
    const signInGw = await startGateway(sandbox.url, { AUTH_JWT_SECRET: testJwtSecret, POLL_INTERVAL_MS: '150', CLIP_ACCESS: 'any' });
    const page = await browser.newPage();
    try {
      await page.goto(`${signInGw.url}/`);
      // A token that expires in a few seconds (made once the page is loaded, so a slow machine still submits with it):
      // the socket is closed with 4403 then, while the task still runs.
      const token = await hsToken('grace', {}, { expiresIn: '6s' });
      await page.fill('#apiKey', token);
      await page.dispatchEvent('#apiKey', 'change');
      await page.fill('#clipId', demoClip.id);
      await page.click('#splitBasic');
      await pendingTask(page, 'STEMS_BASIC').catch(async (err: Error) => {
        throw new Error(`${err.message}; the page says: ${await page.textContent('#error')}`);
      });
      await page.waitForFunction(() => /token has expired/.test(document.getElementById('error')?.textContent ?? ''), null, {
        timeout: 15_000,
      });
      expect(await page.textContent('#error')).toBe('UNAUTHENTICATED: the sign-in token has expired');
      // The estimate stops where it was and says why, instead of counting down to "about 1 s left" for good.
      expect(await page.isVisible('#progress')).toBe(true);
      expect(await page.textContent('#progressText')).toBe('no live updates: see the error below');
      // A new token (another sign-in) starts clean: the last user's task and error go.
      await page.fill('#apiKey', await hsToken('heidi'));
      await page.dispatchEvent('#apiKey', 'change');
      expect(await page.textContent('#error')).toBe('');
      expect(await page.isHidden('#taskView')).toBe(true);
    } finally {
      await page.close();
      await signInGw.close();
    }
  }, 60_000);

  it("with sign-in on: a token field, the viewer's tasks and budget, any task opened, unfinished ones followed live", async () => {
    const signInGw = await startGateway(sandbox.url, {
      AUTH_JWT_SECRET: testJwtSecret,
      USER_CREDIT_BUDGET: '500',
      USER_BUDGET_WINDOW: '1d',
      POLL_INTERVAL_MS: '150',
    });
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    try {
      const pageErrors: string[] = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      const token = await hsToken('ada');
      const ada = { authorization: `Bearer ${token}` };
      // A song Ada made earlier, elsewhere, finished by now.
      const made = await gql(signInGw.url, `mutation { createMusic(input: { description: "an old song" }) { id } }`, {}, ada);
      const oldTask = made.data!.createMusic.id as string;
      clock.advance(taskMs);
      await expect
        .poll(
          async () => (await gql(signInGw.url, `query($id: ID!) { task(id: $id) { status } }`, { id: oldTask }, ada)).data?.task?.status,
        )
        .toBe('SUCCEEDED');

      await page.goto(`${signInGw.url}/`);
      expect(await page.textContent('#apiKeyLabel')).toMatch(/Sign-in token/);
      expect(await page.isHidden('#viewerView')).toBe(true);
      await page.fill('#apiKey', token);
      await page.dispatchEvent('#apiKey', 'change');
      await page.waitForSelector(`#viewerTasks li[data-task-id="${oldTask}"][data-status="SUCCEEDED"]`);
      expect(await page.textContent('#budget')).toMatch(/^Budget: 486 of 500 credits left \(14 used\)/);

      // A task Ada submits from another tab appears at the top and moves live to SUCCEEDED.
      const other = await gql(signInGw.url, `mutation { createMusic(input: { description: "from another tab" }) { id } }`, {}, ada);
      const otherTask = other.data!.createMusic.id as string;
      await page.waitForSelector(`#viewerTasks li[data-task-id="${otherTask}"]`);
      expect(await page.getAttribute('#viewerTasks li:first-child', 'data-task-id')).toBe(otherTask);
      clock.advance(taskMs);
      await page.waitForSelector(`#viewerTasks li[data-task-id="${otherTask}"][data-status="SUCCEEDED"]`, { timeout: 15_000 });

      // Opening the old task shows it, with its two takes to play.
      await page.click(`#viewerTasks li[data-task-id="${oldTask}"] button.open`);
      await page.waitForFunction((id) => document.getElementById('taskId')?.textContent === id, oldTask);
      expect(await page.textContent('#taskKind')).toBe('CREATE_MUSIC');
      await page.waitForFunction(() => document.querySelectorAll('#tracks li audio').length === 2);

      // A split made on the page is listed at once, and the budget follows.
      const clipId = (await gql(signInGw.url, `query($id: ID!) { task(id: $id) { clips { id } } }`, { id: oldTask }, ada)).data!.task
        .clips[0].id;
      await page.fill('#clipId', clipId);
      await page.click('#splitBasic');
      await pendingTask(page, 'STEMS_BASIC');
      clock.advance(taskMs);
      await page.waitForFunction(() => document.querySelectorAll('#mixer li.stem canvas').length === 2, null, { timeout: 15_000 });
      const splitTask = await page.textContent('#taskId');
      expect(await page.getAttribute(`#viewerTasks li[data-task-id="${splitTask}"]`, 'data-status')).toBeTruthy();
      await expect.poll(() => page.textContent('#budget')).toMatch(/^Budget: 452 of 500 credits left \(48 used\)/);
      expect(pageErrors).toEqual([]);
      await page.screenshot({ path: 'test/artifacts/live-page-signed-in.png', fullPage: true });
    } finally {
      await page.close();
      await signInGw.close();
    }
  }, 60_000);
});

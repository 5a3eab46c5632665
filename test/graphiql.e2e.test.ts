/**
 * GraphiQL in a real browser (Debian's headless Chromium driven by playwright-core), from its small page and hashed
 * files: the example tabs appear, the editor's workers load from their URLs, and the first tab's mutation runs
 * against the sandbox. Asked for again, every file comes from the browser's cache (no request reaches the gateway). Skipped where /usr/bin/chromium is missing, unless REQUIRE_CHROMIUM=1.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxGateway } from './support/helpers.js';
import { chromium as chromiumInstalled, chromiumPath as executablePath, requires } from './support/requirements.js';

const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

describe('GraphiQL in Chromium', requires(chromiumInstalled), () => {
  const setup = sandboxGateway();
  let browser: Browser;
  beforeAll(async () => void (browser = await chromium.launch({ executablePath, args: chromiumArgs })), 30_000);
  afterAll(async () => browser?.close());

  it('shows the example tabs, runs the first one, and keeps its files in the browser cache', { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const fromNetwork: string[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/assets/') && res.status() === 200) fromNetwork.push(res.url());
    });
    await page.goto(`${setup.gw.url}/graphql`);
    await page.getByText('SplitDemoSong', { exact: true }).first().waitFor({ timeout: 30_000 });
    for (const tab of ['ReadTask', 'WatchTask', 'CreateSong', 'TempoOfDemoSong']) {
      await page.getByText(tab, { exact: true }).first().waitFor({ timeout: 30_000 });
    }
    await page.locator('.graphiql-execute-button').click();
    // The result pane (Monaco renders spaces as no-break spaces): the new task, PENDING.
    await page.waitForFunction(() => /splitStemsFull[\s\S]*PENDING/.test(document.body.innerText), undefined, { timeout: 30_000 });
    expect(errors).toEqual([]);
    const firstVisit = fromNetwork.length;
    expect(firstVisit).toBeGreaterThanOrEqual(3); // script, stylesheet, icon, and the workers the editor started

    // Asked for again (as a second visit asks for them), the files come from the browser's cache: no request reaches
    // the gateway. (A fetch, not a second page load, which would parse GraphiQL's 5 MB script again.)
    const served: string[] = [];
    const onRequest = (req: { url?: string }) => void served.push(req.url ?? '');
    setup.gw.gateway.server.on('request', onRequest);
    try {
      const paths = fromNetwork.map((url) => new URL(url).pathname);
      const statuses = await page.evaluate(async (list) => Promise.all(list.map(async (path) => (await fetch(path)).status)), paths);
      expect(statuses.every((status) => status === 200)).toBe(true);
      expect(served).toEqual([]);
    } finally {
      setup.gw.gateway.server.off('request', onRequest);
      await context.close();
    }
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { launch } from './chromium';
import { PORT } from './global-setup';
import { chooseScenario, playToDebrief, prepare, shot } from './keyboard';

const catalog = loadFromDisk();
const BASE = `http://127.0.0.1:${PORT}/`;
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline', () => {
  it('once loaded, the game starts and plays a scenario to the debrief with the network cut', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${BASE}?seed=4&lang=fr&speed=6`);
    await page.waitForSelector('#start');
    // The service worker installs and precaches the whole game (Phaser, every scenario, both languages).
    const cached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      let n = 0;
      for (const name of names) n += (await (await caches.open(name)).keys()).length;
      return n;
    });
    expect(cached, 'files precached by the service worker').toBeGreaterThan(10);
    const manifest = await page.$eval('link[rel="manifest"]', (l) => (l as HTMLLinkElement).href);
    expect(manifest, 'installable: a web app manifest is linked').toMatch(/manifest\.webmanifest$/);

    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('https://example.invalid/').then(
          () => 'online',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    await page.reload();
    await page.waitForSelector('#start');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the service worker').toBe(true);
    await shot(page, 'offline-1-menu');

    const scenario = catalog.scenarios.find((s) => s.id === 'supplier-appointment')!;
    await chooseScenario(page, scenario.id);
    await prepare(page, 'business', ['name-badge', 'tidy-desk', 'read-rules']);
    await playToDebrief(page, scenario, { pick: 'hint' });
    await shot(page, 'offline-2-debrief');
    expect(await page.$('#debrief')).not.toBeNull();

    // The other language is there offline too.
    await page.reload();
    await page.waitForSelector('#language');
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('h1')).toBeTruthy();
    expect(errors).toEqual([]);
    await context.close();
  });
});

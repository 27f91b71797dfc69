import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { chooseScenario, playToDebrief, prepare, shot } from './keyboard';

const catalog = loadFromDisk();
const BASE = `http://127.0.0.1:${PORT}/`;
const SW = 'dist/sw.js';
/** Appended to the published service worker: answers a question only the new version knows. */
const UPDATE_MARK = `self.addEventListener('message', (e) => e.data === 'comptoir-version?' && e.ports[0]?.postMessage('updated'));`;
const browser = useBrowser();

describe('offline', () => {
  it('once loaded, the game starts and plays a scenario to the debrief with the network cut', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
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

    // A new version is published: on the next start it is picked up, and the result saved above is still there.
    await context.setOffline(false);
    const published = readFileSync(SW, 'utf8');
    writeFileSync(SW, `${published}\n${UPDATE_MARK}\n`);
    try {
      await page.reload();
      await page.waitForSelector('#start');
      // The menu shows, so the waiting version takes over at once and the page reloads itself onto it.
      const ask = () =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = (e) => resolve(String(e.data));
              navigator.serviceWorker.controller?.postMessage('comptoir-version?', [channel.port2]);
              setTimeout(() => resolve('no answer: the old version is still in charge'), 1000);
            }),
        );
      let version = '';
      for (let i = 0; i < 30 && version !== 'updated'; i++) version = await ask().catch((e: Error) => `reloading (${e.message})`);
      expect(version).toBe('updated');
      await page.goto(`${BASE}#history`);
      await page.waitForSelector('#history-table');
      expect(await page.$$eval('#history-table tbody tr', (rows) => rows.length), 'the result played before the update').toBeGreaterThanOrEqual(1);
      await shot(page, 'offline-3-history-after-update');
    } finally {
      writeFileSync(SW, published);
    }
    await context.close();
  });
});

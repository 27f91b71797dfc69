import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { playToDebrief, SHOTS } from './keyboard';

const BASE = `http://127.0.0.1:${PORT}/`;
const catalog = loadFromDisk();
const browser = useBrowser();

/** Every data-pose the visitor status list ever shows, and the widest the page ever got, recorded in the page. */
const RECORD_POSES = () => {
  const seen = new Set<string>();
  const w = window as unknown as { __poses: Set<string>; __overflow: number };
  w.__poses = seen;
  w.__overflow = 0;
  new MutationObserver(() => {
    document.querySelectorAll<HTMLElement>('#visitor-status li').forEach((li) => seen.add(li.dataset.pose ?? ''));
    w.__overflow = Math.max(w.__overflow, document.documentElement.scrollWidth - innerWidth);
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
};

async function openPage(width: number, height: number, query: string, init?: () => void) {
  const context = await browser().newContext({ viewport: { width, height }, hasTouch: width < 900 });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${BASE}?${query}`);
  await page.waitForSelector('#start');
  return { page, errors };
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

async function shot(page: Page, name: string) {
  expect(await overflow(page), `${name} overflows horizontally`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe.each([
  [1280, 720],
  [844, 390],
  [390, 844],
])('at %i×%i', (width, height) => {
  it('plays to the debrief without sideways scrolling; the visitor sits down and is described for screen readers', async () => {
    const size = `${width}x${height}`;
    const { page, errors } = await openPage(width, height, 'seed=5&lang=fr&speed=2', RECORD_POSES);
    expect(await page.evaluate(() => scrollY), 'the menu opens on its title').toBe(0);
    expect(await page.isVisible('h1')).toBe(true);
    expect(await page.isVisible('#language')).toBe(true);
    await shot(page, `ux-${size}-menu`);
    const scenario = catalog.scenarios.find((s) => s.id === 'impatient-late-contact')!;
    await page.click('#scenario-impatient-late-contact');
    await page.click('#start');
    await page.waitForSelector('#open-desk');
    await shot(page, `ux-${size}-preparation`);
    await page.click('#outfit-business');
    await page.click('#task-name-badge');
    await page.click('#open-desk'); // on a phone the canvas must not swallow this tap
    await page.waitForSelector('#visitor-status li', { state: 'attached', timeout: 30_000 });
    expect(await page.$eval('#visitor-status', (el) => [el.getAttribute('aria-live'), el.textContent?.length ?? 0])).toEqual(['polite', expect.any(Number)]);
    expect(await page.$eval('#visitor-status li', (li) => li.textContent)).toMatch(/M\. Garnier .+, (furieux|en colère|agacé|calme|détendu|content)/);
    // Played with the keyboard helpers (digits, Tab), which also photograph the hall and the first tool.
    await playToDebrief(page, scenario, { pick: 'hint', shots: `ux-${size}` });
    expect(await page.evaluate(() => (window as unknown as { __overflow: number }).__overflow), 'the page never got wider than the screen').toBeLessThanOrEqual(
      0,
    );
    expect(await page.evaluate(() => [...(window as unknown as { __poses: Set<string> }).__poses])).toContain('seated');
    // Self-assessment: every criterion of the short form "satisfaisant", then the score.
    for (const name of await page.$$eval('form.self > fieldset.criterion-self input[value="S"]', (xs) => xs.map((x) => x.id))) await page.check(`#${name}`);
    await page.click('#see-score');
    await page.waitForSelector('[data-criterion]');
    await page.waitForTimeout(1500);
    await shot(page, `ux-${size}-debrief`);
    // Touch targets: every visible button at least 44 px tall and wide.
    const small = await page.$$eval(
      'button',
      (bs) =>
        bs
          .filter((b) => b.offsetParent !== null)
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.height < 43.5 || r.width < 43.5).length,
    );
    expect(small).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

it('landscape phone: the status bar keeps to one line', async () => {
  const { page } = await openPage(844, 390, 'seed=5&lang=fr');
  await page.click('#start');
  await page.waitForSelector('#open-desk');
  const [bar, button] = await page.evaluate(() => [
    document.querySelector('.status-bar')!.getBoundingClientRect().height,
    document.querySelector('#quit')!.getBoundingClientRect().height,
  ]);
  expect(bar).toBeLessThan(button * 1.6);
  await page.context().close();
});

it('a desk with seven tools: every tool button shows above the desk work, none hidden under it (1280×720)', async () => {
  const { page } = await openPage(1280, 720, 'seed=5&lang=fr');
  await page.click('#scenario-trade-fair-english-visitor');
  await page.click('#start');
  await page.waitForSelector('#open-desk');
  await page.click('#outfit-business');
  await page.click('#open-desk');
  await page.waitForSelector('.tool-bar button');
  await page.waitForSelector('.desk-work h2'); // the morning mail comes a moment after the desk opens
  const [buttons, work] = await page.evaluate(() => [
    [...document.querySelectorAll('.tool-bar button')].map((b) => b.getBoundingClientRect().bottom),
    document.querySelector('.desk-work')!.getBoundingClientRect().top,
  ]);
  expect(buttons.length).toBeGreaterThanOrEqual(7);
  for (const bottom of buttons) expect(bottom).toBeLessThanOrEqual(work);
  await page.screenshot({ path: `${SHOTS}/ux-1280x720-seven-tools.png` });
  await page.context().close();
});

it('settings: keyboard reachable, no serious accessibility problem, text at 200 % without sideways scroll, remembered', async () => {
  const { page, errors } = await openPage(1280, 720, 'lang=fr');
  await page.focus('#open-settings');
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog#settings[open]');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('text-size');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);
  await page.selectOption('#text-size', '200');
  await page.check('#high-contrast');
  await page.check('#reduced-motion');
  await page.fill('#volume-ambience', '20');
  await page.dispatchEvent('#volume-ambience', 'input');
  await page.check('#muted');
  await page.screenshot({ path: `${SHOTS}/ux-settings.png` });
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-settings');
  await page.reload();
  await page.waitForSelector('#start');
  const html = await page.evaluate(() => [
    document.documentElement.dataset.textScale,
    document.documentElement.classList.contains('high-contrast'),
    document.documentElement.classList.contains('reduce-motion'),
  ]);
  expect(html).toEqual(['200', true, true]);
  await page.click('#open-settings');
  expect(await page.isChecked('#muted')).toBe(true);
  expect(await page.inputValue('#volume-ambience')).toBe('20');
  await page.keyboard.press('Escape');
  // 200 % text on a phone: the desk stacks, nothing goes sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click('#start');
  await page.waitForSelector('#open-desk');
  await page.screenshot({ path: `${SHOTS}/ux-390x844-text-200.png` });
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
  await page.context().close();
});

it('without any audio support the game plays silently, with no console error', async () => {
  const noAudio = () => {
    for (const k of ['AudioContext', 'webkitAudioContext', 'Audio', 'HTMLAudioElement', 'speechSynthesis']) {
      try {
        delete (window as unknown as Record<string, unknown>)[k];
      } catch {
        /* read-only in this browser */
      }
    }
  };
  const { page, errors } = await openPage(1280, 720, 'seed=2&lang=fr&speed=8', noAudio);
  await page.click('#scenario-supplier-appointment');
  await page.click('#start');
  await page.click('#outfit-business');
  await page.click('#open-desk');
  await page.waitForSelector('.options button', { timeout: 30_000 });
  for (let i = 0; i < 3; i++) {
    await page.click('.options button >> nth=0');
    await page.waitForTimeout(400);
  }
  await page.click('#play-settings');
  expect(await page.textContent('#settings')).toContain('ne peut pas jouer de son');
  expect(errors).toEqual([]);
  await page.context().close();
});

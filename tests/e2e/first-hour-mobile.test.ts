import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { chooseScenario, playToDebrief, prepare, selfAssess, shot, tabTo, useTool } from './keyboard';

/**
 * Issue 22, what a new student hit in the first hour on a phone and with the keyboard:
 * a menu that grew while scrolled, a debrief chart in 6 px text, "touches 1 à 9" on a
 * touch screen, focus dropped to the page's body, choice keys that moved, and an
 * internal call panel that a key kept reopening.
 */
const catalog = loadFromDisk();
const scenario = (id: string) => catalog.scenarios.find((s) => s.id === id)!;
const BASE = `http://127.0.0.1:${PORT}/`;
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 720 } };
const browser = useBrowser();

async function open(options: BrowserContextOptions, query: string, init?: () => void): Promise<{ page: Page; errors: string[] }> {
  const context = await browser().newContext({ ...options, acceptDownloads: true });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${BASE}?${query}`);
  await page.waitForSelector('#start');
  return { page, errors };
}

/** Scrolls down the page a screen at a time, letting it lay out between steps, as a thumb would. */
async function scrollThrough(page: Page) {
  for (let i = 0; i < 200; i++) {
    const atEnd = await page.evaluate(async () => {
      scrollBy(0, innerHeight * 0.8);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
    });
    if (atEnd) return;
  }
  throw new Error('never reached the end of the page');
}

describe('the menu on a phone', () => {
  it('keeps its height while scrolled, so the card tapped is the scenario that starts', async () => {
    const { page, errors } = await open(PHONE, 'seed=5&lang=fr');
    await shot(page, 'first-hour-390x844-menu');
    const before = await page.evaluate(() => document.documentElement.scrollHeight);
    await scrollThrough(page);
    const after = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(after - before, `the menu grew by ${after - before} px while scrolled`).toBe(0);
    // The card far down the list, tapped, then "Commencer", tapped: that scenario starts.
    const last = await page.$$eval('.cards input[name="scenario"]', (xs) => xs.at(-1)!.id);
    const title = await page.$eval(`label[for="${last}"] .card-title`, (el) => el.textContent);
    await page.tap(`label[for="${last}"]`);
    expect(await page.isChecked(`#${last}`)).toBe(true);
    await page.tap('#start');
    await page.waitForSelector('#open-desk');
    expect(await page.$eval('.status-bar h1', (el) => el.textContent)).toBe(title);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is photographed at 1280×720 too', async () => {
    const { page } = await open(DESKTOP, 'seed=5&lang=fr');
    await shot(page, 'first-hour-1280x720-menu');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe('the prompt over the choices', () => {
  it('says to tap on a touch screen, and names the keys once a key is pressed', async () => {
    const { page } = await open(PHONE, 'seed=5&lang=fr&speed=4');
    await page.tap('label[for="scenario-impatient-late-contact"]');
    await page.tap('#start');
    await page.waitForSelector('#open-desk');
    await page.tap('#outfit-business');
    await page.tap('#open-desk');
    await page.waitForSelector('.options button', { timeout: 30_000 });
    const prompt = () => page.$eval('#options-prompt', (el) => el.textContent ?? '');
    expect(await prompt()).not.toMatch(/touches|flèches|Entrée/);
    expect(await prompt()).toMatch(/touche une réponse/);
    await shot(page, 'first-hour-390x844-play');
    // A keyboard plugged into the tablet: its keys are named.
    await page.keyboard.press('Tab');
    await expect.poll(prompt).toMatch(/touches 1 à 9/);
    await page.tap('.log');
    await expect.poll(prompt).toMatch(/touche une réponse/);
    await page.context().close();
  });

  it('names the keys on a computer', async () => {
    const { page } = await open(DESKTOP, 'seed=5&lang=fr&speed=4');
    await chooseScenario(page, 'impatient-late-contact');
    await prepare(page, 'business', ['name-badge']);
    await page.waitForSelector('.options button', { timeout: 30_000 });
    expect(await page.$eval('#options-prompt', (el) => el.textContent)).toMatch(/touches 1 à 9/);
    await shot(page, 'first-hour-1280x720-play');
    await page.context().close();
  });
});

describe.each([
  ['390x844', PHONE],
  ['1280x720', DESKTOP],
])('the debrief chart at %s', (name, options) => {
  it('writes its words at 12 CSS px or more', async () => {
    const { page, errors } = await open(options, 'seed=5&lang=fr&speed=6');
    await chooseScenario(page, 'impatient-late-contact');
    await prepare(page, 'business', ['name-badge']);
    await playToDebrief(page, scenario('impatient-late-contact'), { pick: 'hint' });
    await selfAssess(page, 'S');
    await page.waitForTimeout(1000);
    // Every word of the chart as it is shown: its font size times any scaling between the layout and the screen.
    const texts = await page.evaluate(() => {
      const chart = document.querySelector('#debrief-chart');
      if (!chart) return [];
      const out: { text: string; px: number }[] = [];
      const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || !el.offsetWidth) continue;
        const scale = el.getBoundingClientRect().width / el.offsetWidth;
        out.push({ text: n.textContent.trim(), px: Number.parseFloat(getComputedStyle(el).fontSize) * scale });
      }
      return out;
    });
    const criteria = catalog.rubrics.get(scenario('impatient-late-contact').rubric)!.criteria.length;
    expect(texts.length, 'the chart shows its words in the page').toBeGreaterThan(criteria);
    const small = texts.filter((x) => x.px < 12);
    expect(small, small.map((x) => `${x.text}: ${x.px.toFixed(1)} px`).join('; ')).toEqual([]);
    // The bars and rings say what the debrief says.
    const shown = await page.$$eval('[data-chart-criterion]', (rows) =>
      rows.map((r) => [r.getAttribute('data-chart-criterion'), r.querySelector('[data-level]')?.getAttribute('data-level') ?? null]),
    );
    const written = await page.$$eval('[data-criterion]', (cs) =>
      cs.map((c) => [c.getAttribute('data-criterion'), c.querySelector('.level')!.getAttribute('data-level')!.replace('none', '') || null]),
    );
    expect(shown).toEqual(written);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
    await page.$eval('#debrief-chart', (el) => el.scrollIntoView());
    await shot(page, `first-hour-${name}-debrief-chart`);
    await page.evaluate(() => scrollTo(0, 0));
    await shot(page, `first-hour-${name}-debrief`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** In the page: each time the choices are emptied (a contact ended), where focus is; and every set of keys shown. */
const RECORD = () => {
  const w = window as unknown as { __emptied: string[]; __keys: [string, string][][] };
  w.__emptied = [];
  w.__keys = [];
  let had = false;
  new MutationObserver(() => {
    const list = document.querySelector('.options');
    if (!list || document.querySelector('#debrief')) return;
    const buttons = [...list.querySelectorAll('button[data-option]')];
    const keys = buttons.map((b) => [b.getAttribute('data-option')!, b.getAttribute('data-key')!] as [string, string]);
    if (keys.length && JSON.stringify(keys) !== JSON.stringify(w.__keys.at(-1))) w.__keys.push(keys);
    if (had && !buttons.length) {
      const a = document.activeElement;
      w.__emptied.push(a === document.body || !a ? 'body' : `${a.tagName.toLowerCase()}.${a.className}`);
    }
    had = buttons.length > 0;
  }).observe(document, { subtree: true, childList: true });
};

describe('keyboard', () => {
  it('focus goes to the conversation when the desk opens and when a call ends, never to the page', async () => {
    const { page, errors } = await open(DESKTOP, 'seed=7&lang=fr&speed=4', RECORD);
    await chooseScenario(page, 'phone-internal-instruction');
    for (const box of await page.$$eval('.preparation input[type="checkbox"]', (xs) => xs.map((x) => x.id))) {
      await tabTo(page, `#${box}`);
      await page.keyboard.press('Space');
    }
    await tabTo(page, '#open-desk');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.dialogue');
    const focus = () =>
      page.evaluate(() => (document.activeElement === document.body ? 'body' : document.activeElement?.closest('.dialogue') ? 'dialogue' : 'elsewhere'));
    expect(await focus(), 'after "Ouvrir l\'accueil"').toBe('dialogue');
    await playToDebrief(page, scenario('phone-internal-instruction'), { pick: 'hint' });
    const emptied = await page.evaluate(() => (window as unknown as { __emptied: string[] }).__emptied);
    expect(emptied.length, 'the first call ended before the second').toBeGreaterThanOrEqual(1);
    expect(
      emptied.filter((a) => a === 'body'),
      emptied.join(', '),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an option keeps its key while it stays on screen', async () => {
    const { page, errors } = await open(DESKTOP, 'seed=5&lang=fr&speed=4', RECORD);
    await chooseScenario(page, 'supplier-appointment');
    await prepare(page, 'business', ['name-badge']);
    await playToDebrief(page, scenario('supplier-appointment'), { pick: 'hint' });
    const shown = await page.evaluate(() => (window as unknown as { __keys: [string, string][][] }).__keys);
    expect(shown.length).toBeGreaterThan(3);
    const moved: string[] = [];
    for (let i = 1; i < shown.length; i++) {
      const was = new Map(shown[i - 1]);
      for (const [id, key] of shown[i]) if (was.has(id) && was.get(id) !== key) moved.push(`${id}: ${was.get(id)} → ${key}`);
      // Shown in the order of their keys, so the list still reads 1, 2, 3…
      const keys = shown[i].map(([, k]) => k);
      expect(keys).toEqual([...keys].sort((a, b) => '1234567890abcdefghijklmnopqrstuvwxyz'.indexOf(a) - '1234567890abcdefghijklmnopqrstuvwxyz'.indexOf(b)));
    }
    expect(moved).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the internal call panel opens once: the same key again does not close or reopen it, its keys and Enter call from it', async () => {
    const sc = scenario('impatient-late-contact');
    const { page, errors } = await open(DESKTOP, 'seed=5&lang=fr&speed=4');
    await chooseScenario(page, sc.id);
    await prepare(page, 'business', ['name-badge']);
    const panel = () =>
      page.evaluate(() => ({
        open: !(document.querySelector('.tool-panel') as HTMLElement).hidden,
        title: document.querySelector('#tool-title')?.textContent,
        focus:
          document.activeElement === document.body
            ? 'body'
            : (document.activeElement?.getAttribute('data-call') ?? document.activeElement?.getAttribute('data-option') ?? document.activeElement?.className),
      }));
    const tools = new Map(
      Object.values(sc.contacts[0].phases)
        .flatMap((p) => p?.options ?? [])
        .filter((o) => o.tool)
        .map((o) => [o.id, o.tool!]),
    );
    for (let step = 0; ; step++) {
      expect(step, 'the hint never came to the internal call').toBeLessThan(80);
      const hinted = await page
        .$eval('.options button.hinted', (b) => ({ id: b.getAttribute('data-option')!, key: b.getAttribute('data-key')! }))
        .catch(() => undefined);
      if (!hinted) {
        if (await page.$('#skip:not([hidden])')) await page.click('#skip');
        await page.waitForTimeout(300);
        continue;
      }
      const before = await page.$$eval('.log li', (l) => l.length);
      await page.keyboard.press(hinted.key);
      if (tools.get(hinted.id) === 'call') {
        expect(await panel()).toMatchObject({ open: true, title: 'Appel interne' });
        // Focus is in the panel, on a colleague to call: not on the panel itself, from where Tab went to ×.
        expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-call'))).toBe(true);
        // The key that opened it, pressed again, leaves it open on the same choice.
        await page.keyboard.press(hinted.key);
        expect((await panel()).open).toBe(true);
        // The tool's own button pressed meanwhile keeps the act (it used to reopen the panel without its call buttons).
        await page.click('[data-tool="call"]');
        expect((await panel()).open).toBe(true);
        expect(await page.$$eval('.tool-panel [data-call]', (b) => b.length)).toBeGreaterThan(0);
        expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-call'))).toBe(true);
        // Escape: back to the option that opened it, not to the page's body.
        await page.keyboard.press('Escape');
        expect(await panel()).toMatchObject({ open: false, focus: hinted.id });
        // Enter on it opens the panel again; the key shown on Mme Roussel's line calls her.
        await page.keyboard.press('Enter');
        expect((await panel()).open).toBe(true);
        await shot(page, 'first-hour-1280x720-internal-call');
        const key = await page.$eval('[data-call="nathalie-roussel"]', (b) => b.getAttribute('data-key'));
        expect(key).toMatch(/^\d$/);
        await page.keyboard.press(key!);
        await page.waitForFunction((n) => document.querySelectorAll('.log li').length > n, before);
        expect((await panel()).open).toBe(false);
        expect((await panel()).focus).not.toBe('body');
        expect(await page.$eval('.log', (l) => l.textContent)).toMatch(/Mme Roussel vous a répondu/);
        break;
      }
      const tool = tools.get(hinted.id);
      if (tool) {
        await page.waitForSelector('.tool-panel:not([hidden])');
        await useTool(page, sc, tool);
      }
      await page.waitForFunction((n) => document.querySelectorAll('.log li').length > n, before);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

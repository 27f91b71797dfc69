import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { bestResults, buildPath, nextStep, type PathRecord, stepStatus } from '../../src/core/path/path';
import type { Scenario } from '../../src/core/schema/scenario';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { arrowTo, playToDebrief, SHOTS, selfAssess, shownScore, shownVerdict, tabTo } from './keyboard';

// The path as the core computes it over the shipped catalog: the test follows the catalog, never a list of ids.
const catalog = loadFromDisk();
const byId = new Map(catalog.scenarios.map((s) => [s.id, s]));
const fresh = buildPath(catalog.scenarios, []);
const [level1, level2] = fresh.levels;
const BASE = `http://127.0.0.1:${PORT}/`;
const browser = useBrowser();

async function open(width: number, height: number) {
  const context = await browser().newContext({ viewport: { width, height }, hasTouch: width < 900 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${BASE}?seed=11&lang=fr&speed=6`);
  await page.waitForSelector('#start');
  return { page, errors };
}

/** From the menu to the path, by keyboard. */
async function toPath(page: Page) {
  await tabTo(page, '#open-path');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#path .path-level');
}

async function shot(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), `${name} overflows sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const levelState = (page: Page) =>
  page.$$eval('#path .path-level', (ls) =>
    ls.map((l) => ({
      level: Number(l.getAttribute('data-level')),
      open: l.getAttribute('data-open') === 'true',
      heading: l.querySelector('h2')!.textContent!.trim(),
      buttons: l.querySelectorAll('button[data-play]').length,
    })),
  );

/** The start of shift by keyboard, whatever the rubric asks: the outfit that suits the venue, every task ticked. */
async function prepareFor(page: Page, scenario: Scenario) {
  await page.waitForSelector('#open-desk');
  const prep = catalog.rubrics.get(scenario.rubric)?.preparation;
  const outfit = prep?.outfits.find((o) => o.suits.includes(scenario.venue))?.id ?? prep?.outfits[0]?.id;
  if (outfit) {
    await tabTo(page, 'input[name="outfit"]');
    await arrowTo(page, `#outfit-${outfit}`);
  }
  for (const task of prep?.tasks ?? []) {
    await tabTo(page, `#task-${task.id}`);
    await page.keyboard.press('Space');
  }
  await tabTo(page, '#open-desk');
  await page.keyboard.press('Enter');
}

/** The scenario a new play screen opened (at its start of shift, not the debrief's screen it replaced), by its title. */
const playing = (page: Page) => page.waitForSelector('#play #open-desk').then(() => page.textContent('#play h1'));

describe('the path (parcours)', () => {
  it('catalog has at least two levels for these tests', () => {
    expect(level1.steps.length).toBeGreaterThan(0);
    expect(level2?.steps.length).toBeGreaterThan(0);
  });

  it.each([
    [1280, 720],
    [390, 844],
  ])('at %i×%i a new student sees level 1 open, the others locked, and what opens them', async (width, height) => {
    const { page, errors } = await open(width, height);
    await page.screenshot({ path: `${SHOTS}/path-${width}x${height}-menu.png` });
    await toPath(page);
    expect(await page.evaluate(() => document.activeElement?.id), 'focus on the title').toBe('path-title');
    expect(await page.textContent('#path'), 'no raw key on screen').not.toMatch(/\bpath\.[a-zA-Z]/);
    const levels = await levelState(page);
    expect(levels.map((l) => l.level)).toEqual(fresh.levels.map((l) => l.difficulty));
    expect(levels[0]).toMatchObject({ open: true, heading: expect.stringMatching(/Niveau \d+ — ouvert$/), buttons: level1.steps.length });
    for (const l of levels.slice(1)) expect(l, `level ${l.level}`).toMatchObject({ open: false, heading: expect.stringMatching(/— verrouillé$/), buttons: 0 });
    // What a locked level waits for, in words.
    expect(await page.$eval('[data-level] .path-to-open', (p) => p.textContent)).toContain(`au niveau ${level1.difficulty} pour l'ouvrir`);
    expect(await page.textContent(`[data-level="${level1.difficulty}"] .path-progress`)).toContain(`${level1.need} pour ouvrir le niveau ${level2.difficulty}`);
    expect(await page.textContent('.path-rule')).toMatch(/Un niveau s'ouvre quand tu as réussi \d scénarios? du niveau d'avant/);
    // The next step is the path's first scenario, and the free play stays one button away.
    expect(await page.getAttribute('#path-next', 'data-play')).toBe(nextStep(fresh)!.id);
    expect(await page.isVisible('#path-all')).toBe(true);
    // The level's progress bar is named for screen readers.
    expect(await page.getAttribute('[data-level] progress', 'aria-label')).toMatch(/^Niveau \d+ : 0 scénario réussi sur \d+$/);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await shot(page, `path-${width}x${height}-new`);
    // Keyboard: Tab reaches a level-1 play button, named with its scenario.
    await tabTo(page, `[data-level="${level1.difficulty}"] button[data-play]`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Jouer : /);
    // Back to the free-play list, and "back to the menu" from there stays on it.
    await tabTo(page, '#path-all');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#start');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('passing enough level-1 scenarios opens level 2; the best result shows; the debrief’s next step starts the right scenario', async () => {
    const { page, errors } = await open(1280, 720);
    await toPath(page);
    // The first play: the path's own "next step".
    const records: PathRecord[] = [];
    let button = '#path-next';
    let last: { id: string; percent: number } | undefined;
    for (let round = 0; round < level1.need + 2; round++) {
      const id = (await page.getAttribute(button, 'data-play'))!;
      const scenario = byId.get(id)!;
      await tabTo(page, button);
      await page.keyboard.press('Enter');
      expect(await playing(page), 'the button started the scenario it named').toBe(scenario.title.fr);
      await prepareFor(page, scenario);
      await playToDebrief(page, scenario, { pick: 'hint' });
      await selfAssess(page, 'S');
      const verdict = await shownVerdict(page);
      const levels = Object.fromEntries(Object.entries((await shownScore(page)).criteria).map(([c, v]) => [c, v.level])) as PathRecord['levels'];
      records.push({ scenario: id, levels, failed: verdict.faults.length > 0 });
      last = { id, percent: Number(verdict.heading.match(/(\d+)\/100/)![1]) };
      // The debrief's next step is the one the core gives for this history.
      await page.waitForSelector('#next-step-play');
      const expected = nextStep(buildPath(catalog.scenarios, records), id)!;
      expect(await page.getAttribute('#next-step-play', 'data-play')).toBe(expected.id);
      if (buildPath(catalog.scenarios, records).levels[1].open) {
        expect(await page.textContent('#next-step'), 'the debrief says the level opened').toContain(`le niveau ${level2.difficulty} est ouvert`);
        await page.$eval('#next-step', (el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: `${SHOTS}/path-debrief-next-step.png` });
        // One button: it starts the scenario it names.
        await tabTo(page, '#next-step-play');
        await page.keyboard.press('Enter');
        expect(await playing(page)).toBe(byId.get(expected.id)!.title.fr);
        break;
      }
      button = '#next-step-play';
    }
    expect(buildPath(catalog.scenarios, records).levels[1].open, 'the hinted plays passed enough level-1 scenarios').toBe(true);
    // Quitting the scenario leads back to the path, where the student came from.
    page.once('dialog', (d) => void d.accept());
    await tabTo(page, '#quit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#path .path-level');
    const levels = await levelState(page);
    expect(levels[1]).toMatchObject({ open: true, heading: expect.stringMatching(/— ouvert$/), buttons: level2.steps.length });
    // The best result of the scenario just played, as the debrief said it.
    const best = await page.$eval(`[data-scenario="${last!.id}"] .path-step-best`, (el) => el.textContent);
    expect(best).toContain(`${last!.percent}/100`);
    await shot(page, 'path-1280x720-progress');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'path-390x844-progress');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a play to do again: the debrief offers to replay it, and the path marks it to replay with its best result', async () => {
    const { page, errors } = await open(1280, 720);
    await toPath(page);
    const id = (await page.getAttribute('#path-next', 'data-play'))!;
    const scenario = byId.get(id)!;
    await tabTo(page, '#path-next');
    await page.keyboard.press('Enter');
    await playing(page);
    await prepareFor(page, scenario);
    // The first choice every time, without reading: a contact to do again.
    await playToDebrief(page, scenario, { pick: 1 });
    await selfAssess(page, 'S');
    const verdict = await shownVerdict(page);
    const levels = Object.fromEntries(Object.entries((await shownScore(page)).criteria).map(([c, v]) => [c, v.level])) as PathRecord['levels'];
    const record: PathRecord = { scenario: id, levels, failed: verdict.faults.length > 0 };
    const best = bestResults([record]).get(id)!;
    expect(stepStatus(best), `${verdict.heading}: a play to replay`).toBe('replay');
    await page.waitForSelector('#next-step-play');
    expect(await page.getAttribute('#next-step-play', 'data-play')).toBe(id);
    expect(await page.textContent('#next-step-play')).toContain('Rejouer');
    // The history keeps whether the situation failed, as the debrief said it (not only its levels).
    const stored = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = indexedDB.open('comptoir-platform');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const all = req.result.transaction('history').objectStore('history').getAll();
            all.onsuccess = () => resolve(all.result);
          };
        }),
    );
    expect(stored).toEqual([expect.objectContaining({ scenario: id, levels, failed: record.failed })]);
    // "Back to the menu" leads back to the path the student came from.
    await tabTo(page, '#back-to-menu');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#path .path-level');
    const card = `[data-scenario="${id}"]`;
    expect(await page.getAttribute(card, 'data-status')).toBe('replay');
    expect(await page.textContent(`${card} .path-step-best`)).toContain(best.passed ? `${best.percent}/100` : `${best.percent}/100 · situation non réussie`);
    // The path's next step: the next one not played yet, or this one when nothing else is open; the others to replay listed below it.
    const next = nextStep(buildPath(catalog.scenarios, [record]))!;
    expect(await page.getAttribute('#path-next', 'data-play')).toBe(next.id);
    if (next.id === id) expect(await page.$('#path-replay'), 'not said twice').toBeNull();
    else expect(await page.textContent('#path-replay')).toContain(scenario.title.fr);
    expect(await page.getAttribute(`${card} button[data-play]`, 'aria-label')).toBe(`Rejouer : ${scenario.title.fr}`);
    await shot(page, 'path-1280x720-replay');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('at 390×844 with text at 200 % and high contrast, nothing goes sideways', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await context.addInitScript(() => localStorage.setItem('comptoir.settings', JSON.stringify({ textScale: 200, highContrast: true })));
    const page = await context.newPage();
    await page.goto(`${BASE}?lang=fr`);
    await page.waitForSelector('#start');
    await toPath(page);
    expect(await page.evaluate(() => document.documentElement.dataset.textScale)).toBe('200');
    await shot(page, 'path-390x844-text-200');
    // What the student sees: the first screen, and the first level's first scenario.
    await page.screenshot({ path: `${SHOTS}/path-390x844-text-200-top.png` });
    await page.$eval('.path-step', (el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/path-390x844-text-200-step.png` });
    await context.close();
  });

  it('speaks English when the interface does, with no raw key', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(`${BASE}?lang=en`);
    await page.waitForSelector('#start');
    await toPath(page);
    expect(await page.textContent('#path h1')).toBe('My path');
    const text = await page.textContent('#path');
    expect(text).not.toMatch(/\bpath\.[a-zA-Z]/);
    expect(text).not.toMatch(/Niveau|réussi|verrouillé|Jouer/);
    const levels = await levelState(page);
    expect(levels[0].heading).toMatch(/^Level \d+ — open$/);
    expect(levels[1].heading).toMatch(/^Level \d+ — locked$/);
    await context.close();
  });

  it('a teacher, with the PIN, sees every level open', async () => {
    const { page, errors } = await open(1280, 720);
    await toPath(page);
    await tabTo(page, '#path-teacher');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#pin');
    await page.keyboard.type('4321');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4321');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#path-teacher-off');
    const levels = await levelState(page);
    expect(levels.every((l) => l.open && /— ouvert$/.test(l.heading))).toBe(true);
    expect(levels.map((l) => l.buttons)).toEqual(fresh.levels.map((l) => l.steps.length));
    await shot(page, 'path-1280x720-teacher');
    // A locked level's scenario starts from the teacher's view.
    const locked = fresh.levels.at(-1)!.steps[0].id;
    await tabTo(page, `button[data-play="${locked}"]`, 200);
    await page.keyboard.press('Enter');
    expect(await playing(page)).toBe(byId.get(locked)!.title.fr);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

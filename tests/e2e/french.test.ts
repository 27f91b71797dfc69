// French screens say French (issue 22): no English word, no raw key, no "{{", no "undefined",
// and the words about a woman or a caller agree with her, from the menu to the debrief,
// played by keyboard in Chromium. The mirror of english.test.ts.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import type { Scenario } from '../../src/core/schema/scenario';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { arrowTo, chooseScenario, playToDebrief, selfAssess, shot, tabTo } from './keyboard';

const browser = useBrowser();

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
const fr = new Map(flatten(JSON.parse(readFileSync('src/i18n/locales/fr/ui.json', 'utf8'))));
const en = new Map(flatten(JSON.parse(readFileSync('src/i18n/locales/en/ui.json', 'utf8'))));
const NAMESPACES = [...new Set([...fr.keys()].map((k) => k.split('.')[0]))];
const KEY_PATH = new RegExp(`\\b(${NAMESPACES.join('|')})\\.[a-zA-Z][\\w-]*`);
const catalog = loadFromDisk();

/** Every English interface string that differs from its French one, and the scenario's and rubric's English, cut at interpolations. */
function englishFragments(scenario: Scenario): string[] {
  // A word both languages share (« impatient », « Score ») is not English on a French screen.
  const french = new Set(fr.values());
  const ui = [...en].filter(([k, v]) => fr.get(k) !== v && !french.has(v)).map(([, v]) => v);
  const texts: string[] = [];
  const walk = (x: unknown) => {
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.fr === 'string' && typeof o.en === 'string' && o.fr !== o.en) texts.push(o.en);
      else Object.values(o).forEach(walk);
    }
  };
  walk(scenario);
  const rubric = catalog.rubrics.get(scenario.rubric)!;
  walk(rubric);
  texts.push(...rubric.criteria.map((c) => c.gloss.en));
  return [...ui, ...texts]
    .flatMap((s) => s.split(/\{\{[^}]+\}\}|\{[a-z]\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);
}

/** Everything on the page, the visually hidden hall status for screen readers included. */
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

function expectFrench(text: string, fragments: string[], where: string) {
  const whole = (f: string) => new RegExp(`(?<!\\p{L})${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text);
  expect(
    fragments.filter((f) => text.includes(f) && whole(f)),
    `English on ${where}`,
  ).toEqual([]);
  expect(text.match(KEY_PATH)?.[0], `raw key on ${where}`).toBeUndefined();
  expect(text.match(/\{\{|\bundefined\b|\bNaN\b/)?.[0], `placeholder on ${where}`).toBeUndefined();
}

/** Opens the desk by keyboard: whatever the preparation offers is ticked (a telephone rubric may ask for no outfit). */
async function openDesk(page: Page) {
  if (await page.$('input[name="outfit"]')) {
    await tabTo(page, 'input[name="outfit"]');
    await arrowTo(page, '#outfit-business');
  }
  for (const box of await page.$$eval('.preparation input[type="checkbox"]', (xs) => xs.map((x) => x.id))) {
    await tabTo(page, `#${box}`);
    await page.keyboard.press('Space');
  }
  await tabTo(page, '#open-desk');
  await page.keyboard.press('Enter');
}

/** Nobody answers: time is moved on (the skip button, by keyboard) until the contact is over. */
async function letItRing(page: Page) {
  for (let i = 0; i < 100 && !(await page.$('#see-score')); i++) {
    if (await page.$('#skip:not([hidden])')) {
      await tabTo(page, '#skip').catch(() => undefined);
      await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(300);
  }
}

/** Plays a scenario in French by keyboard, reading the screen at each stage. */
async function playInFrench(id: string, how: 'hint' | number | 'ignore', name: string) {
  const scenario = catalog.scenarios.find((s) => s.id === id)!;
  const fragments = englishFragments(scenario);
  expect(fragments.length).toBeGreaterThan(100);
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/?seed=3&speed=6`);
  await page.waitForSelector('#start');
  expectFrench(await pageText(page), fragments, 'the menu');
  await chooseScenario(page, scenario.id);
  await page.waitForSelector('#open-desk');
  expectFrench(await pageText(page), fragments, 'the start of shift');
  await openDesk(page);
  // The play screen once someone is there: the hall status (face to face) or the ringing line.
  await page.waitForSelector('#visitor-status li, .line-key.lamp-blinking', { state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(1500);
  const during = await pageText(page);
  await shot(page, `french-${name}-play`);
  expectFrench(during, fragments, 'the play screen');
  if (how === 'ignore') await letItRing(page);
  else await playToDebrief(page, scenario, { pick: how });
  await selfAssess(page, 'S');
  await page.waitForTimeout(1500);
  await shot(page, `french-${name}-debrief`);
  const debrief = await pageText(page);
  expect(debrief).toContain('Bilan du contact');
  expectFrench(debrief, fragments, 'the debrief');
  await context.close();
  return { during, debrief };
}

it('a woman at the counter, played badly: French words that agree with her', async () => {
  const { during, debrief } = await playInFrench('hotel-hard-of-hearing', 1, 'ferrand');
  // The hall status for screen readers: « Mme Ferrand … agacée », never « agacé ».
  expect(during).toMatch(/Mme Ferrand (s'approche|est au comptoir)/);
  expect(during).not.toMatch(/Mme Ferrand[^.]*(?<!\p{L})(détendu|agacé|furieux|content|assis|méfiant)(?!\p{L})/u);
  expect(debrief).toMatch(/\d+ indicateurs? atteints? sur \d+/);
  expect(debrief).not.toMatch(/(?<!\d)[01] indicateurs/);
  expect(debrief).not.toMatch(/Un professionnel aurait :/);
}, 300_000);

it("a caller nobody answers: « appelant », « a raccroché », « personne n'a décroché », never « visiteur »", async () => {
  const { debrief } = await playInFrench('phone-named-person', 'ignore', 'garnier');
  expect(debrief).toContain("Satisfaction de l'appelant");
  expect(debrief).toMatch(/Mme Hélène Garnier a raccroché sans/);
  expect(debrief).toMatch(/sonné \d+ fois et personne n'a décroché/);
  expect(debrief).not.toMatch(/avant qu'on décroche|[Ll]e visiteur est reparti/);
}, 300_000);

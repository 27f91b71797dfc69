import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import type { Scenario } from '../../src/core/schema/scenario';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { chooseScenario, playToDebrief, prepare, selfAssess, shot, tabTo } from './keyboard';

const browser = useBrowser();

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));

/** Every French interface string that differs from its English one, cut at interpolations. */
function frenchFragments(scenario: Scenario): string[] {
  const fr = new Map(flatten(JSON.parse(readFileSync('src/i18n/locales/fr/ui.json', 'utf8'))));
  const en = new Map(flatten(JSON.parse(readFileSync('src/i18n/locales/en/ui.json', 'utf8'))));
  const ui = [...fr].filter(([k, v]) => en.get(k) !== v).map(([, v]) => v);
  // The scenario's own French texts (title, lines, rules, roles…) must not show either.
  const texts: string[] = [];
  const walk = (x: unknown) => {
    if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.fr === 'string' && typeof o.en === 'string' && o.fr !== o.en) texts.push(o.fr);
      else Object.values(o).forEach(walk);
    }
  };
  walk(scenario);
  // The rubric too: its official French wording is shown in French only.
  const rubric = loadFromDisk().rubrics.get(scenario.rubric)!;
  walk(rubric);
  texts.push(...rubric.criteria.map((c) => c.wording));
  return [...ui, ...texts]
    .flatMap((s) => s.split(/\{\{[^}]+\}\}/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 6);
}

function expectNoFrench(text: string, fragments: string[], where: string) {
  const found = fragments.filter((f) => text.includes(f));
  expect(found, `French left on ${where}`).toEqual([]);
}

const visibleText = (page: Page) => page.evaluate(() => document.body.textContent);

it('switching to English changes every visible string on the menu, the hall tools and the debrief', async () => {
  const scenario = loadFromDisk().scenarios.find((s) => s.id === 'supplier-appointment')!;
  const fragments = frenchFragments(scenario);
  expect(fragments.length).toBeGreaterThan(100);
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/?seed=5&speed=6`);
  await page.waitForSelector('#start');
  expect(await visibleText(page)).toContain('Commencer'); // French first

  await tabTo(page, '#language');
  await page.keyboard.press('ArrowDown'); // Français → English
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await shot(page, 'english-1-menu');
  expect(await visibleText(page)).toContain('Start');
  expectNoFrench(await visibleText(page), fragments, 'the menu');

  await chooseScenario(page, scenario.id);
  await page.waitForSelector('#open-desk');
  expectNoFrench(await visibleText(page), fragments, 'the start of shift');
  await prepare(page, 'business', ['name-badge', 'tidy-desk', 'read-rules']);
  await page.waitForSelector('.options button');
  for (const tool of ['directory', 'diary', 'rules', 'log', 'message', 'call']) {
    await tabTo(page, `[data-tool="${tool}"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tool-panel:not([hidden])');
    expectNoFrench(await visibleText(page), fragments, `the ${tool} tool`);
    await page.keyboard.press('Escape');
  }
  await shot(page, 'english-2-hall');
  await playToDebrief(page, scenario, { pick: 'hint' });
  expectNoFrench(await visibleText(page), fragments, 'the self-assessment');
  await selfAssess(page, 'TS');
  await page.waitForTimeout(2000); // the chart's bars grow in turn
  await shot(page, 'english-3-debrief');
  const debrief = await visibleText(page);
  expect(debrief).toContain('Contact debrief');
  expectNoFrench(debrief, fragments, 'the debrief');
  await context.close();
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { chooseScenario, playToDebrief, prepare, selfAssess, tabTo } from './keyboard';

const browser = useBrowser();

/** Serious and critical WCAG A/AA problems only; the canvas is decorative (aria-hidden). */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

it('has no serious accessibility problem on the menu, the desk, a tool, and the debrief; dialogue is announced', async () => {
  const scenario = loadFromDisk().scenarios.find((s) => s.id === 'supplier-appointment')!;
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/?seed=2&lang=fr&speed=6`);
  await page.waitForSelector('#start');
  expect(await violations(page), 'menu').toEqual([]);
  await chooseScenario(page, scenario.id);
  await page.waitForSelector('#open-desk');
  expect(await violations(page), 'start of shift').toEqual([]);
  await prepare(page, 'business', []);
  await page.waitForSelector('.options button');
  expect(await page.$eval('.log', (el) => [el.getAttribute('role'), el.getAttribute('aria-live')])).toEqual(['log', 'polite']);
  expect(await violations(page), 'desk').toEqual([]);
  await tabTo(page, '[data-tool="log"]');
  await page.keyboard.press('Enter');
  expect(await violations(page), 'visitor log').toEqual([]);
  await page.keyboard.press('Escape');
  await playToDebrief(page, scenario, { pick: 'hint' });
  expect(await violations(page), 'self-assessment').toEqual([]);
  await selfAssess(page, 'S');
  expect(await violations(page), 'debrief').toEqual([]);
  await context.close();
});

// What the assessment and class-view browser tests share: the served game's address, an
// act by digit key on an option that opens no desk tool, and the teacher's PIN login.
import type { Page } from 'playwright-core';
import { loadFromDisk } from '../../src/cli/files';
import { PORT } from './global-setup';

export const BASE = `http://127.0.0.1:${PORT}/`;

/** Option id → the desk tool it opens, over every shipped scenario. */
const tools = new Map(
  loadFromDisk()
    .scenarios.flatMap((s) => s.contacts.flatMap((c) => Object.values(c.phases).flatMap((p) => p?.options ?? [])))
    .map((o) => [o.id, o.tool]),
);

/** One act with a digit key, on an option that opens no desk tool, then `readMs` of reading; false when there is none. */
export async function act(page: Page, readMs: number): Promise<boolean> {
  const buttons = await page.$$eval('.options button', (bs) => bs.map((b) => ({ id: b.getAttribute('data-option')!, key: b.getAttribute('data-key')! })));
  const choice = buttons.find((b) => !tools.get(b.id));
  if (!choice) return false;
  const before = await page.$$eval('.log li', (l) => l.length);
  await page.keyboard.press(choice.key);
  await page.waitForFunction((n) => document.querySelectorAll('.log li').length > n || !!document.querySelector('#between'), before);
  await page.waitForTimeout(readMs);
  return true;
}

/** Into the teacher's area with this PIN (set on the first visit, asked after). */
export async function teacherLogin(page: Page, pin: string) {
  await page.goto(`${BASE}?lang=fr&visit=${Date.now()}#teacher`);
  await page.waitForSelector('#pin');
  await page.keyboard.type(pin);
  if (await page.$('#pin-again')) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(pin);
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('#build-session');
}

export const FIRST = 'supplier-appointment';
export const SECOND = 'aggressive-refused';

/** In the builder, the two-scenario session both tests use (3 min and 1 min, 20 min in all), left open for more settings. */
export async function fillTwoScenarioSession(teacher: Page, name: string, seed: number) {
  await teacher.click('#build-session');
  await teacher.fill('#b-name', name);
  await teacher.check(`#pick-${FIRST}`);
  await teacher.check(`#pick-${SECOND}`);
  await teacher.fill(`#limit-${FIRST}`, '3');
  await teacher.fill(`#limit-${SECOND}`, '1');
  await teacher.fill('#b-overall', '20');
  await teacher.fill('#b-seed', String(seed));
}

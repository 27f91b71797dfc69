import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { prepare } from './keyboard';

const BASE = `http://127.0.0.1:${PORT}/`;
const browser = useBrowser();

/** A page that records every Content-Security-Policy violation and uncaught error. */
async function watched(query = '') {
  const context = await browser().newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && problems.push(`console: ${m.text()}`));
  await page.goto(`${BASE}${query}`);
  await page.waitForSelector('#start');
  return { page, problems, close: () => context.close() };
}

const clockText = (page: Page) => page.$eval('.clock', (el) => el.textContent ?? '');

it('serves a CSP without inline script or eval, and the game runs under it: menu, hall, the file checker', async () => {
  const { page, problems, close } = await watched('?seed=2&lang=fr');
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '');
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(await page.$$eval('script:not([src])', (s) => s.length)).toBe(0);

  // A teacher's own file, checked in the browser (the lazily loaded yaml + zod chunk).
  const bad = 'id: mine\ntitle: { fr: "oops\n';
  await page.setInputFiles('#open-file', { name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
  await page.waitForSelector('#open-file-report [role="alert"]');
  expect(await page.textContent('#open-file-report')).toMatch(/mine\.yaml:\d+:\d+: /);
  const good = readFileSync('scenarios/supplier-appointment.yaml');
  await page.setInputFiles('#open-file', { name: 'supplier.yaml', mimeType: 'text/yaml', buffer: good });
  await prepare(page, 'business', ['name-badge', 'tidy-desk', 'read-rules']);
  await page.waitForSelector('.options button');
  await page.waitForFunction(() => performance.getEntriesByName('comptoir:hall-frame').length > 0);
  expect(problems).toEqual([]);
  await close();
});

it('ignores bad address parameters with a visible message, and the clock still runs', async () => {
  const { page, problems, close } = await watched('?speed=abc&seed=x&lang=zz');
  const notice = await page.textContent('.url-notice');
  expect(notice).toContain('speed=abc');
  expect(notice).toContain('seed=x');
  expect(notice).toContain('lang=zz');
  await page.click('#start');
  await prepare(page, 'business', ['name-badge', 'tidy-desk', 'read-rules']);
  await page.waitForSelector('.options button');
  const before = await clockText(page);
  await page.waitForFunction((t) => document.querySelector('.clock')?.textContent !== t, before, { timeout: 5000 });
  expect(problems).toEqual([]);
  await close();
});

it('has a robots.txt', async () => {
  const res = await fetch(`${BASE}robots.txt`);
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/User-agent/);
});

import type { Browser, CDPSession, Page } from 'playwright-core';
import { MARK_HALL_FRAME } from '../game/keys';
import { type Figure, figure, median } from './report';

declare global {
  interface Window {
    benchMenu?: number;
  }
}

/** Logged by the page when the hall's first frame is drawn. */
const HALL_DRAWN = 'comptoir-bench:hall-drawn';

/**
 * Runs in the page before its scripts: notes when the menu's Start button exists (the
 * menu is built with its handlers in one go), on the next frame, then presses Start
 * from inside the page so no round trip to the bench is counted. The first hall frame
 * is reported by a console message: polling the page from the bench (waitForFunction)
 * injected Playwright's own script into the measured interval (~60 ms at 4× throttling).
 */
const AUTO_START = `new MutationObserver((_, obs) => {
  const start = document.getElementById('start');
  if (!start || start.disabled) return;
  obs.disconnect();
  requestAnimationFrame(() => { window.benchMenu = performance.now(); start.click(); });
}).observe(document, { subtree: true, childList: true });
new PerformanceObserver((list, obs) => {
  if (!list.getEntriesByName(${JSON.stringify(MARK_HALL_FRAME)}).length) return;
  obs.disconnect();
  console.log(${JSON.stringify(HALL_DRAWN)});
}).observe({ type: 'mark' });`;

async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Cold loads (fresh context, empty cache) with the CPU slowed `rate` times. */
export async function loadFigures(browser: Browser, url: string, runs: number, rate = 4): Promise<Figure[]> {
  const menu: number[] = [];
  const hall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(AUTO_START);
    await throttle(page, rate);
    const drawn = page.waitForEvent('console', { predicate: (m) => m.text() === HALL_DRAWN, timeout: 60_000 });
    await page.goto(url);
    await drawn;
    const [m, h] = await page.evaluate((mark) => [window.benchMenu ?? Number.NaN, performance.getEntriesByName(mark)[0].startTime], MARK_HALL_FRAME);
    menu.push(m);
    hall.push(h);
    await context.close();
  }
  const note = (xs: number[]) => `median of ${runs}, ${rate}× CPU throttling; runs ${xs.map(Math.round).join(', ')}`;
  return [
    figure('load', 'menu interactive', median(menu), 'ms', { max: 1500 }, note(menu)),
    figure('load', 'first hall frame', median(hall), 'ms', { max: 2500 }, note(hall)),
  ];
}

/** Frames drawn per second in the hall page (tests/bench/hall-page.ts), no throttling, no GPU. */
async function fps(browser: Browser, url: string, visitors: number): Promise<{ fps: number; renderer: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}tests/bench/hall.html?visitors=${visitors}&seconds=3`);
  await page.waitForFunction(() => window.benchResult, undefined, { timeout: 60_000, polling: 250 });
  const r = (await page.evaluate(() => window.benchResult))!;
  await context.close();
  return r;
}

/**
 * Empty scene, 1 and 8 visitors measured in turn, `rounds` times, medians kept: the
 * machine's load drifts, and alternating keeps each ratio's two figures close in time.
 */
export async function fpsFigures(browser: Browser, url: string, rounds = 3): Promise<Figure[]> {
  const seen: Record<number, number[]> = { 0: [], 1: [], 8: [] };
  let renderer = '';
  for (let r = 0; r < rounds; r++) {
    for (const n of [0, 1, 8]) {
      const m = await fps(browser, url, n);
      seen[n].push(m.fps);
      renderer = m.renderer;
    }
  }
  const base = median(seen[0]);
  const runs = (xs: number[]) => `median of ${rounds} (${xs.map((x) => x.toFixed(1)).join(', ')})`;
  const out = [figure('fps', `empty scene (${renderer})`, base, 'fps', undefined, `${runs(seen[0])}; the reference for the ratios`)];
  for (const n of [1, 8]) {
    const label = `${n} visitor${n > 1 ? 's' : ''}`;
    out.push(figure('fps', `hall, ${label} (${renderer})`, median(seen[n]), 'fps', { min: 50 }, `${runs(seen[n])}; all fidgeting, half walking`));
    out.push(figure('fps', `hall, ${label} / empty scene`, median(seen[n]) / base, '', { min: 0.9 }));
  }
  return out;
}

/** Heap (after GC), DOM nodes and listeners, as DevTools counts them. */
async function counters(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/** Waits for the menu without keeping a handle on it (a Playwright ElementHandle would keep the old menu alive). */
async function atMenu(page: Page) {
  await (await page.waitForFunction(() => !!document.querySelector('#menu #start'), undefined, { polling: 50 })).dispose();
}

/** Plays `count` scenarios in a row in one page (Start, first hall frame, Quit) and compares the menu's counters. */
export async function memoryFigures(browser: Browser, url: string, count = 50): Promise<Figure[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('dialog', (d) => d.accept());
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await atMenu(page);
  const menu0 = await counters(cdp);
  let first = menu0;
  let round = menu0;
  const ids = await page.$$eval('input[name=scenario]', (els) => els.map((e) => e.id));
  for (let i = 1; i <= count; i++) {
    await page.click(`#${ids[i % ids.length]}`);
    const frames = await page.evaluate((m) => performance.getEntriesByName(m).length, MARK_HALL_FRAME);
    await page.click('#start');
    const drawn = await page.waitForFunction(([m, n]) => performance.getEntriesByName(m as string).length > (n as number), [MARK_HALL_FRAME, frames] as const, {
      polling: 50,
    });
    await drawn.dispose();
    await page.click('#quit');
    await atMenu(page);
    await page.evaluate(() => performance.clearMarks());
    if (i === 1) first = await counters(cdp);
    // Pools (Phaser's text canvases, lazily built panels) fill up once every scenario has been seen.
    if (i === ids.length) round = await counters(cdp);
  }
  const last = await counters(cdp);
  await context.close();
  const mb = (b: number) => b / 1024 / 1024;
  return [
    figure(
      'memory',
      `JS heap growth, scenario 1 → ${count}`,
      mb(last.heap - first.heap),
      'MB',
      { below: 2 },
      `${mb(first.heap).toFixed(1)} → ${mb(last.heap).toFixed(1)} MB`,
    ),
    figure(
      'memory',
      `DOM nodes at the menu, after ${count} vs after each scenario once`,
      last.nodes - round.nodes,
      '',
      { max: 0 },
      `menu before any: ${menu0.nodes}, after 1: ${first.nodes}, after ${ids.length}: ${round.nodes}, after ${count}: ${last.nodes}`,
    ),
    figure(
      'memory',
      `listeners at the menu, after ${count} vs after each scenario once`,
      last.listeners - round.listeners,
      '',
      { max: 0 },
      `before any: ${menu0.listeners}, after 1: ${first.listeners}, after ${ids.length}: ${round.listeners}, after ${count}: ${last.listeners}; the reused game keeps its own`,
    ),
  ];
}

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { useBrowser } from './chromium';
import { PORT } from './global-setup';
import { chooseScenario, playToDebrief, prepare, type SimScore, selfAssess, shot, shownScore, shownVerdict, simOfDownloadedRun, tabTo } from './keyboard';

const catalog = loadFromDisk();
const faceScenarios = catalog.scenarios.filter((s) => s.channel === 'face');
const BASE = `http://127.0.0.1:${PORT}/`;
const browser = useBrowser();

async function open(query: string): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${BASE}?${query}`);
  return page;
}

const pageErrors = (page: Page) => (page as Page & { errors: string[] }).errors;

describe.each(faceScenarios.map((s) => [s.id, s] as const))('keyboard-only play of %s', (id, scenario) => {
  it('reaches the debrief, and the score shown equals npm run sim on the same seed and actions', async () => {
    const page = await open('seed=11&lang=fr&speed=6');
    await shot(page, `${id}-1-menu`);
    await chooseScenario(page, id);
    await shot(page, `${id}-2-preparation`);
    // The outfit that suits the venue (business wear in a company hall, the team's uniform at a station or a fair).
    const outfit = catalog.rubrics.get(scenario.rubric)?.preparation?.outfits.find((o) => o.suits.includes(scenario.venue))?.id ?? 'business';
    await prepare(page, outfit, ['name-badge', 'tidy-desk', 'read-rules']);
    await playToDebrief(page, scenario, { pick: 'hint', shots: `${id}-3` });
    await shot(page, `${id}-4-self-assessment`);
    await selfAssess(page, 'S');
    await page.waitForTimeout(2000); // let the debrief chart finish its bars
    await shot(page, `${id}-5-debrief`);

    const shown = await shownScore(page);
    const sim = await simOfDownloadedRun(page, id, id);
    expect(sim.seed).toBe(11);
    for (const [criterion, score] of Object.entries(sim.criteria)) {
      expect(shown.criteria[criterion], criterion).toEqual({ level: score.level, met: score.level ? `${score.met}/${score.assessed}` : null });
    }
    expect(shown.satisfaction).toContain(`${sim.satisfaction.score}/100`);
    // Passed or not, and the score, as the engine says.
    const verdict = await shownVerdict(page);
    const score = (sim as typeof sim & { score: SimScore }).score;
    expect(verdict.passed).toBe(score.passed);
    expect(verdict.heading).toContain(`${score.percent}/100`);
    expect(verdict.faults).toEqual(score.faults.map((f) => f.kind));
    // Good practice, played by hand (the practice hints, the tools filled in as the visitor said), is very satisfactory.
    const levels = Object.values(sim.criteria)
      .map((c) => c.level)
      .filter(Boolean);
    // CP2 depends on how fast this test reacts to the arrival in real time; it is compared with the engine above.
    expect(levels.filter((l) => l === 'TS').length, levels.join(' ')).toBeGreaterThanOrEqual(levels.length - 1);
    expect(levels, levels.join(' ')).not.toContain('TI');
    // The debrief shows the indicators behind each level.
    expect(await page.$$eval('[data-criterion] [data-indicator]', (l) => l.length)).toBeGreaterThan(10);

    await tabTo(page, '#replay');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#replay-screen');
    await page.waitForTimeout(2500);
    await shot(page, `${id}-6-replay`);
    expect(await page.$$eval('#replay-screen .log li', (l) => l.length)).toBeGreaterThan(1);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('coaching', () => {
  it('opens with three things to work on, replays any moment with seek and speed, and lets a practice player try a moment again', async () => {
    const scenario = faceScenarios.find((s) => s.id === 'aggressive-refused')!;
    const page = await open('seed=4&lang=fr&speed=8');
    await chooseScenario(page, scenario.id);
    await prepare(page, 'casual', []);
    await playToDebrief(page, scenario, { pick: 2 });
    await selfAssess(page, 'TS');
    const points = await page.$$eval('.priorities li', (l) => l.length);
    expect(points).toBeGreaterThanOrEqual(1);
    expect(points).toBeLessThanOrEqual(3);
    expect(await page.$eval('.debrief', (d) => d.textContent ?? '')).not.toMatch(/−\d+ sur|-\d+ sur/);
    await shot(page, 'coaching-debrief');

    // Watch a moment: the replay opens there, with pause, speed and a slider.
    await tabTo(page, '.priorities .see-moment');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#replay-seek');
    await tabTo(page, '#replay-pause');
    const pressed = () => page.$eval('#replay-pause', (b) => b.getAttribute('aria-pressed'));
    const before = await pressed();
    await page.keyboard.press('Enter');
    expect(await pressed()).not.toBe(before);
    await tabTo(page, '#replay-seek');
    await page.keyboard.press('End');
    await page.waitForFunction(() => /(\d+:\d\d) \/ \1/.test(document.querySelector('#replay-screen .clock')?.textContent ?? ''));
    await page.keyboard.press('Home');
    await page.waitForFunction(() => /^\D*0:00 \//.test(document.querySelector('#replay-screen .clock')?.textContent ?? ''));
    await shot(page, 'coaching-replay');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('a practice player tries a poor decision again and plays on from there', async () => {
    const scenario = faceScenarios.find((s) => s.id === 'aggressive-refused')!;
    const page = await open('seed=4&lang=fr&speed=8');
    await chooseScenario(page, scenario.id);
    await prepare(page, 'business', ['name-badge']);
    await playToDebrief(page, scenario, { pick: 2 });
    await selfAssess(page, 'S');
    const retry = await page.$('.priorities .retry');
    expect(retry, 'a poor decision of the student can be tried again').not.toBeNull();
    await tabTo(page, '.priorities .retry');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.options button');
    // The earlier part of the contact is there, and the student chooses again.
    expect(await page.$$eval('.log li', (l) => l.length)).toBeGreaterThan(1);
    await playToDebrief(page, scenario, { pick: 'hint' });
    await selfAssess(page, 'S');
    expect(await page.$$eval('[data-criterion]', (l) => l.length)).toBe(6);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('real time', () => {
  it('scores an unacknowledged visitor down on CP2', async () => {
    const scenario = faceScenarios.find((s) => s.id === 'supplier-appointment')!;
    const page = await open('seed=3&lang=fr&speed=10');
    await chooseScenario(page, scenario.id, 'timed');
    await prepare(page, 'business', ['name-badge']);
    // The visitor arrives at 5–10 s; look away for about 40 s of shift time.
    await page.waitForFunction(() => /écoulé 0:4\d/.test(document.querySelector('.status-bar .clock')?.textContent ?? ''), undefined, {
      timeout: 20_000,
      polling: 200,
    });
    await shot(page, 'unacknowledged-visitor');
    await playToDebrief(page, scenario, { pick: 1 });
    await selfAssess(page, 'TS');
    const shown = await shownScore(page);
    expect(['TI', 'I']).toContain(shown.criteria.CP2.level);
    const timing = await page.$eval('[data-criterion="CP2"] [data-indicator="CP2.ack"]', (li) => li.textContent ?? '');
    expect(timing).toMatch(/Non fait/);
    expect(timing).toMatch(/\d+ s d'attente sans un signe de l'accueil/);
    const sim = await simOfDownloadedRun(page, scenario.id, 'unacknowledged');
    expect(shown.criteria.CP2).toEqual({ level: sim.criteria.CP2.level, met: `${sim.criteria.CP2.met}/${sim.criteria.CP2.assessed}` });
    await page.context().close();
  });
});

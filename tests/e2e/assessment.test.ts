import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import type { ResultsFile } from '../../src/core/run/results-file';
import { parseCsv } from '../../src/platform/csv';
import { launch } from './chromium';
import { PORT } from './global-setup';
import { prepare, SHOTS, shot } from './keyboard';

const BASE = `http://127.0.0.1:${PORT}/`;
const catalog = loadFromDisk();
const FIRST = 'supplier-appointment';
const SECOND = 'aggressive-refused';
const tools = new Map(
  catalog.scenarios.flatMap((s) => s.contacts.flatMap((c) => Object.values(c.phases).flatMap((p) => p?.options ?? []))).map((o) => [o.id, o.tool]),
);
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  return page;
}
const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

/** Shift seconds shown by the play screen ("écoulé m:ss"). */
async function elapsed(page: Page): Promise<number> {
  const text = (await page.textContent('.status-bar .clock')) ?? '';
  const m = /écoulé (\d+):(\d\d)/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
}

/** One act with a digit key, on an option that opens no desk tool; false when there is none. */
async function act(page: Page): Promise<boolean> {
  const buttons = await page.$$eval('.options button', (bs) => bs.map((b) => ({ id: b.getAttribute('data-option')!, key: b.getAttribute('data-key')! })));
  const choice = buttons.find((b) => !tools.get(b.id));
  if (!choice) return false;
  const before = await page.$$eval('.log li', (l) => l.length);
  await page.keyboard.press(choice.key);
  await page.waitForFunction((n) => document.querySelectorAll('.log li').length > n || !!document.querySelector('#between'), before);
  // A person reads before the next act: 700 ms at speed 6 is about 4 s of shift time.
  await page.waitForTimeout(700);
  return true;
}

async function teacherLogin(page: Page) {
  await page.goto(`${BASE}?lang=fr&visit=${Date.now()}#teacher`);
  await page.waitForSelector('#pin');
  await page.keyboard.type('2468');
  if (await page.$('#pin-again')) {
    await page.keyboard.press('Tab');
    await page.keyboard.type('2468');
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('#build-session');
}

describe('a timed assessment session, from the builder to the class view', () => {
  it('builds, plays with a reload and a time-up, downloads, then imports, flags, exports and prints', async () => {
    // Teacher: a two-scenario timed session.
    const teacher = await newPage();
    await teacherLogin(teacher);
    await teacher.click('#build-session');
    await teacher.fill('#b-name', '1re ARCU — CCF accueil');
    await teacher.check(`#pick-${FIRST}`);
    await teacher.check(`#pick-${SECOND}`);
    await teacher.fill(`#limit-${FIRST}`, '3');
    await teacher.fill(`#limit-${SECOND}`, '1');
    await teacher.fill('#b-overall', '20');
    await teacher.fill('#b-seed', '4242');
    await shot(teacher, 'session-1-builder');
    await teacher.click('#create-session');
    await teacher.waitForSelector('#link-standard');
    await shot(teacher, 'session-2-share');
    const link = await teacher.inputValue('#link-standard');
    expect(await teacher.getAttribute('#qr-standard', 'src')).toMatch(/^data:image\/png;base64,/);

    // An edited link is refused with a reason.
    const student = await newPage();
    await student.goto(link.replace(/session=([^.]+)\.(\w+)/, (_m, d, h) => `session=${d.slice(0, -2)}AA.${h}`));
    await student.waitForSelector('#session-refused');
    expect(await student.textContent('#session-refused')).toMatch(/refusé|abîmé|modifié/);

    // Student: name and class once, then the first scenario with its countdown.
    await student.goto(`${link}&speed=6&lang=fr`);
    await student.waitForSelector('#student-name');
    await shot(student, 'session-3-welcome');
    await student.fill('#student-name', 'Inès Martin');
    await student.fill('#student-group', '1ARCU');
    await student.press('#student-group', 'Enter');
    await prepare(student, 'business', ['name-badge', 'tidy-desk', 'read-rules']);
    await student.waitForSelector('.options button', { timeout: 30_000 });
    for (let i = 0; i < 3; i++) await act(student);
    await shot(student, 'session-4-countdown');
    const before = { t: await elapsed(student), log: await student.$$eval('.log li', (l) => l.map((x) => x.textContent)) };
    expect(before.t).toBeGreaterThan(0);
    const left = await student.textContent('#scenario-left');

    // Reload mid-scenario: same attempt, same acts, the clock where it was (and it kept running).
    await student.reload();
    await student.waitForSelector('.countdown');
    await student.waitForFunction(() => document.querySelectorAll('.log li').length > 0);
    const after = { t: await elapsed(student), log: await student.$$eval('.log li', (l) => l.map((x) => x.textContent)) };
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    expect(after.t).toBeGreaterThanOrEqual(before.t);
    expect(after.t).toBeLessThan(before.t + 60);
    expect(await student.$('#open-desk')).toBeNull();
    expect(await student.textContent('#scenario-left')).not.toBe('');
    expect(left).toMatch(/^\d+:\d\d$/);
    await shot(student, 'session-5-after-reload');

    // Play on until the contact ends or the time is up.
    while (!(await student.$('#between'))) {
      if (!(await act(student))) await student.waitForTimeout(500);
    }
    await shot(student, 'session-6-between');
    await student.click('#next-scenario');

    // Second scenario: prepared, then nothing: the one-minute countdown runs out.
    await prepare(student, 'business', ['name-badge']);
    await student.waitForFunction(() => /^0:[0-4]\d$/.test(document.querySelector('#scenario-left')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await shot(student, 'session-7-countdown-low');
    await student.waitForSelector('#between', { timeout: 30_000 });
    expect(await student.textContent('#between')).toContain('Temps écoulé');
    const [download] = await Promise.all([student.waitForEvent('download'), student.click('#next-scenario')]);
    await student.waitForSelector('#session-end');
    await shot(student, 'session-8-end');
    const path = 'test-results/session-results.json';
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
    expect(file.student).toEqual({ name: 'Inès Martin', group: '1ARCU' });
    expect(file.session.seed).toBe(4242);
    expect(file.runs.map((r) => r.scenario)).toEqual([FIRST, SECOND]);
    expect(file.runs[1].status).toBe('timeout');
    expect(file.runs[1].end).toBe(60);
    expect(file.runs.every((r) => r.seed === 4242 && r.mode === 'timed' && r.scenarioHash && r.app)).toBe(true);
    // The command line re-scores each run the same, with nothing to flag.
    for (const run of file.runs) {
      writeFileSync('test-results/session-run.json', JSON.stringify(run));
      const sim = JSON.parse(
        execFileSync('npm', ['run', '-s', 'sim', '--', run.scenario, '--replay', 'test-results/session-run.json', '--json'], { encoding: 'utf8' }),
      );
      expect(sim.flags).toEqual([]);
      expect(Object.fromEntries(Object.entries(sim.criteria).map(([id, c]) => [id, (c as { level: string | null }).level]))).toEqual(run.levels);
    }
    expect(errorsOf(student)).toEqual([]);

    // Teacher: the class view with the genuine file, an edited one and garbage.
    const edited = structuredClone(file);
    edited.student.name = '<b>Zoé</b> Durand';
    const [id, level] = Object.entries(edited.runs[0].levels).find(([, l]) => l)!;
    edited.runs[0].levels[id] = level === 'TS' ? 'I' : 'TS';
    await teacherLogin(teacher);
    await teacher.click('#class-view');
    await teacher.waitForSelector('#results-files');
    await teacher.setInputFiles('#results-files', [
      { name: 'ines.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) },
      { name: 'zoe.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) },
      { name: 'garbage.json', mimeType: 'application/json', buffer: Buffer.from('PK\u0003\u0004 not json at all') },
    ]);
    await teacher.waitForSelector('#class-table');
    expect(await teacher.$$eval('#class-table tbody tr[data-state="valid"]', (r) => r.length)).toBe(1);
    expect(await teacher.$$eval('#class-table tbody tr[data-state="flagged"], #class-table tbody tr[data-state="refused"]', (r) => r.length)).toBe(2);
    const zoe = await teacher.$eval('#class-table tr[data-file="zoe.json"]', (r) => ({
      name: r.querySelector('th')!.textContent,
      bold: !!r.querySelector('b'),
    }));
    expect(zoe.name).toBe('<b>Zoé</b> Durand');
    expect(zoe.bold).toBe(false);
    const reasons = await teacher.textContent('#class-table tr[data-flags-for="zoe.json"]');
    expect(reasons).toMatch(/HTML/);
    expect(reasons).toMatch(new RegExp(`${id} modifié`));
    expect(await teacher.textContent('#class-table tr[data-flags-for="garbage.json"]')).toMatch(/JSON/);
    await shot(teacher, 'session-9-class-view');
    await teacher.screenshot({ path: `${SHOTS}/session-9-class-view-full.png`, fullPage: true });

    // CSV: downloads and parses back.
    const [csvDownload] = await Promise.all([teacher.waitForEvent('download'), teacher.click('#download-csv')]);
    await csvDownload.saveAs('test-results/class.csv');
    const csv = readFileSync('test-results/class.csv', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(4);
    expect(rows[0].slice(0, 2)).toEqual(['Élève', 'Classe']);
    expect(rows[1][0]).toBe('Inès Martin');
    expect(rows[2][0]).toBe('<b>Zoé</b> Durand');

    // The grid of the valid student, printed to PDF: six criteria with their official wording.
    await teacher.click('#class-table tbody tr[data-state="valid"] .grid-button');
    await teacher.waitForSelector('#grid-view .ccf-grid');
    expect(await teacher.$$eval('#grid-view [data-criterion]', (r) => r.length)).toBe(6);
    await teacher.emulateMedia({ media: 'print' });
    await teacher.screenshot({ path: `${SHOTS}/session-10-grid-print.png`, fullPage: true });
    await teacher.pdf({ path: 'test-results/grid.pdf', preferCSSPageSize: true, printBackground: true });
    await teacher.emulateMedia({ media: 'screen' });
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['test-results/grid.pdf', '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const cp of ['CP1', 'CP2', 'CP3', 'CP4', 'CP5', 'CP6']) expect(text).toContain(cp);
      expect(text).toContain('Maîtriser ses émotions et ses attitudes');
      expect(text).not.toContain('Imprimer / PDF');
    }
    if (existsSync('/usr/bin/pdftoppm'))
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', 'test-results/grid.pdf', `${SHOTS}/session-11-grid-pdf`]);
    expect(errorsOf(teacher)).toEqual([]);
  });
});

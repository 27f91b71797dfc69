import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../src/core/run/results-file';
import { encodeSession, type SessionDef } from '../../src/core/run/session-def';
import { parseCsv } from '../../src/platform/csv';
import { useBrowser } from './chromium';
import { prepare, SHOTS, shot } from './keyboard';
import { act as actOnce, BASE, FIRST, fillTwoScenarioSession, teacherLogin as login, SECOND } from './session-helpers';

const browser = useBrowser();

async function newPage(): Promise<Page> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = track(await context.newPage());
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  return page;
}
function track(page: Page): Page {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}
const errorsOf = (page: Page) => (page as Page & { errors: string[] }).errors;

/** Shift seconds shown by the play screen ("écoulé m:ss"). */
async function elapsed(page: Page): Promise<number> {
  const text = (await page.textContent('.status-bar .clock')) ?? '';
  const m = /écoulé (\d+):(\d\d)/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
}

// A person reads before the next act: 700 ms at speed 6 is about 4 s of shift time.
const READ_MS = 700;
const PIN = '2468';
const act = (page: Page) => actOnce(page, READ_MS);
const teacherLogin = (page: Page) => login(page, PIN);

/**
 * `?speed=6` plays six shift seconds per second, so the wall-clock dates of the file are six
 * times closer than a real session's (and the import checks dates against the acts): they
 * are spread back out from the start, as a play in real time would have written them.
 */
function atRealSpeed(file: ResultsFile, speed: number) {
  const start = Date.parse(file.startedAt);
  const spread = (iso: string) => new Date(start + (Date.parse(iso) - start) * speed).toISOString();
  file.endedAt = spread(file.endedAt);
  for (const r of file.runs) r.startedAt = spread(r.startedAt);
}

describe('a timed assessment session, from the builder to the class view', () => {
  it('builds, plays with a reload and a time-up, downloads, then imports, flags, exports and prints', async () => {
    // Teacher: a two-scenario timed session.
    const teacher = await newPage();
    await teacherLogin(teacher);
    await fillTwoScenarioSession(teacher, '1re ARCU — CCF accueil', 4242);
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
    // In the page's language only: the decoder's English detail is not shown.
    expect(await student.textContent('#session-refused')).not.toMatch(/hash|does not match|expected|base64/i);

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
    atRealSpeed(file, 6);
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

/** A session link made here (the builder is tested above): one scenario, long enough to play in. */
function link(id: string, scenarios = [{ id: FIRST, limit: 600 }], lang = 'fr') {
  const def: SessionDef = {
    v: 1,
    id,
    name: `Device ${id}`,
    rubric: 'a1-face',
    scenarios,
    overall: 1200,
    hints: false,
    feedback: true,
    seed: 4242,
    threshold: 50,
    extraPercent: 0,
    extra: false,
  };
  return `${BASE}?session=${encodeURIComponent(encodeSession(def))}&speed=6&lang=${lang}`;
}

/** Tests only: the page's wall clock, shifted by what localStorage says when the page loads (Date and Date.now). */
function shiftableClock() {
  const offset = Number(localStorage.getItem('test.clockOffset') ?? 0);
  if (!offset) return;
  const Real = Date;
  class Shifted extends Real {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [number]));
      else super(Real.now() + offset);
    }
    static now() {
      return Real.now() + offset;
    }
  }
  (window as unknown as { Date: DateConstructor }).Date = Shifted as DateConstructor;
}

/** Tests only: IndexedDB writes fail as on a full disk once localStorage says so. */
function quotaSwitch() {
  for (const method of ['put', 'add'] as const) {
    const real = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof real>) {
      if (localStorage.getItem('test.quota') === 'full') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.apply(this, args);
    };
  }
}

const seconds = (mmss: string | null) => {
  const m = /^(\d+):(\d\d)$/.exec(mmss ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
};
const lefts = async (page: Page) => ({
  scenario: seconds(await page.textContent('#scenario-left')),
  overall: seconds(await page.textContent('#overall-left')),
});

async function begin(page: Page, url: string, name: string) {
  await page.goto(url);
  await page.waitForSelector('#student-name');
  await page.fill('#student-name', name);
  await page.fill('#student-group', '1ARCU');
  await page.press('#student-group', 'Enter');
}

/** Quit (confirmed): the attempt ends as abandoned and its file downloads. */
async function quit(page: Page): Promise<ResultsFile> {
  page.once('dialog', (d) => d.accept());
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#quit')]);
  await page.waitForSelector('#session-end');
  const path = `test-results/device-${Date.now()}.json`;
  await download.saveAs(path);
  return JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
}

describe('the student device during a timed session', () => {
  it('a clock set back an hour and a reload give no time back, and the file records the move', async () => {
    const page = await newPage();
    await page.addInitScript(shiftableClock);
    await begin(page, link('clockback01'), 'Léo Petit');
    // Preparation is not session time: the welcome says the clock starts when the desk opens.
    await page.waitForSelector('#open-desk');
    await page.waitForFunction(() => /^\d+:\d\d$/.test(document.querySelector('#overall-left')?.textContent ?? ''));
    const preparing = await lefts(page);
    await page.waitForTimeout(2000);
    expect(await lefts(page)).toEqual(preparing);
    expect(preparing.overall).toBe(1200);
    await prepare(page, 'business', ['name-badge', 'tidy-desk']);
    await page.waitForSelector('.options button', { timeout: 30_000 });
    for (let i = 0; i < 2; i++) await act(page);
    await page.waitForTimeout(2500);
    const before = { ...(await lefts(page)), t: await elapsed(page), log: await page.$$eval('.log li', (l) => l.map((x) => x.textContent)) };
    expect(before.scenario).toBeLessThan(600);

    await page.evaluate(() => localStorage.setItem('test.clockOffset', String(-3_600_000)));
    await page.reload();
    await page.waitForSelector('.countdown');
    await page.waitForFunction(() => document.querySelectorAll('.log li').length > 0);
    await page.waitForFunction(() => /^\d+:\d\d$/.test(document.querySelector('#scenario-left')?.textContent ?? ''));
    // The page's wall clock is an hour behind (the monotonic origin is not).
    const [now, date, origin] = await page.evaluate(() => [Date.now(), new Date().toISOString(), performance.timeOrigin] as const);
    expect(now).toBeLessThan(origin - 3_000_000);
    expect(Date.parse(date)).toBeLessThan(origin - 3_000_000);
    const after = { ...(await lefts(page)), t: await elapsed(page), log: await page.$$eval('.log li', (l) => l.map((x) => x.textContent)) };
    await shot(page, 'device-1-clock-back');
    // Not an hour more, not even a second more; the scenario clock did not roll back to the last act.
    expect(after.scenario).toBeLessThanOrEqual(before.scenario);
    expect(after.overall).toBeLessThanOrEqual(before.overall);
    expect(after.t).toBeGreaterThanOrEqual(before.t);
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);

    const file = await quit(page);
    expect(file.clock?.movedBack).toHaveLength(1);
    expect(file.clock!.movedBack[0].seconds).toBeGreaterThan(3500);
    expect(file.clock!.movedBack[0].seconds).toBeLessThanOrEqual(3600);
    expect(file.runs[0].end).toBeGreaterThanOrEqual(before.t);
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('one attempt, one tab: a second tab says so, does not play, and takes over when the first closes', async () => {
    const first = await newPage();
    const url = link('twotabs01');
    await begin(first, url, 'Nina Roux');
    await prepare(first, 'business', ['name-badge']);
    await first.waitForSelector('.options button', { timeout: 30_000 });
    await act(first);

    const second = track(await first.context().newPage());
    await second.goto(url);
    await second.waitForSelector('#session-other-tab');
    expect(await second.textContent('#session-other-tab')).toMatch(/déjà ouverte dans un autre onglet/);
    expect(await second.$('.countdown, #student-name, #open-desk')).toBeNull();
    await shot(second, 'device-2-second-tab');
    const english = await first.context().newPage();
    await english.goto(url.replace('lang=fr', 'lang=en'));
    await english.waitForSelector('#session-other-tab');
    expect(await english.textContent('#session-other-tab')).toMatch(/already open in another tab/);
    await english.close();

    // The first tab plays on; nothing it does is lost to the waiting tab.
    await first.bringToFront();
    await act(first);
    await act(first);
    const log = await first.$$eval('.log li', (l) => l.map((x) => x.textContent));
    await first.waitForTimeout(500);
    await first.close();
    await second.waitForSelector('.countdown', { timeout: 15_000 });
    await second.waitForFunction((n) => document.querySelectorAll('.log li').length >= n, log.length);
    expect((await second.$$eval('.log li', (l) => l.map((x) => x.textContent))).slice(0, log.length)).toEqual(log);
    await shot(second, 'device-3-took-over');
    const file = await quit(second);
    expect(file.attempt).toBe(1);
    expect(file.runs[0].actions.filter((a) => a.contact !== 'desk').length).toBeGreaterThanOrEqual(3);
    expect(errorsOf(second)).toEqual([]);
    await second.context().close();
  });

  it('a full store: the warning shows at once, and a reload never resumes the finished attempt', async () => {
    const page = await newPage();
    await page.addInitScript(quotaSwitch);
    const url = link('quota01');
    await begin(page, url, 'Sami Haddad');
    await prepare(page, 'business', ['name-badge']);
    await page.waitForSelector('.options button', { timeout: 30_000 });
    await act(page);
    expect(await page.isVisible('#storage-warning')).toBe(false);
    await page.evaluate(() => localStorage.setItem('test.quota', 'full'));
    await act(page);
    // During the scenario, not only between scenarios.
    await page.waitForSelector('#play #storage-warning:not([hidden])', { timeout: 5000 });
    expect(await page.textContent('#storage-warning')).toContain('QuotaExceededError');
    await shot(page, 'device-4-storage-warning');
    const file = await quit(page);
    expect(file.status).toBe('abandoned');
    expect(await page.textContent('#session-end')).toMatch(/n'a pas pu le conserver/);

    await page.reload();
    await page.waitForSelector('#session-welcome');
    expect(await page.$('.countdown')).toBeNull();
    expect(await page.textContent('#previous-attempts')).toMatch(/1 tentative/);
    expect(await page.textContent('#previous-attempts')).toMatch(/n° 2/);
    await shot(page, 'device-5-not-resumed');
    expect(errorsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('the refused-link page speaks English on an English screen', async () => {
    const page = await newPage();
    const tampered = link('refused01', undefined, 'en').replace(/session=([^.]+)\.(\w+)/, (_m, d, h) => `session=${d.slice(0, -2)}AA.${h}`);
    await page.goto(tampered);
    await page.waitForSelector('#session-refused');
    expect(await page.textContent('#session-refused')).toMatch(/Session link refused/);
    await page.context().close();
  });
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { play } from '../../src/core/policies/play';
import { resultsFile, runRecord } from '../../src/core/run/attempt';
import { scenarioHash } from '../../src/core/run/hash';
import type { ResultsFile } from '../../src/core/run/results-file';
import { decodeSession, encodeSession, type SessionDef, scenarioSeconds } from '../../src/core/run/session-def';
import { parseCsv } from '../../src/platform/csv';
import { useBrowser } from './chromium';
import { prepare, SHOTS, shot } from './keyboard';
import { act as actOnce, FIRST, fillTwoScenarioSession, teacherLogin as login, SECOND } from './session-helpers';

const catalog = loadFromDisk();
const browser = useBrowser();

interface Watched extends Page {
  errors: string[];
}
async function newPage(viewport = { width: 1280, height: 720 }): Promise<Watched> {
  const context = await browser().newContext({ viewport, acceptDownloads: true });
  const page = (await context.newPage()) as Watched;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  // A CSP violation (an inline style attribute, say) is reported on the console as an error.
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  return page;
}

// A person reads before the next act (over 2 s: faster is flagged).
const READ_MS = 2300;
const PIN = '1357';
const act = (page: Page) => actOnce(page, READ_MS);
const teacherLogin = (page: Page) => login(page, PIN);

const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('session')!);
const sessionOf = (token: string) => {
  const d = decodeSession(token);
  if (!('session' in d)) throw new Error(`link refused: ${d.detail}`);
  return d.session;
};

/** A genuine attempt played by one of the game's policies, with dates that agree with its acts. */
function played(def: SessionDef, token: string, name: string, policy: 'ideal' | 'rude', attempt = 1): ResultsFile {
  // Each student sits down at their own minute: two students are never the same attempt.
  const start = Date.parse('2026-11-20T08:00:00Z') + [...name].reduce((s, c) => s + c.charCodeAt(0), 0) * 1000;
  let at = start + 20_000;
  const runs = def.scenarios.map((entry, i) => {
    const s = catalog.scenarios.find((x) => x.id === entry.id)!;
    const r = play(s, catalog.rubrics.get(s.rubric)!, policy, def.seed);
    const record = runRecord(r, r, {
      app: '0.1.0',
      scenarioHash: scenarioHash(s),
      timeLimit: scenarioSeconds(def, i),
      status: 'complete',
      startedAt: new Date(at).toISOString(),
    });
    at += (r.end + 15) * 1000 + i;
    return record;
  });
  return resultsFile(def, token, {
    app: '0.1.0',
    student: { name, group: '1ARCU' },
    attempt,
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(at).toISOString(),
    status: 'complete',
    runs,
  });
}

const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

describe('the class view a teacher can trust', () => {
  it('imports genuine and tampered files: every tampered one refused or flagged with its reason; extra time shown; no level for a refused run; chart without inline styles; one grid per page', async () => {
    // Teacher: a two-scenario session with extra time, the extra-time link handed to Léa only.
    const teacher = await newPage();
    await teacherLogin(teacher);
    await fillTwoScenarioSession(teacher, '1re ARCU — CCF accueil (classe)', 4242);
    await teacher.fill('#b-extra', '33');
    await teacher.click('#create-session');
    await teacher.waitForSelector('#link-extra');
    await teacher.focus('#grants-extra');
    await teacher.keyboard.type('Léa Petit');
    await teacher.keyboard.press('Tab');
    expect(await teacher.evaluate(() => document.activeElement?.id)).toBe('save-grants');
    await teacher.keyboard.press('Enter');
    await teacher.waitForFunction(() => /1 élève/.test(document.querySelector('#grants-saved')?.textContent ?? ''));
    await shot(teacher, 'class-1-share-grants');
    const link = await teacher.inputValue('#link-standard');
    const extraLink = await teacher.inputValue('#link-extra');
    const token = tokenOf(link);
    const extraToken = tokenOf(extraLink);
    const def = sessionOf(token);
    const extraDef = sessionOf(extraToken);
    expect(extraDef.extra).toBe(true);

    // A student plays the session in the browser, at the real clock's speed (a faster test clock
    // would make the dates disagree with the acts): the first scenario until the contact ends,
    // the second until its minute is up.
    const student = await newPage({ width: 1280, height: 800 });
    await student.goto(`${link}&lang=fr`);
    await student.waitForSelector('#student-name');
    await student.fill('#student-name', 'Inès Martin');
    await student.fill('#student-group', '1ARCU');
    await student.press('#student-group', 'Enter');
    await prepare(student, 'business', ['name-badge', 'tidy-desk', 'read-rules']);
    await student.waitForSelector('.options button', { timeout: 60_000 });
    while (!(await student.$('#between'))) {
      if (!(await act(student))) await student.waitForTimeout(500);
    }
    await student.click('#next-scenario');
    await prepare(student, 'business', ['name-badge']);
    await student.waitForSelector('#between', { timeout: 90_000 });
    const [download] = await Promise.all([student.waitForEvent('download'), student.click('#next-scenario')]);
    await student.waitForSelector('#session-end');
    await download.saveAs('test-results/class-ines.json');
    const ines = JSON.parse(readFileSync('test-results/class-ines.json', 'utf8')) as ResultsFile;
    expect(ines.runs.map((r) => r.scenario)).toEqual([FIRST, SECOND]);

    // Genuine files of the class, played by the game's policies on the same session.
    const genuine = {
      'ines.json': ines,
      'tom.json': played(def, token, 'Tom Roux', 'ideal'),
      'lea.json': played(extraDef, extraToken, 'Léa Petit', 'ideal'),
      'nina.json': played(def, token, 'Nina Roche', 'rude'),
    };

    // Tampered copies, each made the way a student who wants a better mark would.
    const levelEdited = structuredClone(ines);
    levelEdited.student.name = 'Zoé Durand';
    const [cp, level] = Object.entries(levelEdited.runs[0].levels).find(([, l]) => l)!;
    levelEdited.runs[0].levels[cp] = level === 'TS' ? 'I' : 'TS';

    // A log refused (an option that does not exist) under claims of TS everywhere and 100.
    const refused = played(def, token, 'Sam Leroy', 'rude');
    refused.runs[0].actions.find((a) => a.contact !== 'desk')!.option = 'no-such-option';
    for (const run of refused.runs) for (const id of Object.keys(run.levels)) run.levels[id] = 'TS';
    refused.score.percent = 100;
    refused.score.passed = true;

    // The weak scenario deleted; one scenario twice; a practice run pasted in.
    const weak = played(def, token, 'Max Girard', 'rude');
    weak.runs[1] = played(def, token, 'Max Girard', 'ideal').runs[1];
    const cut = resultsFile(def, token, { ...weak, runs: [weak.runs[1]] });
    const good = played(def, token, 'Jules Faure', 'ideal');
    const twice = resultsFile(def, token, { ...good, runs: [good.runs[0], good.runs[0]] });
    const practice = played(def, token, 'Eva Simon', 'rude');
    practice.runs[1] = { ...played(def, token, 'Eva Simon', 'ideal').runs[1], mode: 'practice' as 'timed' };
    const pasted = resultsFile(def, token, { ...practice, runs: practice.runs });

    // A classmate's extra-time link, never handed to Hugo.
    const selfGranted = played(extraDef, extraToken, 'Hugo Blanc', 'ideal');
    // The link edited to 30 minutes a scenario, its hash recomputed from the public code.
    const longDef = { ...def, scenarios: def.scenarios.map((s) => ({ ...s, limit: 1800 })) };
    const stretched = played(longDef, encodeSession(longDef), 'Lina Morel', 'ideal');
    // A session the teacher never made on this device.
    const otherDef: SessionDef = { ...def, id: 'othersession1', name: 'Session inconnue' };
    const unknown = played(otherDef, encodeSession(otherDef), 'Ugo Perrin', 'ideal');
    // An attempt number edited from 3 to 1 (Tom's first attempt is in the import).
    const renumbered = played(def, token, 'Tom Roux', 'rude', 3);
    renumbered.attempt = 1;

    const tampered = {
      'zoe.json': levelEdited,
      'sam.json': refused,
      'max.json': cut,
      'jules.json': twice,
      'eva.json': pasted,
      'hugo.json': selfGranted,
      'lina.json': stretched,
      'ugo.json': unknown,
      'tom-3.json': renumbered,
      'tom-copie.json': genuine['tom.json'],
      'garbage.json': 'PK\u0003\u0004 not json at all',
    };

    // Teacher: the class view, with "any session": the checks must not depend on that menu.
    await teacher.click('#share-done');
    await teacher.click('#class-view');
    await teacher.waitForSelector('#results-files');
    expect(await teacher.textContent('#session-grants')).toContain('Léa Petit');
    await teacher.selectOption('#class-session', '');
    await teacher.setInputFiles('#results-files', [
      ...Object.entries(genuine).map(([n, f]) => json(n, f)),
      ...Object.entries(tampered).map(([n, f]) => (typeof f === 'string' ? { name: n, mimeType: 'application/json', buffer: Buffer.from(f) } : json(n, f))),
    ]);
    await teacher.waitForSelector('#class-table');
    await teacher.waitForFunction((n) => document.querySelectorAll('#class-table tbody tr[data-file]').length === n, 15);

    const stateOf = (file: string) => teacher.getAttribute(`#class-table tr[data-file="${file}"]`, 'data-state');
    const reasonsOf = async (file: string) => (await teacher.textContent(`#class-table tr[data-flags-for="${file}"]`).catch(() => null)) ?? '';
    const missed: string[] = [];
    for (const file of Object.keys(tampered)) {
      const state = await stateOf(file);
      const reasons = await reasonsOf(file);
      // A reason a teacher reads: a sentence, not a key or a placeholder.
      if (!['flagged', 'refused'].includes(state ?? '') || reasons.replace(`${file} —`, '').trim().length < 10 || /flag\.|\{\{/.test(reasons))
        missed.push(`${file}: ${state} ${reasons}`);
    }
    expect(missed).toEqual([]);
    for (const file of ['ines.json', 'lea.json', 'nina.json']) expect(`${file}: ${await stateOf(file)} ${await reasonsOf(file)}`).toBe(`${file}: valid `);

    // Extra time: shown for Léa (granted) and for Hugo, there as not granted.
    const extraCell = (file: string) =>
      teacher.$eval(`#class-table tr[data-file="${file}"] td:nth-of-type(3)`, (td) => ({ text: td.textContent, cls: td.className }));
    expect(await extraCell('lea.json')).toEqual({ text: 'oui (+33 %)', cls: '' });
    expect(await extraCell('hugo.json')).toEqual({ text: 'oui (+33 %) — non accordé', cls: 'extra not-granted' });
    expect((await extraCell('ines.json')).text).toBe('');

    // The refused run: no level and no score in the row, only the reason.
    const sam = await teacher.$eval('#class-table tr[data-file="sam.json"]', (r) => ({
      levels: [...r.querySelectorAll('td[data-criterion]')].map((td) => td.textContent),
      text: r.textContent ?? '',
    }));
    expect(sam.levels.every((l) => l === '')).toBe(true);
    expect(sam.text).not.toMatch(/\b100\b|\bTS\b/);
    expect(sam.text).toContain('actions refusées');
    expect(await reasonsOf('sam.json')).toMatch(/actions refusées/);
    // Nor for a cherry-picked attempt (a scenario deleted, one played twice).
    for (const file of ['max.json', 'jules.json']) {
      expect(await teacher.$$eval(`#class-table tr[data-file="${file}"] td[data-criterion]`, (tds) => tds.map((td) => td.textContent).join(''))).toBe('');
    }

    // No word of the table broken across two lines ("Tentati ve", "Grill e").
    const broken = await teacher.evaluate(() => {
      const out: string[] = [];
      const cells = document.querySelectorAll('#class-table thead th, #class-table tbody tr[data-file] > *');
      for (const cell of cells) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const m of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(m[0]);
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);

    // The chart: bars sized through the CSSOM, no style attribute, the counts right.
    const bars = await teacher.$$eval('#distribution .seg', (segs) =>
      segs.map((s) => ({ attr: s.getAttribute('style'), grow: getComputedStyle(s).flexGrow, text: s.textContent ?? '' })),
    );
    expect(bars.length).toBeGreaterThan(0);
    for (const b of bars) {
      expect(b.attr === null || !/flex/.test(b.attr)).toBe(true);
      expect(b.grow).toBe(/(\d+)$/.exec(b.text)![1]);
    }
    // Nothing at 1280 × 720 wider than the screen.
    const widths = await teacher.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('.table-wrap')!.scrollWidth,
      wrap: document.querySelector('.table-wrap')!.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(1280);
    await shot(teacher, 'class-2-view');
    await teacher.screenshot({ path: `${SHOTS}/class-2-view-full.png`, fullPage: true });

    // CSV: the extra time, the pass / fail column, nothing for the refused run.
    const [csvDownload] = await Promise.all([teacher.waitForEvent('download'), teacher.click('#download-csv')]);
    await csvDownload.saveAs('test-results/class-view.csv');
    const [head, ...rows] = parseCsv(readFileSync('test-results/class-view.csv', 'utf8'));
    const row = (name: string) => rows.find((r) => r[head.indexOf('Fichier')] === name)!;
    const cell = (name: string, col: string) => row(name)[head.indexOf(col)];
    expect(head).toContain('Résultat');
    expect(cell('lea.json', 'Temps majoré')).toBe('oui (+33 %)');
    expect(cell('hugo.json', 'Temps majoré')).toBe('oui (+33 %) — non accordé');
    expect(cell('ines.json', 'Résultat')).toMatch(/^(Réussi|Non réussi)$/);
    for (const col of ['Score /100', 'Résultat', 'CP1', 'CP6', 'Satisfaction visiteur']) expect(cell('sam.json', col)).toBe('');
    expect(cell('garbage.json', 'Résultat')).toBe('');

    // Every grid printed, one per A4 page, for real; the extra time on Léa's; "Non fait" said once.
    await teacher.click('#print-class');
    await teacher.waitForSelector('#grid-view .ccf-grid');
    const grids = await teacher.$$eval('#grid-view .ccf-grid', (g) => g.length);
    expect(grids).toBeGreaterThanOrEqual(4);
    const gridText = (await teacher.textContent('#grid-view')) ?? '';
    expect(gridText).not.toMatch(/Non fait\s+Non fait/);
    expect(gridText).toMatch(/Non fait :/);
    expect(await teacher.textContent('#grid-view .ccf-grid[data-student="Léa Petit"] .grid-head')).toContain('Temps majoré');
    const samGrid = (await teacher.textContent('#grid-view .ccf-grid[data-student="Sam Leroy"]')) ?? '';
    expect(samGrid).toContain('Pas de score');
    expect(await teacher.$$eval('#grid-view .ccf-grid[data-student="Sam Leroy"] td.lvl', (tds) => tds.filter((td) => td.textContent).length)).toBe(0);
    await teacher.emulateMedia({ media: 'print' });
    await teacher.screenshot({ path: `${SHOTS}/class-3-grids-print.png`, fullPage: true });
    const pdf = await teacher.pdf({ path: 'test-results/class-grids.pdf', preferCSSPageSize: true, printBackground: true });
    await teacher.emulateMedia({ media: 'screen' });
    // Page objects of the PDF (its page tree nodes say /Pages): no PDF library needed.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length;
    expect(pages).toBe(grids);
    // Fitting the page must not shrink the text out of reading: met indicators on one line, at most
    // four gaps per scenario and criterion; measured 0.67–1 (a student with faults everywhere is the smallest).
    const fits = await teacher.$$eval('#grid-view .ccf-grid', (gs) => gs.map((g) => Number((g as HTMLElement).style.getPropertyValue('--fit') || '1')));
    expect(Math.min(...fits), fits.join(' ')).toBeGreaterThanOrEqual(0.65);

    expect(teacher.errors).toEqual([]);
    expect(student.errors).toEqual([]);
  }, 400_000);
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { replay, resultOf } from '../../src/core/result';
import { allFlags, rescoreFile } from '../../src/core/run/rescore';
import type { ResultsFile } from '../../src/core/run/results-file';
import { encodeSession, type SessionDef } from '../../src/core/run/session-def';
import { decisionInteractions, SUSPEND_LIMIT } from '../../src/platform/scorm';
import { launch } from './chromium';
import { SHOTS } from './keyboard';

const PORT = (Number(process.env.E2E_PORT) || 4199) + 50;
const DIR = 'test-results/scorm-package';
const catalog = loadFromDisk();
const session: SessionDef = {
  v: 1,
  id: 'scormtest01',
  name: 'CCF accueil — Moodle',
  rubric: 'a1-face',
  scenarios: [
    { id: 'supplier-appointment', limit: 60 },
    { id: 'aggressive-refused', limit: 60 },
  ],
  overall: 600,
  hints: false,
  feedback: true,
  seed: 77,
  threshold: 40,
  extraPercent: 0,
  extra: false,
};

/** The LMS side: scorm-again's SCORM 1.2 runtime on window.API, the package in an iframe. */
const LMS_PAGE = `<!doctype html><meta charset="utf-8"><title>LMS</title>
<script src="/scorm12.js"></script>
<script>
  window.commits = [];
  window.startLms = (json) => {
    window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
    if (json) window.API.loadFromJSON(json, '');
    const commit = window.API.LMSCommit.bind(window.API);
    window.API.LMSCommit = (a) => { const r = commit(a); window.commits.push(window.API.renderCMIToJSONObject()); return r; };
    document.getElementById('sco').src = '/sco/index.html?speed=10&lang=fr';
  };
  window.cmi = () => window.API.renderCMIToJSONObject();
</script>
<iframe id="sco" title="SCO" style="width:1240px;height:760px;border:0"></iframe>`;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
};
let server: Server;
let browser: Browser;

beforeAll(async () => {
  writeFileSync('test-results/scorm-session.txt', encodeSession(session));
  execFileSync('npm', ['run', '-s', 'build:scorm', '--', '--session', 'test-results/scorm-session.txt', '--out', 'test-results/comptoir-scorm.zip'], {
    stdio: 'inherit',
  });
  const files = unzipSync(new Uint8Array(readFileSync('test-results/comptoir-scorm.zip')));
  expect(Object.keys(files)).toContain('imsmanifest.xml');
  expect(Object.keys(files)).toContain('index.html');
  expect(Object.keys(files).some((f) => /sw\.js$|workbox/.test(f))).toBe(false);
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(DIR, name)), { recursive: true });
    writeFileSync(join(DIR, name), data);
  }
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  expect(manifest).toMatch(/<schemaversion>1\.2<\/schemaversion>/);
  expect(manifest).toMatch(/adlcp:scormtype="sco" href="index.html"/);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    try {
      if (url.pathname === '/' || url.pathname === '/lms') return res.writeHead(200, { 'content-type': 'text/html' }).end(LMS_PAGE);
      if (url.pathname === '/scorm12.js')
        return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync('node_modules/scorm-again/dist/scorm12.js'));
      const path = join(DIR, url.pathname.replace(/^\/sco\//, ''));
      const body = readFileSync(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  }).listen(PORT, '127.0.0.1');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function launchSco(json: unknown): Promise<{ page: Page; frame: () => Frame }> {
  const context = await browser.newContext({ viewport: { width: 1260, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(e.message));
  await page.goto(`http://127.0.0.1:${PORT}/lms`);
  await page.evaluate((j) => (window as unknown as { startLms(j: unknown): void }).startLms(j), json);
  const frame = () => page.frames().find((f) => f.url().includes('/sco/'))!;
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].some((f) => f.contentDocument?.querySelector('main')));
  return { page, frame };
}

type Cmi = { core: Record<string, unknown>; suspend_data: string; interactions: Record<string, Record<string, string>> };
const cmi = (page: Page) => page.evaluate(() => (window as unknown as { cmi(): { cmi: Cmi } }).cmi().cmi);

const tools = new Map(
  catalog.scenarios.flatMap((s) => s.contacts.flatMap((c) => Object.values(c.phases).flatMap((p) => p?.options ?? []))).map((o) => [o.id, o.tool]),
);

/** Prepared, then `acts` decisions (options that open no desk tool), then nothing until the time is up. */
async function prepareAndWaitForTimeUp(frame: Frame, acts = 0) {
  await frame.waitForSelector('#open-desk');
  await frame.check('#outfit-business');
  await frame.click('#open-desk');
  for (let i = 0; i < acts; i++) {
    await frame.waitForSelector('.options button, #between', { timeout: 20_000 });
    if (await frame.$('#between')) break;
    const ids = await frame.$$eval('.options button', (bs) => bs.map((b) => b.getAttribute('data-option')!));
    const id = ids.find((o) => !tools.get(o));
    if (!id) break;
    const before = await frame.$$eval('.log li', (l) => l.length);
    await frame.click(`.options button[data-option="${id}"]`);
    await frame.waitForFunction((n) => document.querySelectorAll('.log li').length > n || !!document.querySelector('#between'), before);
    await frame.waitForTimeout(400);
  }
  await frame.waitForSelector('#between', { timeout: 40_000 });
}

type Written = Record<string, string | Record<string, unknown>>;
/** The interactions as the LMS holds them, in order. */
const interactionsOf = (c: Cmi) =>
  Object.entries(c.interactions ?? {})
    .filter(([k, i]) => /^\d+$/.test(k) && i && typeof i === 'object' && 'id' in i)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, i]) => i as unknown as Written);

describe('the SCORM 1.2 package in an LMS', () => {
  it('reports to the LMS, commits after each scenario, and resumes from suspend data', async () => {
    const first = await launchSco({ core: { student_name: 'Martin, Inès', student_id: '42', entry: 'ab-initio' } });
    const f1 = first.frame();
    await f1.waitForSelector('#student-name');
    expect(await f1.inputValue('#student-name')).toBe('Martin, Inès');
    await f1.click('#start-session');
    await prepareAndWaitForTimeUp(f1, 4);
    const afterFirst = await cmi(first.page);
    // Each decision of the first scenario is already an interaction, committed with the progress.
    const firstDecisions = interactionsOf(afterFirst);
    expect(firstDecisions.length).toBeGreaterThanOrEqual(2);
    for (const i of firstDecisions) {
      expect(i.id).toMatch(/^supplier-appointment\.\d\d\.[\x21-\x7e]+$/);
      expect(i.type).toBe('choice');
      expect(['correct', 'wrong', 'neutral']).toContain(i.result);
      expect(i.time).toMatch(/^\d\d:\d\d:\d\d$/);
    }
    expect(afterFirst.core.lesson_status).toBe('incomplete');
    expect(afterFirst.core.exit).toBe('suspend');
    expect(Number(afterFirst.core.score && (afterFirst.core.score as { raw: string }).raw)).toBeGreaterThanOrEqual(0);
    expect(afterFirst.suspend_data.length).toBeGreaterThan(10);
    expect(afterFirst.suspend_data.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(await first.page.evaluate(() => (window as unknown as { commits: unknown[] }).commits.length)).toBeGreaterThanOrEqual(1);
    await first.page.screenshot({ path: `${SHOTS}/scorm-1-after-first.png` });
    await first.page.context().close();

    // Another day, another computer: nothing on the device, only what the LMS kept.
    // The LMS keeps the interactions it was sent (write-only for the game: it reads only their count).
    const second = await launchSco({
      core: { student_name: 'Martin, Inès', student_id: '42', entry: 'resume' },
      suspend_data: afterFirst.suspend_data,
      interactions: afterFirst.interactions,
    });
    const f2 = second.frame();
    await f2.waitForSelector('#open-desk');
    expect(await f2.$('#session-welcome')).toBeNull();
    expect(await f2.textContent('h1')).toContain('colère');
    const download = second.page.waitForEvent('download');
    await prepareAndWaitForTimeUp(f2);
    await f2.click('#next-scenario');
    await f2.waitForSelector('#session-end');
    await second.page.screenshot({ path: `${SHOTS}/scorm-2-end.png` });
    await (await download).saveAs('test-results/scorm-results.json');
    const file = JSON.parse(readFileSync('test-results/scorm-results.json', 'utf8')) as ResultsFile;
    expect(file.runs.map((r) => r.scenario)).toEqual(session.scenarios.map((s) => s.id));
    // Played at ?speed=10: the dates are spread back out as a real-time play writes them (the import checks them).
    const start = Date.parse(file.startedAt);
    const spread = (iso: string) => new Date(start + (Date.parse(iso) - start) * 10).toISOString();
    const real = { ...file, endedAt: spread(file.endedAt), runs: file.runs.map((r) => ({ ...r, startedAt: spread(r.startedAt) })) };
    const rescored = rescoreFile('scorm.json', 1, JSON.stringify(real), { scenarios: catalog.scenarios, rubrics: catalog.rubrics, session });
    expect(allFlags(rescored)).toEqual([]);

    const end = await cmi(second.page);
    const score = end.core.score as { raw: string; min: string; max: string };
    expect(Number(score.raw)).toBe(rescored.score);
    expect([score.min, score.max].map(Number)).toEqual([0, 100]);
    expect(end.core.lesson_status).toBe(rescored.score! >= session.threshold ? 'passed' : 'failed');
    expect(String(end.core.session_time)).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
    const interactions = interactionsOf(end);
    // Every decision of both scenarios, in order, then one per criterion.
    const expected = file.runs.flatMap((run) => {
      const sc = catalog.scenarios.find((s) => s.id === run.scenario)!;
      const result = resultOf(replay({ ...sc, timeLimit: run.timeLimit }, catalog.rubrics.get(sc.rubric)!, run));
      return decisionInteractions(run.scenario, result, () => new Date());
    });
    expect(expected.length).toBe(firstDecisions.length + file.runs[1].actions.filter((a) => a.contact !== 'desk').length);
    const decisions = interactions.slice(0, -6);
    expect(decisions.map((i) => [i.id, i.type, i.student_response, i.result])).toEqual(expected.map((e) => [e.id, 'choice', e.response, e.result]));
    expect(decisions.map((i) => i.student_response)).toEqual(file.runs.flatMap((r) => r.actions.filter((a) => a.contact !== 'desk').map((a) => a.option)));
    expect(decisions.some((i) => (i.objectives as Record<string, { id: string }>)?.['0']?.id)).toBe(true);
    expect(interactions.slice(-6).map((i) => i.id)).toEqual(['CP1', 'CP2', 'CP3', 'CP4', 'CP5', 'CP6']);
    expect(end.suspend_data).toBe('');
    await second.page.context().close();
  });
});

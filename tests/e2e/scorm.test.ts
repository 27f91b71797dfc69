import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFromDisk } from '../../src/cli/files';
import { allFlags, rescoreFile } from '../../src/core/run/rescore';
import type { ResultsFile } from '../../src/core/run/results-file';
import { encodeSession, type SessionDef } from '../../src/core/run/session-def';
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

async function prepareAndWaitForTimeUp(frame: Frame) {
  await frame.waitForSelector('#open-desk');
  await frame.check('#outfit-business');
  await frame.click('#open-desk');
  await frame.waitForSelector('#between', { timeout: 40_000 });
}

describe('the SCORM 1.2 package in an LMS', () => {
  it('reports to the LMS, commits after each scenario, and resumes from suspend data', async () => {
    const first = await launchSco({ core: { student_name: 'Martin, Inès', student_id: '42', entry: 'ab-initio' } });
    const f1 = first.frame();
    await f1.waitForSelector('#student-name');
    expect(await f1.inputValue('#student-name')).toBe('Martin, Inès');
    await f1.click('#start-session');
    await prepareAndWaitForTimeUp(f1);
    const afterFirst = await cmi(first.page);
    expect(afterFirst.core.lesson_status).toBe('incomplete');
    expect(afterFirst.core.exit).toBe('suspend');
    expect(Number(afterFirst.core.score && (afterFirst.core.score as { raw: string }).raw)).toBeGreaterThanOrEqual(0);
    expect(afterFirst.suspend_data.length).toBeGreaterThan(10);
    expect(afterFirst.suspend_data.length).toBeLessThanOrEqual(4096);
    expect(await first.page.evaluate(() => (window as unknown as { commits: unknown[] }).commits.length)).toBeGreaterThanOrEqual(1);
    await first.page.screenshot({ path: `${SHOTS}/scorm-1-after-first.png` });
    await first.page.context().close();

    // Another day, another computer: nothing on the device, only what the LMS kept.
    const second = await launchSco({ core: { student_name: 'Martin, Inès', student_id: '42', entry: 'resume' }, suspend_data: afterFirst.suspend_data });
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
    const rescored = rescoreFile('scorm.json', 1, JSON.stringify(file), { scenarios: catalog.scenarios, rubrics: catalog.rubrics, session });
    expect(allFlags(rescored)).toEqual([]);

    const end = await cmi(second.page);
    const score = end.core.score as { raw: string; min: string; max: string };
    expect(Number(score.raw)).toBe(rescored.score);
    expect([score.min, score.max].map(Number)).toEqual([0, 100]);
    expect(end.core.lesson_status).toBe(rescored.score! >= session.threshold ? 'passed' : 'failed');
    expect(String(end.core.session_time)).toMatch(/^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/);
    const interactions = Object.values(end.interactions ?? {}).filter((i) => i && typeof i === 'object' && 'id' in i);
    expect(interactions.map((i) => i.id)).toEqual(['CP1', 'CP2', 'CP3', 'CP4', 'CP5', 'CP6']);
    expect(end.suspend_data).toBe('');
    await second.page.context().close();
  });
});

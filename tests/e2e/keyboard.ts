import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ShiftResult } from '../../src/core/result';
import type { Scenario } from '../../src/core/schema/scenario';
import { CLOSE_FILE } from '../../src/core/shift/contact-run';
import { freeSlot } from '../../src/core/shift/tool-check';

export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Presses Tab, then Shift+Tab, until the focused element matches: the only way a keyboard user gets there. */
export async function tabTo(page: Page, selector: string, max = 60) {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press(key);
    }
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** In a radio group that has focus, arrows until the wanted radio is checked. */
export async function arrowTo(page: Page, selector: string, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => (document.querySelector(s) as HTMLInputElement | null)?.checked ?? false, selector)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`arrows never checked ${selector}`);
}

export async function chooseScenario(page: Page, id: string, mode: 'practice' | 'timed' = 'practice') {
  await page.waitForSelector('#start');
  await tabTo(page, 'input[name="scenario"]');
  // As many arrows as there are scenarios: the catalog grows.
  await arrowTo(page, `#scenario-${id}`, await page.locator('input[name="scenario"]').count());
  await tabTo(page, 'input[name="mode"]');
  await arrowTo(page, `#mode-${mode}`);
  await tabTo(page, '#start');
  await page.keyboard.press('Enter');
}

/** Start of shift by keyboard: the outfit for the venue, every task ticked with Space. */
export async function prepare(page: Page, outfit: string, tasks: string[]) {
  await page.waitForSelector('#open-desk');
  await tabTo(page, 'input[name="outfit"]');
  await arrowTo(page, `#outfit-${outfit}`);
  for (const task of tasks) {
    await tabTo(page, `#task-${task}`);
    await page.keyboard.press('Space');
  }
  await tabTo(page, '#open-desk');
  await page.keyboard.press('Enter');
}

/** In a focused <select>, arrows until the wanted value is chosen (a keyboard user's way). */
async function selectValue(page: Page, selector: string, value: string) {
  await tabTo(page, selector);
  for (let i = 0; i < 30; i++) {
    if (await page.evaluate(([s, v]) => (document.querySelector(s) as HTMLSelectElement | null)?.value === v, [selector, value])) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`arrows never chose ${value} in ${selector}`);
}

/** Completes the tool an option opened (diary or a booking in it, visitor log, message slip, internal call) with the keyboard, as the visitor said it. */
export async function useTool(page: Page, scenario: Scenario, tool: string, contactId?: string) {
  const contact = scenario.contacts.find((c) => c.id === contactId) ?? scenario.contacts[0];
  const facts = contact.facts ?? {};
  const host = facts.for ?? contact.request.outcome.person ?? contact.waiting?.colleague ?? scenario.desk.directory[0].id;
  if (tool === 'log') {
    await page.keyboard.type(facts.name ?? contact.visitor.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(facts.company ?? contact.visitor.company ?? '');
    await selectValue(page, '#log-host', contact.waiting?.colleague ?? contact.request.outcome.person ?? host);
    await tabTo(page, '.tool-panel button[type="submit"]');
    await page.keyboard.press('Enter');
  } else if (tool === 'message') {
    await selectValue(page, '#slip-to', host);
    await tabTo(page, '#slip-from');
    await page.keyboard.type(facts.name ?? contact.visitor.name);
    await tabTo(page, '#slip-company');
    await page.keyboard.type(facts.company ?? contact.visitor.company ?? '');
    await tabTo(page, '#slip-phone');
    await page.keyboard.type(facts.phone ?? '06 12 34 56 78');
    await tabTo(page, '#slip-message');
    await page.keyboard.type(facts.subject ?? contact.request.needs.fr);
    if (facts.callback) {
      await tabTo(page, '#slip-callback');
      await page.keyboard.type(facts.callback);
    }
    // The caller's urgency in the scenario's words ("high", "urgent"): the box a student would tick.
    if (/^(high|urgent)$/i.test(facts.urgency ?? '')) {
      await tabTo(page, '#slip-urgent');
      await page.keyboard.press('Space');
    }
    await tabTo(page, '.tool-panel button[type="submit"]');
    await page.keyboard.press('Enter');
  } else if (tool === 'diary' && (await page.$('.tool-panel form.booking'))) {
    // A booking: whose diary, who, and the first slot free in the diary and within the caller's hours.
    const fill = async (id: string, value: string | undefined) => {
      if (!(await page.$(`#${id}`)) || value === undefined) return;
      await tabTo(page, `#${id}`);
      await page.keyboard.type(value);
    };
    if (await page.$('#book-for')) await selectValue(page, '#book-for', host);
    await fill('book-name', facts.name ?? contact.visitor.name);
    await fill('book-company', facts.company ?? contact.visitor.company);
    await fill('book-phone', facts.phone);
    await fill('book-time', freeSlot(contact, scenario.desk));
    await tabTo(page, '.tool-panel button[type="submit"]');
    await page.keyboard.press('Enter');
  } else if (tool === 'call') {
    const target = contact.waiting?.colleague ?? contact.request.outcome.person;
    await tabTo(page, `[data-call="${target}"]`);
    await page.keyboard.press('Enter');
  } else {
    await tabTo(page, '.tool-panel button.primary');
    await page.keyboard.press('Enter');
  }
}

export interface PlayOptions {
  /** Which option to take: the practice hint (good practice), or always the n-th. */
  pick: 'hint' | number;
  shots?: string;
}

/** "Move time on" by keyboard; the shift may end (and the button go) while Tab is on its way. */
async function pressSkip(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      await tabTo(page, '#skip');
      break;
    } catch (err) {
      if (await page.$('#debrief, #see-score')) return;
      if (!(await page.$('#skip:not([hidden])'))) return; // nothing to skip any more: the caller looks again
      if (attempt === 3) throw err;
      // Options may have been redrawn under the keyboard on a busy machine: start again from the top of the page.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    }
  }
  await page.keyboard.press('Enter');
}

/** Plays until the debrief with the choice keys only; waits go by the skip button (practice) or the clock. */
export async function playToDebrief(page: Page, scenario: Scenario, opts: PlayOptions) {
  // Option → the tool it opens and whose contact it is (several contacts at a mixed desk).
  const tools = new Map(
    scenario.contacts
      .flatMap((c) => [...Object.values(c.phases).flatMap((p) => p?.options ?? []), ...(c.anytime ?? []), ...(c.after ?? [])].map((o) => [o, c.id] as const))
      .filter(([o]) => o.tool)
      .map(([o, contact]) => [o.id, { tool: o.tool!, contact }]),
  );
  let shotTaken = 0;
  for (let step = 0; step < 200; step++) {
    if (await page.$('#debrief')) return;
    const buttons = await page.$$eval('.options button', (bs) =>
      bs.map((b) => ({ id: b.getAttribute('data-option')!, key: b.getAttribute('data-key')!, hinted: b.classList.contains('hinted') })),
    );
    if (!buttons.length) {
      if (await page.$('#skip:not([hidden])')) await pressSkip(page);
      await page.waitForTimeout(300);
      continue;
    }
    const before = await page.$$eval('.log li', (l) => l.length);
    const hinted = buttons.find((b) => b.hinted);
    // On a switchboard the next good move may be another line (or the counter): its key, Alt + digit.
    const lineKey =
      opts.pick === 'hint' && !hinted ? await page.$eval('.line-key.hinted', (b) => (b as HTMLElement).dataset.line ?? '0').catch(() => undefined) : undefined;
    if (lineKey !== undefined) {
      // Pressed: the choices shown change (another caller's, or the picked-up call's) or a line is logged.
      const screen = () =>
        `${document.querySelectorAll('.log li').length}|${[...document.querySelectorAll('.options button')].map((b) => b.getAttribute('data-option'))}`;
      const was = await page.evaluate(screen);
      await page.keyboard.press(`Alt+${lineKey}`);
      await page.waitForFunction(
        (w) =>
          !!document.querySelector('#debrief') ||
          `${document.querySelectorAll('.log li').length}|${[...document.querySelectorAll('.options button')].map((b) => b.getAttribute('data-option'))}` !== w,
        was,
      );
      continue;
    }
    if (opts.pick === 'hint' && !hinted) {
      // Good practice here is to let time pass (the colleague is on the way): skip ahead, or wait.
      if (await page.$('#skip:not([hidden])')) await pressSkip(page);
      await page.waitForTimeout(300);
      continue;
    }
    const chosen = opts.pick === 'hint' ? hinted! : buttons[Math.min(opts.pick, buttons.length) - 1];
    await page.keyboard.press(chosen.key);
    const tool = tools.get(chosen.id);
    if (tool) {
      await page.waitForSelector('.tool-panel:not([hidden])');
      if (opts.shots && shotTaken++ === 0) await shot(page, `${opts.shots}-tool-${tool.tool}`);
      await useTool(page, scenario, tool.tool, tool.contact);
    }
    if (opts.shots && step === 3) await shot(page, `${opts.shots}-hall`);
    const said = (n: number) => document.querySelectorAll('.log li').length > n || !!document.querySelector('#debrief');
    // Closing a visitor's file says nothing: with another visitor's file still open, nothing is logged and the shift goes on.
    if (chosen.id === CLOSE_FILE) await page.waitForFunction(said, before, { timeout: 3000 }).catch(() => undefined);
    else await page.waitForFunction(said, before);
  }
  throw new Error('the scenario did not reach the debrief in 200 steps');
}

/** Self-assessment by keyboard: the same level for every criterion of the short form (the others are optional), then the score. */
export async function selfAssess(page: Page, level: 'TI' | 'I' | 'S' | 'TS') {
  await page.waitForSelector('#see-score');
  const ids = await page.$$eval('form.self > fieldset.criterion-self input[value="TI"]', (xs) => xs.map((x) => (x as HTMLInputElement).name));
  for (const id of ids) {
    await tabTo(page, `input[name="${id}"]`);
    await arrowTo(page, `[id="self-${id}-${level}"]`); // ids may hold a dot (T21.1)
  }
  await tabTo(page, '#see-score');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-criterion]');
}

export interface ShownScore {
  /** Level and "indicators met / assessed" as the debrief shows them. */
  criteria: Record<string, { level: string | null; met: string | null }>;
  satisfaction: string;
}

/** The debrief's passed / not passed, the score in its heading, and the reasons listed. */
export async function shownVerdict(page: Page): Promise<{ passed: boolean; heading: string; faults: string[] }> {
  return page.$eval('#verdict', (el) => ({
    passed: el.classList.contains('passed'),
    heading: el.querySelector('h2')!.textContent!,
    faults: [...el.querySelectorAll('[data-fault]')].map((f) => f.getAttribute('data-fault')!),
  }));
}

/** What `npm run sim --json` adds beside the levels: the situation's score and why it failed. */
export type SimScore = { percent: number; passed: boolean; faults: { kind: string }[] };

export async function shownScore(page: Page): Promise<ShownScore> {
  return page.evaluate(() => {
    const criteria: Record<string, { level: string | null; met: string | null }> = {};
    document.querySelectorAll('[data-criterion]').forEach((el) => {
      const level = el.querySelector('.level')!.getAttribute('data-level');
      criteria[el.getAttribute('data-criterion')!] = {
        level: level === 'none' ? null : level,
        met: el.querySelector('.met')?.getAttribute('data-met') ?? null,
      };
    });
    return { criteria, satisfaction: document.querySelector('#satisfaction-score')!.textContent! };
  });
}

/** Downloads the run from the debrief (keyboard) and re-scores it with `npm run sim -- --replay`. */
export async function simOfDownloadedRun(page: Page, scenarioId: string, name: string): Promise<ShiftResult> {
  await tabTo(page, '#download-run');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const file = `test-results/${name}-run.json`;
  await download.saveAs(file);
  JSON.parse(readFileSync(file, 'utf8'));
  const out = execFileSync('npm', ['run', '-s', 'sim', '--', scenarioId, '--replay', file, '--json'], { encoding: 'utf8' });
  writeFileSync(`test-results/${name}-sim.json`, out);
  return JSON.parse(out);
}

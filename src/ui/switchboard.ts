import type { CallLogEntry, LineView, SwitchboardView } from '../core/shift/phone-desk';
import type { Shift } from '../core/shift/shift';
import { t } from '../i18n';
import { clear, deskClock, h, mmss } from './dom';
import { callLogWords, lineWords, visitorLabel } from './words';

/** Alt + digit presses a line key (Alt + 0 the counter): choice keys keep 1–9 and letters. */
export const LINE_SHORTCUT = (n: number) => `Alt+${n}`;

/** The line key the student should press next (practice hints), by contact id. */
export type SwitchboardHint = string | undefined;

/**
 * The switchboard as a row of line keys (lamp off, blinking while it rings, lit in
 * conversation, winking on hold), a counter key at a mixed desk, and the call log.
 * Pressing a key chooses whom the student attends to; a ringing key picks up. The
 * caller is heard, not seen: what they say is in the dialogue log, with tone cues.
 */
export class SwitchboardPanel {
  readonly root: HTMLElement;
  private readonly keys: HTMLUListElement;
  private readonly log: HTMLOListElement;
  private readonly logSummary: HTMLElement;
  private announced = 0;
  private signature = '';

  constructor(
    private readonly onLine: (contact: string, ringing: boolean) => void,
    private readonly onCounter: () => void,
  ) {
    this.keys = h('ul', { class: 'line-keys' });
    this.log = h('ol', { class: 'call-log-list' });
    this.logSummary = h('summary', {});
    this.root = h(
      'section',
      { class: 'switchboard', id: 'switchboard', 'aria-label': t('switchboard.label') },
      h('h2', { class: 'switchboard-title' }, t('switchboard.title')),
      this.keys,
      h('details', { class: 'call-log', id: 'call-log' }, this.logSummary, this.log),
    );
  }

  /** Redraws the keys when something changes; focus stays on the key it was on. */
  update(shift: Shift, view: SwitchboardView, focus: string | undefined, hint: SwitchboardHint) {
    const counter = shift.contacts.find((c) => c.channel === 'face' && c.status === 'present');
    const signature = JSON.stringify([view.lines.map((l) => [l.state, l.contact, l.rings, l.heldSince && shift.now - l.heldSince]), counter?.id, focus, hint]);
    if (signature !== this.signature) {
      this.signature = signature;
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.key;
      clear(
        this.keys,
        ...view.lines.map((l) => h('li', {}, this.lineKey(shift, l, focus, hint))),
        shift.scenario.channel === 'mixed' ? h('li', {}, this.counterKey(shift, counter?.id, focus, hint)) : null,
      );
      if (focused) (this.keys.querySelector(`[data-key="${focused}"]`) as HTMLElement | null)?.focus();
    }
    this.renderLog(shift, view.log);
  }

  private lineKey(shift: Shift, l: LineView, focus: string | undefined, hint: SwitchboardHint) {
    const who = l.contact ? visitorLabel(shift, l.contact) : '';
    const state = this.stateWords(shift, l);
    const name = t('switchboard.line', { line: l.line });
    return h(
      'button',
      {
        type: 'button',
        class: `line-key lamp-${l.lamp}${l.contact && l.contact === hint ? ' hinted' : ''}${l.contact && l.contact === focus ? ' current' : ''}`,
        'data-key': `line-${l.line}`,
        'data-line': l.line,
        'data-state': l.state,
        'data-contact': l.contact ?? '',
        'aria-keyshortcuts': LINE_SHORTCUT(l.line),
        'aria-pressed': String(Boolean(l.contact && l.contact === focus)),
        'aria-label': lineWords(l, shift),
        disabled: !l.contact,
        onclick: () => l.contact && this.onLine(l.contact, l.state === 'ringing'),
      },
      h('span', { class: 'lamp', 'aria-hidden': 'true' }),
      h('span', { class: 'line-name', 'aria-hidden': 'true' }, name),
      h('span', { class: 'line-state', 'aria-hidden': 'true' }, state),
      who && l.state !== 'ringing' ? h('span', { class: 'line-who', 'aria-hidden': 'true' }, who) : null,
    );
  }

  private counterKey(shift: Shift, contact: string | undefined, focus: string | undefined, hint: SwitchboardHint) {
    const who = contact ? visitorLabel(shift, contact) : t('switchboard.nobody');
    return h(
      'button',
      {
        type: 'button',
        class: `line-key counter-key lamp-${contact ? 'lit' : 'off'}${contact && contact === hint ? ' hinted' : ''}${contact && contact === focus ? ' current' : ''}`,
        'data-key': 'counter',
        'aria-keyshortcuts': LINE_SHORTCUT(0),
        'aria-pressed': String(Boolean(contact && contact === focus)),
        'aria-label': `${t('switchboard.counter')}, ${who}`,
        disabled: !contact,
        onclick: () => this.onCounter(),
      },
      h('span', { class: 'lamp', 'aria-hidden': 'true' }),
      h('span', { class: 'line-name', 'aria-hidden': 'true' }, t('switchboard.counter')),
      h('span', { class: 'line-state', 'aria-hidden': 'true' }, who),
    );
  }

  /** What the key shows: the state, the rings heard, or how long the caller has been waiting. */
  private stateWords(shift: Shift, l: LineView): string {
    const state = t(`switchboard.state.${l.state}`);
    if (l.state === 'ringing') return `${state} · ${t('switchboard.rings', { count: l.rings ?? 1 })}`;
    if (l.state === 'held' || l.state === 'parked') return t('switchboard.heldFor', { state, time: mmss(shift.now - (l.heldSince ?? shift.now)) });
    return state;
  }

  /** New call-log entries are appended (rings and hang-ups are announced by the dialogue log). */
  private renderLog(shift: Shift, log: readonly CallLogEntry[]) {
    if (log.length < this.announced) clear(this.log), (this.announced = 0);
    for (const e of log.slice(this.announced)) {
      const words = callLogWords(e, shift);
      this.log.append(h('li', { 'data-kind': e.kind }, h('span', { class: 'time' }, deskClock(shift.scenario.desk.startTime, e.t, true)), ` ${words}`));
    }
    this.announced = log.length;
    this.logSummary.textContent = t('switchboard.logTitle', { count: log.length });
  }

  /** The key to press with Alt + digit (0: the counter). */
  press(n: number): boolean {
    const key = this.keys.querySelector(n === 0 ? '[data-key="counter"]' : `[data-key="line-${n}"]`) as HTMLButtonElement | null;
    if (!key || key.disabled) return false;
    key.click();
    return true;
  }
}

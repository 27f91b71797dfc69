import type { Run } from '../core/result';
import type { Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';
import { DESK, Shift } from '../core/shift/shift';
import type { HallSource, HallState } from '../game/hall-state';
import { t } from '../i18n';
import { DialogueView } from './dialogue';
import { h, mmss } from './dom';
import { hallState } from './hall-view';

/** Plays a finished contact again from its action log, faster than life, read-only. */
export class ReplayScreen implements HallSource {
  readonly root: HTMLElement;
  readonly stage: HTMLElement;
  private readonly shift: Shift;
  private readonly dialogue = new DialogueView(() => undefined);
  private readonly status: HTMLElement;
  private readonly listeners = new Set<(s: HallState) => void>();
  private timer?: ReturnType<typeof setInterval>;
  private next = 0;

  constructor(
    scenario: Scenario,
    rubric: Rubric,
    private readonly run: Run,
    onClose: () => void,
    private readonly speed = 4,
  ) {
    this.shift = new Shift(scenario, rubric, run.seed);
    for (const a of run.actions.filter((x) => x.contact === DESK)) this.shift.prepare(a.option);
    this.next = run.actions.findIndex((a) => a.contact !== DESK);
    if (this.next < 0) this.next = run.actions.length;
    this.stage = h('div', { class: 'stage', 'aria-hidden': 'true' });
    this.status = h('p', { class: 'clock', role: 'status' });
    this.root = h(
      'main',
      { class: 'play replay', id: 'replay-screen' },
      h(
        'header',
        { class: 'status-bar' },
        h('h1', {}, t('replay.title')),
        this.status,
        h('div', { class: 'controls' }, h('button', { type: 'button', id: 'close-replay', onclick: () => (this.stop(), onClose()) }, t('replay.close'))),
      ),
      h(
        'div',
        { class: 'play-body' },
        h('div', { class: 'left' }, h('div', { class: 'stage-wrap' }, this.stage)),
        h('div', { class: 'side' }, this.dialogue.root),
      ),
    );
    this.shift.openDesk();
  }

  get(): HallState {
    return hallState(this.shift, false);
  }

  subscribe(listener: (s: HallState) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start() {
    this.timer = setInterval(() => this.step(), 1000 / this.speed);
    this.render();
  }

  /** One shift second per step; acts are applied at the second they were made. */
  private step() {
    const actions = this.run.actions;
    while (this.next < actions.length && actions[this.next].t <= this.shift.now) {
      const a = actions[this.next++];
      this.shift.act(a.contact, a.option, a.input);
    }
    if (this.shift.now >= this.run.end || this.shift.finished) {
      this.stop();
      this.status.textContent = t('replay.done');
      this.render(false);
      return;
    }
    this.shift.advance(1);
    this.render();
  }

  private render(clock = true) {
    this.listeners.forEach((l) => l(this.get()));
    this.dialogue.renderLog(this.shift);
    if (clock) this.status.textContent = `${t('replay.playing')} ${mmss(this.shift.now)} / ${mmss(this.run.end)}`;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

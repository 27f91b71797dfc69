import type { Run } from '../core/result';
import type { Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';
import { DESK, Shift } from '../core/shift/shift';
import type { HallSource, HallState } from '../game/hall-state';
import { t } from '../i18n';
import { DialogueView } from './dialogue';
import { h, mmss } from './dom';
import { hallState } from './hall-view';

const SPEEDS = [1, 2, 4, 8];

/** The shift as it stood at second `at` of a run: rebuilt from scratch, which is exact and fast (the core is pure). */
export function shiftAt(scenario: Scenario, rubric: Rubric, run: Run, at: number): Shift {
  const shift = new Shift(scenario, rubric, run.seed);
  for (const a of run.actions.filter((x) => x.contact === DESK)) shift.prepare(a.option);
  shift.openDesk();
  for (const a of run.actions) {
    if (a.contact === DESK || a.t > at) continue;
    shift.advance(a.t - shift.now);
    if (!shift.finished) shift.act(a.contact, a.option, a.input);
  }
  if (at > shift.now) shift.advance(Math.min(at, run.end) - shift.now);
  return shift;
}

/**
 * Plays a finished contact again from its action log, read-only: pause, speed,
 * a slider to seek (arrow keys work on it), and a start at any moment of the debrief.
 */
export class ReplayScreen implements HallSource {
  readonly root: HTMLElement;
  readonly stage: HTMLElement;
  private shift: Shift;
  private dialogue = new DialogueView(() => undefined);
  private readonly status: HTMLElement;
  private readonly side: HTMLElement;
  private readonly seek: HTMLInputElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly listeners = new Set<(s: HallState) => void>();
  private timer?: ReturnType<typeof setInterval>;
  private speed = 4;

  constructor(
    private readonly scenario: Scenario,
    private readonly rubric: Rubric,
    private readonly run: Run,
    /** Back to the debrief the replay was opened from. */
    onClose: () => void,
  ) {
    this.shift = shiftAt(scenario, rubric, run, 0);
    this.stage = h('div', { class: 'stage', 'aria-hidden': 'true' });
    this.status = h('p', { class: 'clock', role: 'status' });
    this.seek = h('input', { type: 'range', id: 'replay-seek', min: 0, max: run.end, step: 1, value: 0, 'aria-label': t('replay.seek') });
    this.seek.addEventListener('input', () => this.jump(Number(this.seek.value), false));
    this.pauseButton = h('button', { type: 'button', id: 'replay-pause', 'aria-pressed': 'false', onclick: () => this.toggle() }, t('play.pause'));
    this.speedSelect = h('select', { id: 'replay-speed' }, ...SPEEDS.map((s) => h('option', { value: s, selected: s === this.speed }, `×${s}`)));
    this.speedSelect.addEventListener('change', () => {
      this.speed = Number(this.speedSelect.value);
      if (this.timer) this.play();
    });
    this.side = h('div', { class: 'side' }, this.dialogue.root);
    this.root = h(
      'main',
      { class: 'play replay', id: 'replay-screen' },
      h(
        'header',
        { class: 'status-bar' },
        h('h1', {}, t('replay.title')),
        this.status,
        h(
          'div',
          { class: 'controls replay-controls' },
          this.pauseButton,
          h('label', { for: 'replay-speed' }, t('replay.speed')),
          this.speedSelect,
          h('label', { for: 'replay-seek', class: 'visually-hidden' }, t('replay.seek')),
          this.seek,
          h('button', { type: 'button', id: 'close-replay', onclick: () => (this.stop(), onClose()) }, t('debriefMore.replay.back')),
        ),
      ),
      h('div', { class: 'play-body' }, h('div', { class: 'left' }, h('div', { class: 'stage-wrap' }, this.stage)), this.side),
    );
  }

  get(): HallState {
    return hallState(this.shift, !this.timer);
  }

  subscribe(listener: (s: HallState) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts playing, from a moment of the contact if given (a debrief line's time). */
  start(at = 0) {
    this.jump(at);
    this.play();
  }

  /** Shows the contact as it stood at second `at`. */
  jump(at: number, updateSlider = true) {
    const target = Math.max(0, Math.min(this.run.end, Math.round(at)));
    this.shift = shiftAt(this.scenario, this.rubric, this.run, target);
    // A fresh log view: going back in time must not leave later lines on screen.
    const dialogue = new DialogueView(() => undefined);
    this.side.replaceChildren(dialogue.root);
    this.dialogue = dialogue;
    if (updateSlider) this.seek.value = String(target);
    this.render();
  }

  private play() {
    this.stop();
    this.timer = setInterval(() => this.step(), 1000 / this.speed);
    this.pauseButton.textContent = t('play.pause');
    this.pauseButton.setAttribute('aria-pressed', 'false');
    this.render();
  }

  private toggle() {
    if (this.timer) {
      this.stop();
      this.pauseButton.textContent = t('play.resume');
      this.pauseButton.setAttribute('aria-pressed', 'true');
      this.render();
    } else {
      if (this.shift.now >= this.run.end) this.jump(0);
      this.play();
    }
  }

  /** One shift second per step; acts are applied at the second they were made. */
  private step() {
    if (this.shift.now >= this.run.end || this.shift.finished) {
      this.stop();
      this.pauseButton.textContent = t('play.resume');
      this.status.textContent = t('replay.done');
      this.render(false);
      return;
    }
    const next = this.shift.now + 1;
    // Rebuilding is exact and cheap; stepping the same shift keeps the dialogue appending line by line.
    this.advanceTo(next);
    this.seek.value = String(this.shift.now);
    this.render();
  }

  private advanceTo(at: number) {
    for (const a of this.run.actions) {
      if (a.contact === DESK || a.t < this.shift.now || a.t >= at) continue;
      if (this.applied(a)) continue;
      this.shift.advance(a.t - this.shift.now);
      if (!this.shift.finished) this.shift.act(a.contact, a.option, a.input);
    }
    this.shift.advance(at - this.shift.now);
  }

  /** Whether this action of the run is already in the shift (acts are unique by time, contact and option). */
  private applied(a: Run['actions'][number]): boolean {
    return this.shift.actions.some((x) => x.t === a.t && x.contact === a.contact && x.option === a.option);
  }

  private render(clock = true) {
    this.listeners.forEach((l) => l(this.get()));
    this.dialogue.renderLog(this.shift);
    if (clock) this.status.textContent = `${this.timer ? t('replay.playing') : t('play.paused')} ${mmss(this.shift.now)} / ${mmss(this.run.end)}`;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

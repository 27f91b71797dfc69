import { t } from '../../i18n';
import { h, mmss } from '../dom';

/** Seconds left at which a screen reader hears the time (once each). */
const SCENARIO_MARKS = [300, 120, 60, 30, 10];
const OVERALL_MARKS = [900, 600, 300, 60];

/**
 * The visible countdown of a scenario and of the whole session. The numbers are a
 * timer (not read on every tick); a polite live region speaks at set points.
 */
export class Countdown {
  readonly root: HTMLElement;
  private readonly scenario = h('span', { class: 'left', id: 'scenario-left' });
  private readonly overall = h('span', { class: 'left', id: 'overall-left' });
  private readonly live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'countdown-announce' });
  private readonly said = new Set<string>();

  constructor() {
    this.root = h(
      'div',
      { class: 'countdown', role: 'timer', 'aria-live': 'off', 'aria-label': t('assess.countdown') },
      h('span', { class: 'count' }, h('span', { class: 'count-label' }, t('assess.scenarioLeft')), ' ', this.scenario),
      h('span', { class: 'count' }, h('span', { class: 'count-label' }, t('assess.overallLeft')), ' ', this.overall),
      this.live,
    );
  }

  /** First words when a scenario starts: the time the student has. */
  announceStart(scenarioLeft: number, overallLeft: number) {
    this.say(t('assess.announceStart', { scenario: mmss(scenarioLeft), overall: mmss(overallLeft) }));
  }

  update(scenarioLeft: number, overallLeft: number) {
    this.scenario.textContent = mmss(scenarioLeft);
    this.overall.textContent = mmss(overallLeft);
    this.scenario.classList.toggle('low', scenarioLeft <= 60);
    this.overall.classList.toggle('low', overallLeft <= 120);
    this.mark('s', scenarioLeft, SCENARIO_MARKS, 'assess.announceScenario');
    this.mark('o', overallLeft, OVERALL_MARKS, 'assess.announceOverall');
  }

  private mark(kind: string, left: number, marks: number[], key: string) {
    const hit = marks.find((m) => left <= m && left > m - 5 && !this.said.has(kind + m));
    if (hit === undefined) return;
    marks.filter((m) => m >= hit).forEach((m) => this.said.add(kind + m));
    this.say(t(key, { time: mmss(left) }));
  }

  say(text: string) {
    this.live.textContent = text;
  }
}

import type { ShiftResult } from '../core/result';
import { levelsOf } from '../core/run/attempt';
import { situationScore } from '../core/run/grade';
import type { Level, Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';
import type { ObservationRecord } from '../core/scoring/observation';
import { type SituationFault, verdictOf } from '../core/scoring/verdict';
import type { Shift } from '../core/shift/shift';
import type { DebriefState } from '../game/hall-state';
import { language, t, tx } from '../i18n';
import { focusPoints, indicatorText, observationText, optionFinder } from './coaching';
import { clear, deskClock, h, mmss } from './dom';
import { timelineWords } from './words';

type SelfAssessment = Record<string, Level>;

/**
 * Debrief: first the student rates themselves on each criterion (auto-évaluation,
 * CP131.2), then sees the score with every evidence record, the visitor's
 * satisfaction, the timeline, and the gap between the two.
 */
export class Debrief {
  readonly root: HTMLElement;

  /** Whose satisfaction: a visitor's, a caller's, or both at a mixed desk. */
  private satisfactionKey() {
    const c = this.scenario.channel;
    return c === 'phone' ? 'debrief.satisfactionPhone' : c === 'mixed' ? 'debrief.satisfactionMixed' : 'debrief.satisfaction';
  }

  constructor(
    private readonly result: ShiftResult,
    private readonly rubric: Rubric,
    private readonly scenario: Scenario,
    private readonly shift: Shift,
    private readonly actions: {
      onChart(state: DebriefState): void;
      /** Replays the contact, from a moment when given. */
      onReplay(at?: number): void;
      /** Practice only: plays on from just before a decision. */
      onRetry?: (at: number) => void;
      onMenu(): void;
      onDownload(): void;
      /** The path's next step (ui/next-step.ts), shown above the actions. */
      nextStep?: () => HTMLElement;
    },
  ) {
    this.root = h('main', { class: 'debrief', id: 'debrief', 'aria-labelledby': 'debrief-title' });
    this.selfAssessment();
  }

  /** Lowest first, as the loader checks; read from the rubric so the schema (zod) stays out of the page. */
  private get levels(): Level[] {
    return this.rubric.levels.map((l) => l.id);
  }

  private levelLabel(level: Level | null) {
    return level ? tx(this.rubric.levels.find((l) => l.id === level)!.label) : t('debrief.notAssessed');
  }

  private selfAssessment() {
    const form = h(
      'form',
      { class: 'self' },
      h('h1', { id: 'debrief-title' }, t('debrief.selfTitle')),
      h('p', {}, t('debrief.selfIntro')),
      ...this.rubric.criteria.map((c) =>
        h(
          'fieldset',
          { class: 'criterion-self' },
          h('legend', {}, h('strong', {}, `${c.id} `), this.wording(c.id)),
          ...this.levels.map((l) =>
            h(
              'span',
              { class: 'choice' },
              h('input', { type: 'radio', name: c.id, id: `self-${c.id}-${l}`, value: l, required: true }),
              h('label', { for: `self-${c.id}-${l}` }, this.levelLabel(l)),
            ),
          ),
        ),
      ),
      h('button', { type: 'submit', class: 'primary', id: 'see-score' }, t('debrief.seeScore')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      this.showScore(Object.fromEntries(this.rubric.criteria.map((c) => [c.id, data.get(c.id) as Level])));
    });
    clear(this.root, form);
    (form.querySelector('input') as HTMLInputElement).focus();
  }

  /** A button that replays the contact from a few seconds before this moment. */
  private seeButton(o: ObservationRecord) {
    return h(
      'button',
      { type: 'button', class: 'see-moment', onclick: () => this.actions.onReplay(Math.max(0, o.t - 3)) },
      t('coach.see', { when: mmss(o.t) }),
    );
  }

  /** The référentiel's exact wording in French; its English gloss in English. */
  private wording(id: string) {
    const c = this.rubric.criteria.find((x) => x.id === id)!;
    return language() === 'en' ? c.gloss.en : c.wording;
  }

  private gap(self: Level, level: Level | null): string {
    if (!level) return t('debrief.gapNotAssessed');
    const d = this.levels.indexOf(self) - this.levels.indexOf(level);
    if (d === 0) return t('debrief.gapSame');
    return d > 0 ? t('debrief.gapOver', { count: d }) : t('debrief.gapUnder', { count: -d });
  }

  /** Passed or not, with the score; a failed situation says why, whatever the average of the criteria. */
  private verdict() {
    const verdict = verdictOf(this.result);
    const score = situationScore([{ levels: levelsOf(this.result), failed: verdict.failed }]);
    const option = optionFinder(this.scenario);
    const fault = (f: SituationFault) => {
      const when = mmss(f.t);
      const who = this.scenario.contacts.find((c) => c.id === f.contact)?.visitor;
      const name = who ? `${who.civility} ${who.name}` : f.contact;
      if (f.kind === 'grave') {
        const act = option(f.contact, f.option);
        return t('debrief.faultGrave', { when, indicator: indicatorText(this.rubric, f.indicator!), act: act ? tx(act.text) : '' });
      }
      if (f.kind === 'walked-out') return t(who?.civility === 'Madame' ? 'debrief.faultWalkedOutF' : 'debrief.faultWalkedOutM', { when, name });
      return t('debrief.faultNeed', { when, name });
    };
    return h(
      'section',
      { class: `verdict ${score.passed ? 'passed' : 'failed'}`, id: 'verdict', 'aria-labelledby': 'verdict-title' },
      h('h2', { id: 'verdict-title' }, t(score.passed ? 'debrief.verdictPassed' : 'debrief.verdictFailed', { score: score.percent })),
      score.capped ? h('p', {}, t('debrief.verdictCapped', { from: score.capped.from })) : null,
      verdict.faults.length ? h('ul', { class: 'faults' }, ...verdict.faults.map((f) => h('li', { 'data-fault': f.kind }, fault(f)))) : null,
    );
  }

  private showScore(self: SelfAssessment) {
    const r = this.result;
    this.actions.onChart({
      criteria: this.rubric.criteria.map((c) => ({
        id: c.id,
        level: r.criteria[c.id].level,
        self: self[c.id],
        ratio: r.criteria[c.id].assessed ? r.criteria[c.id].met / r.criteria[c.id].assessed : 0,
      })),
      satisfaction: r.satisfaction.score,
      levelLabels: Object.fromEntries(this.levels.map((l) => [l, this.levelLabel(l)])) as DebriefState['levelLabels'],
      notAssessedLabel: t('debrief.notAssessed'),
      title: t('debrief.chartTitle'),
      selfLabel: t('debrief.self'),
      scoreLabel: t('debrief.score'),
      satisfactionLabel: t(this.satisfactionKey()),
    });
    const option = optionFinder(this.scenario);
    const moment = (o: ObservationRecord) => `${mmss(o.t)} · ${t(`phase.${o.phase}`)}`;
    const focus = focusPoints(r, this.rubric, this.scenario);
    const criteria = this.rubric.criteria.map((c) => {
      const s = r.criteria[c.id];
      const assessed = s.indicators.filter((i) => i.status !== null);
      return h(
        'section',
        { class: `criterion level-${s.level ?? 'none'}`, 'data-criterion': c.id, 'aria-labelledby': `crit-${c.id}` },
        h(
          'h2',
          { id: `crit-${c.id}` },
          `${c.id} — `,
          h('span', { class: 'level', 'data-level': s.level ?? 'none' }, this.levelLabel(s.level)),
          s.level
            ? h('span', { class: 'met', 'data-met': `${s.met}/${s.assessed}` }, ` (${t('debrief.indicatorsMet', { met: s.met, count: s.assessed })})`)
            : null,
        ),
        h('p', { class: 'wording' }, this.wording(c.id)),
        h('p', { class: 'gap' }, `${t('debrief.self')} : ${this.levelLabel(self[c.id])} — ${this.gap(self[c.id], s.level)}`),
        s.level !== null && s.rule !== undefined ? h('p', { class: 'rule' }, tx(this.rubric.rules[s.rule].why)) : null,
        assessed.length
          ? h(
              'ul',
              { class: 'indicators' },
              ...assessed.map((i) =>
                h(
                  'li',
                  { class: `indicator status-${i.status}`, 'data-indicator': i.ref, 'data-status': i.status ?? '' },
                  h('span', { class: 'status' }, t(`status.${i.status}`)),
                  ' ',
                  h('strong', {}, indicatorText(this.rubric, i.ref)),
                  i.essential ? h('span', { class: 'essential' }, ` (${t('debrief.essential')})`) : null,
                  h(
                    'ul',
                    { class: 'moments' },
                    ...i.observations.map((o) => {
                      const better = option(o.contact, o.better);
                      return h(
                        'li',
                        { class: `moment status-${o.status}` },
                        h('span', { class: 'time' }, moment(o)),
                        ` — ${observationText(o, this.rubric, option)}`,
                        better && o.status !== 'met' ? h('span', { class: 'better' }, ` ${t('coach.better', { text: tx(better.text) })}`) : null,
                        o.phase !== 'preparation' ? this.seeButton(o) : null,
                      );
                    }),
                  ),
                ),
              ),
            )
          : h('p', {}, t('debrief.noEvidence')),
      );
    });
    const priorities = focus.length
      ? h(
          'section',
          { class: 'priorities', 'aria-labelledby': 'priorities-title' },
          h('h2', { id: 'priorities-title' }, t('coach.title')),
          h(
            'ol',
            {},
            ...focus.map((f) =>
              h(
                'li',
                { 'data-indicator': f.observation.indicator },
                h('span', { class: 'time' }, f.when),
                ' — ',
                h('strong', {}, indicatorText(this.rubric, f.observation.indicator)),
                h('p', {}, f.what),
                f.better ? h('p', { class: 'better' }, t('coach.better', { text: f.better })) : null,
                f.observation.phase !== 'preparation'
                  ? h(
                      'p',
                      { class: 'moment-actions' },
                      this.seeButton(f.observation),
                      this.actions.onRetry && f.observation.kind === 'option'
                        ? h(
                            'button',
                            { type: 'button', class: 'retry', onclick: () => this.actions.onRetry?.(f.observation.t) },
                            t('coach.retry', { when: mmss(f.observation.t) }),
                          )
                        : null,
                    )
                  : null,
              ),
            ),
          ),
        )
      : h('section', { class: 'priorities' }, h('h2', {}, t('coach.title')), h('p', {}, t('coach.nothing')));
    const sat = r.satisfaction;
    clear(
      this.root,
      h('h1', { id: 'debrief-title', tabindex: -1 }, t('debrief.title')),
      this.verdict(),
      h(
        'section',
        { class: 'satisfaction', 'aria-labelledby': 'sat-title' },
        h('h2', { id: 'sat-title' }, t(this.satisfactionKey())),
        h('p', { id: 'satisfaction-score' }, t('debrief.satisfactionValue', { score: sat.score, level: t(`satisfaction.${sat.level}`) })),
        h('p', {}, sat.needMet ? t('debrief.needMet') : t('debrief.needNotMet'), sat.walkedOut ? ` ${t('debrief.walkedOut')}` : ''),
      ),
      priorities,
      ...criteria,
      h(
        'section',
        { class: 'timeline', 'aria-labelledby': 'timeline-title' },
        h('h2', { id: 'timeline-title' }, t('debrief.timeline')),
        h(
          'ol',
          {},
          ...r.timeline.map((l) =>
            h('li', {}, h('span', { class: 'time' }, deskClock(this.scenario.desk.startTime, l.t, true)), ` ${timelineWords(l, this.shift)}`),
          ),
        ),
      ),
      this.actions.nextStep?.(),
      h(
        'nav',
        { class: 'debrief-actions' },
        h('button', { type: 'button', id: 'replay', onclick: () => this.actions.onReplay() }, t('debrief.replay')),
        h('button', { type: 'button', id: 'download-run', onclick: () => this.actions.onDownload() }, t('debrief.download')),
        h('button', { type: 'button', class: 'primary', id: 'back-to-menu', onclick: () => this.actions.onMenu() }, t('debrief.menu')),
      ),
    );
    (this.root.querySelector('h1') as HTMLElement).focus();
  }
}

import type { ShiftResult } from '../core/result';
import { type FeelingMove, type SatisfactionStory, satisfactionStory } from '../core/run/satisfaction-story';
import { contactChannel } from '../core/schema/channel';
import type { Level, Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';
import type { ObservationRecord } from '../core/scoring/observation';
import { verdictOf } from '../core/scoring/verdict';
import type { Shift } from '../core/shift/shift';
import type { DebriefState } from '../game/hall-state';
import { language, t, tx } from '../i18n';
import { betterWords, focusPoints, indicatorText, momentWords, observationText, optionFinder } from './coaching';
import { faultWords, gapWords, indicatorsMetWords, needWords, satisfactionWords } from './debrief-words';
import { clear, deskClock, h, mmss } from './dom';
import { entryScore, historyEntry } from './history/score';
import { personOf, timelineWords, visitorLabel } from './words';

type SelfAssessment = Record<string, Level | null>;

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

  /**
   * The criteria this contact observed most (at most four, in the rubric's order): the short
   * self-assessment asks only these; the others stay optional (issue 22: eleven criteria after
   * one phone call was too long).
   */
  shortCriteria(): string[] {
    const r = this.result.criteria;
    const assessed = this.rubric.criteria.filter((c) => r[c.id]?.level);
    const ranked = [...assessed].sort((a, b) => r[b.id].assessed - r[a.id].assessed);
    const pick = new Set(ranked.slice(0, 4).map((c) => c.id));
    return this.rubric.criteria.filter((c) => pick.has(c.id)).map((c) => c.id);
  }

  private selfFieldset(id: string, required: boolean) {
    return h(
      'fieldset',
      { class: 'criterion-self', 'data-self': id },
      h('legend', {}, h('strong', {}, `${id} `), this.wording(id)),
      ...this.levels.map((l) =>
        h(
          'span',
          { class: 'choice' },
          h('input', { type: 'radio', name: id, id: `self-${id}-${l}`, value: l, required }),
          h('label', { for: `self-${id}-${l}` }, this.levelLabel(l)),
        ),
      ),
    );
  }

  /** The criteria this scenario can assess: a face-to-face task of the phone rubric is left out of a desk with no visitor. */
  private shown() {
    const channels = new Set(this.scenario.contacts.map((c) => contactChannel(this.scenario, c)));
    return this.rubric.criteria.filter((c) => !c.channel || channels.has(c.channel) || this.result.criteria[c.id]?.level);
  }

  private selfAssessment() {
    const short = this.shortCriteria();
    const others = this.shown()
      .map((c) => c.id)
      .filter((id) => !short.includes(id));
    const form = h(
      'form',
      { class: 'self' },
      h('h1', { id: 'debrief-title' }, t('debrief.selfTitle')),
      h('p', {}, short.length ? t('debriefMore.self.shortIntro', { count: short.length }) : t('debrief.selfIntro')),
      ...(short.length ? short : others).map((id) => this.selfFieldset(id, true)),
      short.length && others.length
        ? h(
            'details',
            { class: 'self-more', id: 'self-more' },
            h('summary', {}, t('debriefMore.self.all', { count: others.length })),
            ...others.map((id) => this.selfFieldset(id, false)),
          )
        : null,
      h(
        'p',
        { class: 'self-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'see-score' }, t('debrief.seeScore')),
        h('button', { type: 'button', id: 'skip-self', onclick: () => this.showScore({}) }, t('debriefMore.self.skip')),
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const data = new FormData(form);
      this.showScore(Object.fromEntries(this.rubric.criteria.map((c) => [c.id, (data.get(c.id) as Level | null) ?? null])));
    });
    clear(this.root, form);
    (form.querySelector('input') as HTMLInputElement).focus();
  }

  /** A button that replays the contact from a few seconds before this moment. */
  private seeButton(o: ObservationRecord) {
    return h(
      'button',
      { type: 'button', class: 'see-moment', onclick: (e: Event) => this.leave(e, () => this.actions.onReplay(Math.max(0, o.t - 3))) },
      t('coach.see', { when: mmss(o.t) }),
    );
  }

  /** The control that left the debrief (a replay, a retried moment): focus comes back to it. */
  private returnTo?: HTMLElement;
  private chart?: DebriefState;

  private leave(e: Event, go: () => void) {
    this.returnTo = e.currentTarget as HTMLElement;
    go();
  }

  /**
   * Back from a replay or a retried moment: the same debrief (the score view, not the
   * self-assessment again), focus on the button that left it. Its chart: redrawChart().
   */
  restore() {
    const target = this.returnTo?.isConnected ? this.returnTo : (this.root.querySelector('h1') as HTMLElement | null);
    target?.focus();
  }

  /** The chart again, once the hall's canvas is back. */
  redrawChart() {
    if (this.chart) this.actions.onChart(this.chart);
  }

  /** The référentiel's exact wording in French; its English gloss in English. */
  private wording(id: string) {
    const c = this.rubric.criteria.find((x) => x.id === id)!;
    return language() === 'en' ? c.gloss.en : c.wording;
  }

  private gap(self: Level | null, level: Level | null): string {
    if (level && !self) return t('debriefMore.self.none');
    return gapWords(this.levels, self ?? level!, level);
  }

  /** Passed or not, with the score; a failed situation says why, whatever the average of the criteria. */
  private verdict() {
    const verdict = verdictOf(this.result);
    // The same function as "Mes progrès", on the same entry it keeps: both show one score.
    const score = entryScore(historyEntry(this.result, '', ''));
    const fault = (f: (typeof verdict.faults)[number]) => faultWords(f, this.scenario, this.rubric);
    return h(
      'section',
      { class: `verdict ${score.passed ? 'passed' : 'failed'}`, id: 'verdict', 'aria-labelledby': 'verdict-title' },
      h('h2', { id: 'verdict-title' }, t(score.passed ? 'debrief.verdictPassed' : 'debrief.verdictFailed', { score: score.percent })),
      score.capped ? h('p', {}, t('debrief.verdictCapped', { from: score.capped.from })) : null,
      verdict.faults.length ? h('ul', { class: 'faults' }, ...verdict.faults.map((f) => h('li', { 'data-fault': f.kind }, fault(f)))) : null,
    );
  }

  /** The visitor's (or caller's) satisfaction, and why: what they arrived with, what moved it, the sum. */
  private satisfactionSection() {
    const sat = this.result.satisfaction;
    const option = optionFinder(this.scenario);
    const stories = satisfactionStory(this.scenario, this.rubric, this.result);
    const n = (v: number) => String(Math.round(v));
    const signed = (v: number) => (v > 0 ? `+${n(v)}` : v < 0 ? `−${n(-v)}` : '0');
    const change = (m: FeelingMove) =>
      [
        m.mood ? t('debriefMore.satisfaction.mood', { value: signed(m.mood) }) : '',
        m.trust ? t('debriefMore.satisfaction.trust', { value: signed(m.trust) }) : '',
      ]
        .filter(Boolean)
        .join(', ');
    const story = (st: SatisfactionStory) => {
      const def = this.scenario.contacts.find((c) => c.id === st.contact)!;
      const name = visitorLabel(this.shift, st.contact);
      const phone = contactChannel(this.scenario, def) === 'phone';
      const s = st.satisfaction;
      return h(
        'div',
        { class: 'satisfaction-story', 'data-contact': st.contact },
        stories.length > 1 ? h('h3', {}, phone ? t('debriefMore.satisfaction.onPhone', { name }) : name, ` — ${s.score}/100`) : null,
        h('p', {}, t('debriefMore.satisfaction.start', { mood: n(st.start.mood), trust: n(st.start.trust), patience: n(st.start.patience) })),
        st.moves.length
          ? h(
              'div',
              {},
              h('p', {}, t('debriefMore.satisfaction.moves')),
              h(
                'ul',
                { class: 'feeling-moves' },
                ...st.moves.map((m) => {
                  const when = mmss(m.t);
                  const text = m.kind === 'act' ? tx(option(st.contact, m.option)?.text ?? { fr: m.option ?? '', en: m.option ?? '' }) : '';
                  return h(
                    'li',
                    { 'data-kind': m.kind, class: m.mood + m.trust < 0 ? 'down' : 'up' },
                    m.kind === 'act'
                      ? t('debriefMore.satisfaction.act', { when, text, change: change(m) })
                      : t('debriefMore.satisfaction.wait', { when, change: change(m) }),
                  );
                }),
              ),
            )
          : h('p', {}, t('debriefMore.satisfaction.none')),
        h(
          'p',
          {},
          t('debriefMore.satisfaction.end', {
            mood: n(st.end.mood),
            trust: n(st.end.trust),
            patience: n(st.end.patience),
            face: t(`debriefMore.satisfaction.face.${st.expression}`),
          }),
        ),
        h(
          'p',
          { class: 'satisfaction-sum' },
          t('debriefMore.satisfaction.sum', {
            mood: n(st.end.mood),
            trust: n(st.end.trust),
            need: s.needMet ? t('debriefMore.satisfaction.needMet') : t('debriefMore.satisfaction.needNotMet'),
            score: st.parts.cap === null ? s.score : Math.round(st.parts.mood + st.parts.trust + st.parts.need),
          }),
        ),
        st.parts.cap !== null ? h('p', {}, t(phone ? 'debriefMore.satisfaction.capPhone' : 'debriefMore.satisfaction.capFace')) : null,
      );
    };
    return h(
      'section',
      { class: 'satisfaction', 'aria-labelledby': 'sat-title' },
      h('h2', { id: 'sat-title' }, t(this.satisfactionKey())),
      h('p', { id: 'satisfaction-score' }, satisfactionWords(this.result, this.scenario)),
      h('p', {}, needWords(this.result, this.scenario)),
      h(
        'div',
        { class: 'satisfaction-why', id: 'satisfaction-why' },
        h('h3', {}, t('debriefMore.satisfaction.title')),
        h('p', {}, t('debriefMore.satisfaction.notGrade')),
        ...stories.map(story),
        stories.length > 1 ? h('p', {}, t('debriefMore.satisfaction.mean', { count: stories.length, score: sat.score })) : null,
        sat.score < 75 ? h('p', { class: 'satisfaction-higher' }, t('debriefMore.satisfaction.higher')) : null,
      ),
    );
  }

  private showScore(self: SelfAssessment) {
    const r = this.result;
    this.chart = {
      criteria: this.shown().map((c) => ({
        id: c.id,
        level: r.criteria[c.id].level,
        self: self[c.id] ?? null,
        ratio: r.criteria[c.id].assessed ? r.criteria[c.id].met / r.criteria[c.id].assessed : 0,
      })),
      satisfaction: r.satisfaction.score,
      levelLabels: Object.fromEntries(this.levels.map((l) => [l, this.levelLabel(l)])) as DebriefState['levelLabels'],
      notAssessedLabel: t('debrief.notAssessed'),
      title: t('debrief.chartTitle'),
      selfLabel: t('debrief.self'),
      scoreLabel: t('debrief.score'),
      satisfactionLabel: t(this.satisfactionKey()),
    };
    this.actions.onChart(this.chart);
    const option = optionFinder(this.scenario);
    const person = (contact: string) => personOf(this.scenario, contact);
    const moment = (o: ObservationRecord) => momentWords(o);
    const focus = focusPoints(r, this.rubric, this.scenario);
    const criteria = this.shown().map((c) => {
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
          s.level ? h('span', { class: 'met', 'data-met': `${s.met}/${s.assessed}` }, ` (${indicatorsMetWords(s.met, s.assessed)})`) : null,
        ),
        h('p', { class: 'wording' }, this.wording(c.id)),
        h('p', { class: 'gap' }, `${t('debrief.self')} : ${self[c.id] ? this.levelLabel(self[c.id] ?? null) : '—'} — ${this.gap(self[c.id] ?? null, s.level)}`),
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
                        ` — ${observationText(o, this.rubric, option, person)}`,
                        better && o.status !== 'met' ? h('span', { class: 'better' }, ` ${betterWords(tx(better.text))}`) : null,
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
                f.better ? h('p', { class: 'better' }, betterWords(f.better)) : null,
                f.observation.phase !== 'preparation'
                  ? h(
                      'p',
                      { class: 'moment-actions' },
                      this.seeButton(f.observation),
                      this.actions.onRetry && f.observation.kind === 'option'
                        ? h(
                            'button',
                            { type: 'button', class: 'retry', onclick: (e: Event) => this.leave(e, () => this.actions.onRetry?.(f.observation.t)) },
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
    clear(
      this.root,
      h('h1', { id: 'debrief-title', tabindex: -1 }, t('debrief.title')),
      this.verdict(),
      this.satisfactionSection(),
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
        h('button', { type: 'button', id: 'replay', onclick: (e: Event) => this.leave(e, () => this.actions.onReplay()) }, t('debrief.replay')),
        h('button', { type: 'button', id: 'download-run', onclick: () => this.actions.onDownload() }, t('debrief.download')),
        h('button', { type: 'button', class: 'primary', id: 'back-to-menu', onclick: () => this.actions.onMenu() }, t('debrief.menu')),
      ),
    );
    (this.root.querySelector('h1') as HTMLElement).focus();
  }
}

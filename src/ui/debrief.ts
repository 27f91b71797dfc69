import type { ShiftResult } from '../core/result';
import type { Level, Rubric } from '../core/schema/rubric';
import type { DebriefState } from '../game/hall-state';
import { language, t, tx } from '../i18n';
import { clear, deskClock, h, mmss } from './dom';

type SelfAssessment = Record<string, Level>;

/**
 * Debrief: first the student rates themselves on each criterion (auto-évaluation,
 * CP131.2), then sees the score with every evidence record, the visitor's
 * satisfaction, the timeline, and the gap between the two.
 */
export class Debrief {
  readonly root: HTMLElement;

  constructor(
    private readonly result: ShiftResult,
    private readonly rubric: Rubric,
    private readonly startTime: string,
    private readonly actions: { onChart(state: DebriefState): void; onReplay(): void; onMenu(): void; onDownload(): void },
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

  private showScore(self: SelfAssessment) {
    const r = this.result;
    const ratio = (p: number, m: number) => (m > 0 ? Math.max(0, p / m) : p < 0 ? 0 : 1);
    this.actions.onChart({
      criteria: this.rubric.criteria.map((c) => ({
        id: c.id,
        level: r.criteria[c.id].level,
        self: self[c.id],
        ratio: ratio(r.criteria[c.id].points, r.criteria[c.id].max),
      })),
      satisfaction: r.satisfaction.score,
      levelLabels: Object.fromEntries(this.levels.map((l) => [l, this.levelLabel(l)])) as DebriefState['levelLabels'],
      notAssessedLabel: t('debrief.notAssessed'),
      title: t('debrief.chartTitle'),
      selfLabel: t('debrief.self'),
      scoreLabel: t('debrief.score'),
      satisfactionLabel: t('debrief.satisfaction'),
    });
    const criteria = this.rubric.criteria.map((c) => {
      const s = r.criteria[c.id];
      return h(
        'section',
        { class: `criterion level-${s.level ?? 'none'}`, 'data-criterion': c.id, 'aria-labelledby': `crit-${c.id}` },
        h(
          'h2',
          { id: `crit-${c.id}` },
          `${c.id} — `,
          h('span', { class: 'level', 'data-level': s.level ?? 'none' }, this.levelLabel(s.level)),
          s.level ? h('span', { class: 'points', 'data-points': `${s.points}/${s.max}` }, ` (${t('debrief.points', { points: s.points, max: s.max })})`) : null,
        ),
        h('p', { class: 'wording' }, this.wording(c.id)),
        h('p', { class: 'gap' }, `${t('debrief.self')} : ${this.levelLabel(self[c.id])} — ${this.gap(self[c.id], s.level)}`),
        s.evidence.length
          ? h(
              'ul',
              { class: 'evidence' },
              ...s.evidence.map((e) =>
                h(
                  'li',
                  { class: e.points > 0 ? 'plus' : e.points < 0 ? 'minus' : 'zero' },
                  h('span', { class: 'pts' }, `${e.points > 0 ? '+' : ''}${e.points}/${e.max}`),
                  ` ${mmss(e.t)} · ${t(`phase.${e.phase}`)} — ${tx(e.why)}`,
                ),
              ),
            )
          : h('p', {}, t('debrief.noEvidence')),
      );
    });
    const sat = r.satisfaction;
    clear(
      this.root,
      h('h1', { id: 'debrief-title', tabindex: -1 }, t('debrief.title')),
      h(
        'section',
        { class: 'satisfaction', 'aria-labelledby': 'sat-title' },
        h('h2', { id: 'sat-title' }, t('debrief.satisfaction')),
        h('p', { id: 'satisfaction-score' }, t('debrief.satisfactionValue', { score: sat.score, level: t(`satisfaction.${sat.level}`) })),
        h('p', {}, sat.needMet ? t('debrief.needMet') : t('debrief.needNotMet'), sat.walkedOut ? ` ${t('debrief.walkedOut')}` : ''),
      ),
      ...criteria,
      h(
        'section',
        { class: 'timeline', 'aria-labelledby': 'timeline-title' },
        h('h2', { id: 'timeline-title' }, t('debrief.timeline')),
        h(
          'ol',
          {},
          ...r.timeline.map((l) =>
            h('li', {}, h('span', { class: 'time' }, deskClock(this.startTime, l.t, true)), ` ${t(`speaker.${l.speaker}`)} — ${tx(l.text)}`),
          ),
        ),
      ),
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

import { t, tx } from '../../i18n';
import { h } from '../dom';
import type { ToolContext } from './types';

/** Today's filtering instructions, absences and the floor plan. */
export function rulesPanel(ctx: ToolContext): HTMLElement {
  const { screeningRules, absences = [], floorPlan = [], directory } = ctx.scenario.desk;
  return h(
    'div',
    {},
    h('h3', {}, t('tools.rulesTitle')),
    h('ul', { class: 'rules' }, ...screeningRules.map((r) => h('li', {}, tx(r)))),
    absences.length ? h('h3', {}, t('tools.absences')) : null,
    absences.length
      ? h('ul', {}, ...absences.map((a) => h('li', {}, `${directory.find((p) => p.id === a.person)?.name ?? a.person} : ${tx(a.reason)}`)))
      : null,
    floorPlan.length ? h('h3', {}, t('tools.floorPlan')) : null,
    floorPlan.length ? h('ul', {}, ...floorPlan.map((f) => h('li', {}, `${tx(f.place)} : ${tx(f.where)}`))) : null,
  );
}

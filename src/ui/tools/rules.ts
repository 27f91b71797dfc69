import { t, tx } from '../../i18n';
import { h } from '../dom';
import type { ToolContext } from './types';

/** Today's filtering instructions (confidential ones marked), absences and the floor plan. */
export function rulesPanel(ctx: ToolContext): HTMLElement {
  const { rules, absences = [], floorPlan = [], directory } = ctx.scenario.desk;
  return h(
    'div',
    {},
    h('h3', {}, t('tools.rulesTitle')),
    h('ul', { class: 'rules' }, ...rules.map((r) => h('li', {}, r.confidential ? h('strong', {}, `${t('tools.confidential')} `) : null, tx(r.text)))),
    absences.length ? h('h3', {}, t('tools.absences')) : null,
    absences.length
      ? h('ul', {}, ...absences.map((a) => h('li', {}, `${directory.find((p) => p.id === a.person)?.name ?? a.person} : ${tx(a.reason)}`)))
      : null,
    floorPlan.length ? h('h3', {}, t('tools.floorPlan')) : null,
    floorPlan.length ? h('ul', {}, ...floorPlan.map((f) => h('li', {}, `${tx(f.place)} : ${tx(f.where)}`))) : null,
  );
}

/** Desk records beyond staff: guests, the mail book, delegations, tickets (confidential ones marked). */
export function recordsPanel(ctx: ToolContext): HTMLElement {
  const records = ctx.scenario.desk.records ?? [];
  if (!records.length) return h('p', {}, t('tools.noRecords'));
  const kinds = [...new Set(records.map((r) => r.kind))];
  return h(
    'div',
    {},
    ...kinds.flatMap((k) => [
      h('h3', {}, t(`tools.recordKind.${k}`)),
      h(
        'ul',
        {},
        ...records
          .filter((r) => r.kind === k)
          .map((r) => h('li', {}, r.confidential ? h('strong', {}, `${t('tools.confidential')} `) : null, `${tx(r.label)} — ${tx(r.details)}`)),
      ),
    ]),
  );
}

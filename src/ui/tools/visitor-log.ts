import { t } from '../../i18n';
import { h } from '../dom';
import { field, formValues, personField } from './forms';
import type { ToolContext } from './types';

/** Registre des visiteurs: log the visitor as they introduced themselves, and hand a numbered badge. */
export function visitorLogPanel(ctx: ToolContext, clock: () => string): HTMLElement {
  const rows = ctx.records.log;
  const table = h(
    'table',
    { class: 'visitor-log' },
    h('caption', {}, t('tools.logTitle')),
    h('thead', {}, h('tr', {}, ...['time', 'name', 'company', 'badge', 'host'].map((k) => h('th', { scope: 'col' }, t(`tools.col.${k}`))))),
    h(
      'tbody',
      {},
      ...(rows.length
        ? rows.map((r) => h('tr', {}, h('td', {}, r.time), h('td', {}, r.name), h('td', {}, r.company), h('td', {}, r.badge), h('td', {}, r.host)))
        : [h('tr', {}, h('td', { colspan: 5 }, t('tools.logEmpty')))]),
    ),
  );
  const pending = ctx.pending;
  if (!pending) return h('div', {}, table);
  const badge = `V-${String(rows.length + 1).padStart(3, '0')}`;
  const form = h(
    'form',
    { class: 'tool-form' },
    field('log-name', t('tools.col.name'), { required: true }),
    field('log-company', t('tools.col.company')),
    personField('log-host', t('tools.col.host'), ctx.scenario),
    h('p', {}, t('tools.badgeNumber', { badge })),
    h('button', { type: 'submit', class: 'primary' }, t('tools.logSubmit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const host = ctx.scenario.desk.directory.find((p) => p.id === v['log-host'])?.name ?? '';
    rows.push({ time: clock(), name: v['log-name'], company: v['log-company'], badge, host });
    pending.confirm({ name: v['log-name'], company: v['log-company'], for: v['log-host'] });
  });
  return h('div', {}, form, table);
}

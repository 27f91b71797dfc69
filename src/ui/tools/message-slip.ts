import { t } from '../../i18n';
import { h } from '../dom';
import { field, formValues } from './forms';
import type { ToolContext } from './types';

/** Fiche message: every field a colleague needs to act on the message. */
export function messageSlipPanel(ctx: ToolContext, clock: () => string): HTMLElement {
  const slips = ctx.records.slips;
  const list = h(
    'ul',
    { class: 'slips' },
    ...slips.map((s) =>
      h('li', {}, `${s.time} — ${t('tools.slip.to')} ${s.to} — ${s.from} (${s.company}) — ${s.message}${s.urgent ? ` — ${t('tools.slip.urgent')}` : ''}`),
    ),
  );
  const pending = ctx.pending;
  if (!pending) return h('div', {}, slips.length ? list : h('p', {}, t('tools.slip.none')));
  const to = pending.targets.map((id) => ctx.scenario.desk.directory.find((p) => p.id === id)?.name ?? id)[0] ?? '';
  const urgent = h('input', { type: 'checkbox', id: 'slip-urgent', name: 'slip-urgent' });
  const form = h(
    'form',
    { class: 'tool-form' },
    field('slip-to', t('tools.slip.to'), { value: to, required: true }),
    field('slip-from', t('tools.slip.from'), { value: pending.visitorName, required: true }),
    field('slip-company', t('tools.slip.company'), { value: pending.company ?? '' }),
    field('slip-phone', t('tools.slip.phone'), { required: true }),
    field('slip-message', t('tools.slip.message'), { required: true, multiline: true }),
    h('p', { class: 'field inline' }, urgent, h('label', { for: 'slip-urgent' }, t('tools.slip.urgent'))),
    h('button', { type: 'submit', class: 'primary' }, t('tools.slip.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    slips.push({
      time: clock(),
      to: v['slip-to'],
      from: v['slip-from'],
      company: v['slip-company'],
      phone: v['slip-phone'],
      message: v['slip-message'],
      urgent: urgent.checked,
    });
    pending.confirm();
  });
  return h('div', {}, form, list);
}

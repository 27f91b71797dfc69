import { t } from '../../i18n';
import { h } from '../dom';
import { field, formValues, personField } from './forms';
import type { ToolContext } from './types';

/** Fiche message: every field a colleague needs to act on the message, written from what the visitor said. */
export function messageSlipPanel(ctx: ToolContext, clock: () => string): HTMLElement {
  const slips = ctx.records.slips;
  const list = h(
    'ul',
    { class: 'slips' },
    ...slips.map((s) =>
      h(
        'li',
        {},
        `${s.time} — ${t('tools.slip.to')} ${s.to} — ${s.from} (${s.company}) — ${s.phone} — ${s.message}${s.callback ? ` — ${t('tools.slip.callback')} ${s.callback}` : ''}${s.urgent ? ` — ${t('tools.slip.urgent')}` : ''}`,
      ),
    ),
  );
  const pending = ctx.pending;
  if (!pending) return h('div', {}, slips.length ? list : h('p', {}, t('tools.slip.none')));
  const urgent = h('input', { type: 'checkbox', id: 'slip-urgent', name: 'slip-urgent' });
  const form = h(
    'form',
    { class: 'tool-form' },
    personField('slip-to', t('tools.slip.to'), ctx.scenario),
    field('slip-from', t('tools.slip.from'), { required: true }),
    field('slip-company', t('tools.slip.company')),
    field('slip-phone', t('tools.slip.phone'), { required: true, type: 'tel' }),
    field('slip-message', t('tools.slip.message'), { required: true, multiline: true }),
    field('slip-callback', t('tools.slip.callback')),
    h('p', { class: 'field inline' }, urgent, h('label', { for: 'slip-urgent' }, t('tools.slip.urgent'))),
    h('button', { type: 'submit', class: 'primary' }, t('tools.slip.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const to = ctx.scenario.desk.directory.find((p) => p.id === v['slip-to'])?.name ?? '';
    slips.push({
      time: clock(),
      to,
      from: v['slip-from'],
      company: v['slip-company'],
      phone: v['slip-phone'],
      message: v['slip-message'],
      urgent: urgent.checked,
      callback: v['slip-callback'],
    });
    pending.confirm({
      for: v['slip-to'],
      name: v['slip-from'],
      company: v['slip-company'],
      phone: v['slip-phone'],
      subject: v['slip-message'],
      callback: v['slip-callback'],
      urgency: urgent.checked ? 'high' : 'normal',
    });
  });
  return h('div', {}, form, list);
}

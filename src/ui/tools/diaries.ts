import { t, tx } from '../../i18n';
import { h } from '../dom';
import { field, formValues, personField } from './forms';
import type { ToolContext } from './types';

/** What a booking in the diary can ask for, in the order a receptionist writes it. */
const BOOKING_FIELDS = ['for', 'name', 'company', 'phone', 'time'] as const;

/** Colleagues' diaries for the day; when the act is to book a slot, the booking form above them. */
export function diariesPanel(ctx: ToolContext): HTMLElement {
  const { directory, diaries = {} } = ctx.scenario.desk;
  const entries = Object.entries(diaries);
  const list = entries.length
    ? h(
        'div',
        { class: 'diaries' },
        ...entries.map(([id, slots]) =>
          h(
            'section',
            {},
            h('h3', {}, directory.find((p) => p.id === id)?.name ?? id),
            h('ul', {}, ...slots.map((s) => h('li', {}, h('strong', {}, s.time), ` ${tx(s.what)}`))),
          ),
        ),
      )
    : h('p', {}, t('tools.noDiary'));
  const checks = ctx.pending?.option.checks ?? [];
  const wanted = BOOKING_FIELDS.filter((f) => checks.includes(f));
  if (!ctx.pending || !wanted.length) return list;
  // A booking is written, not clicked: whose diary, who comes, when — checked against what the caller said and the diary.
  const pending = ctx.pending;
  const form = h(
    'form',
    { class: 'tool-form booking' },
    ...wanted.map((f) =>
      f === 'for'
        ? personField('book-for', t('tools.book.for'), ctx.scenario)
        : field(`book-${f}`, t(`tools.book.${f}`), { required: f === 'time' || f === 'name', type: f === 'phone' ? 'tel' : 'text' }),
    ),
    h('button', { type: 'submit', class: 'primary' }, t('tools.book.submit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    pending.confirm(Object.fromEntries(wanted.map((f) => [f, v[`book-${f}`] ?? ''])));
  });
  return h('div', {}, form, list);
}

import type { Scenario } from '../../core/schema/scenario';
import { t } from '../../i18n';
import { h } from '../dom';

/** A labelled form field; `required` fields block submission until filled. */
export function field(id: string, label: string, opts: { value?: string; required?: boolean; multiline?: boolean; type?: string } = {}) {
  const input = opts.multiline
    ? h('textarea', { id, name: id, required: opts.required, rows: 3 })
    : h('input', { id, name: id, type: opts.type ?? 'text', required: opts.required, value: opts.value });
  if (opts.multiline && opts.value) input.value = opts.value;
  return h('p', { class: 'field' }, h('label', { for: id }, label), input);
}

/** A choice of a person from the directory, with nobody chosen: the student must find who it is for. */
export function personField(id: string, label: string, scenario: Scenario) {
  const select = h(
    'select',
    { id, name: id, required: true },
    h('option', { value: '' }, t('tools.choosePerson')),
    ...scenario.desk.directory.map((p) => h('option', { value: p.id }, p.name)),
  );
  return h('p', { class: 'field' }, h('label', { for: id }, label), select);
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]));
}

import { h } from '../dom';

/** A labelled form field; `required` fields block submission until filled. */
export function field(id: string, label: string, opts: { value?: string; required?: boolean; multiline?: boolean } = {}) {
  const input = opts.multiline
    ? h('textarea', { id, name: id, required: opts.required, rows: 3 })
    : h('input', { id, name: id, type: 'text', required: opts.required, value: opts.value });
  if (opts.multiline && opts.value) input.value = opts.value;
  return h('p', { class: 'field' }, h('label', { for: id }, label), input);
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, String(v).trim()]));
}

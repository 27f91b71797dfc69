import type { Scenario } from '../core/schema/scenario';
import { t, tx } from '../i18n';
import { h } from './dom';

/**
 * Background desk work: file the morning mail into the right department's
 * pigeonhole (the directory says which). It keeps the student busy so a visitor
 * walks in on real work, as at a real desk; it earns nothing, and noticing the
 * arrival matters more (CP2).
 */
export function deskWork(scenario: Scenario): HTMLElement {
  const people = scenario.desk.directory;
  const services = [...new Set(people.map((p) => tx(p.service)))];
  const status = h('p', { class: 'mail-status', role: 'status' });
  const list = h('ul', { class: 'mail' });
  let filed = 0;
  const letters = people.slice(0, 4);
  const progress = () => t('work.progress', { count: filed, total: letters.length });
  letters.forEach((person, i) => {
    const select = h('select', { id: `mail-${i}` }, h('option', { value: '' }, t('work.choose')), ...services.map((s) => h('option', { value: s }, s)));
    // Four "File" buttons side by side: each one names its letter, so a screen reader can tell them apart.
    const button = h('button', { type: 'button', 'aria-label': t('work.fileLetter', { name: person.name }) }, t('work.file'));
    button.addEventListener('click', () => {
      if (!select.value) return;
      if (select.value !== tx(person.service)) {
        status.textContent = t('work.wrong', { name: person.name });
        return;
      }
      filed += 1;
      select.disabled = button.disabled = true;
      button.textContent = t('work.filed');
      button.setAttribute('aria-label', t('work.filedLetter', { name: person.name }));
      status.textContent = progress();
    });
    list.append(h('li', {}, h('label', { for: `mail-${i}` }, t('work.letter', { name: person.name })), select, button));
  });
  status.textContent = progress();
  return h(
    'section',
    { class: 'desk-work', 'aria-labelledby': 'work-title' },
    h('h2', { id: 'work-title' }, t('work.title')),
    h('p', { class: 'work-help' }, t('work.help')),
    list,
    status,
  );
}

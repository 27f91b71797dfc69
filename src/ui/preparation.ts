import type { Rubric } from '../core/schema/rubric';
import type { Scenario } from '../core/schema/scenario';
import { t, tx } from '../i18n';
import { h } from './dom';

/**
 * Start of shift (CP1): choose an outfit for the venue, pin the badge, tidy the
 * desk, read today's instructions — then open the desk. Nothing is pre-ticked.
 */
export function preparationPanel(scenario: Scenario, rubric: Rubric, onOpen: (items: string[]) => void, showRules: () => void): HTMLElement {
  const prep = rubric.preparation;
  const outfits = prep?.outfits ?? [];
  const form = h(
    'form',
    { class: 'preparation', 'aria-labelledby': 'prep-title' },
    h('h2', { id: 'prep-title' }, t('prep.title')),
    h('p', { class: 'brief' }, tx(scenario.summary)),
    h('p', {}, t('prep.where', { company: scenario.desk.company, venue: t(`venue.${scenario.venue}`), time: scenario.desk.startTime })),
    outfits.length
      ? h(
          'fieldset',
          {},
          h('legend', {}, t('prep.outfit')),
          ...outfits.map((o, i) =>
            h(
              'p',
              { class: 'field inline' },
              h('input', { type: 'radio', name: 'outfit', id: `outfit-${o.id}`, value: o.id, required: i === 0 }),
              h('label', { for: `outfit-${o.id}` }, tx(o.text)),
            ),
          ),
        )
      : null,
    prep?.tasks.length
      ? h(
          'fieldset',
          {},
          h('legend', {}, t('prep.tasks')),
          ...prep.tasks.map((task) =>
            h(
              'p',
              { class: 'field inline' },
              h('input', { type: 'checkbox', name: 'task', id: `task-${task.id}`, value: task.id }),
              h('label', { for: `task-${task.id}` }, tx(task.text)),
              task.id === 'read-rules' ? h('button', { type: 'button', class: 'link', onclick: showRules }, t('prep.showRules')) : null,
            ),
          ),
        )
      : null,
    h('button', { type: 'submit', class: 'primary', id: 'open-desk' }, t('prep.open')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    onOpen([...data.getAll('outfit'), ...data.getAll('task')].map(String));
  });
  return form;
}
